package dev.rehearsal.harness.seed;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.CopyBuffer;
import dev.rehearsal.harness.seed.copy.CopyFormat;
import dev.rehearsal.harness.seed.copy.CopyRows;
import dev.rehearsal.harness.seed.generate.ColumnGenerator;
import dev.rehearsal.harness.seed.generate.GeneratorFactory;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads one table through COPY. Rows are made in chunks of {@value #CHUNK_ROWS}, and a row's
 * values are functions of its row number, so the data is the same whichever thread encodes a
 * chunk and whatever the number of streams; memory stays at a few chunk buffers whatever the row
 * count. Each chunk's encoded bytes feed the table's checksum, summed so that the order chunks
 * finish in does not matter.
 *
 * <p>Two ways, chosen by the number of streams: one session with {@code COPY ... FREEZE}, fed in
 * row order by one encoder per core (the default: no VACUUM has to freeze the rows afterwards,
 * and on a few cores the server's one COPY backend keeps pace with the encoders), or several
 * sessions each taking the next chunk, whose rows the VACUUM after loading freezes.
 *
 * <p>Public only for {@link #encodeChunk} and {@link #chunkHash}, the per-chunk work of a stream
 * without the database, which the seeding benchmark (benchmarks/SeedGenerationBenchmark) times.
 */
public final class TableLoader {

  /** Rows per chunk: what a stream encodes, checksums and hands to the driver at a time. */
  public static final int CHUNK_ROWS = 10_000;

  /** Settings for the seeding sessions only; the rehearsal's own sessions keep the scenario's. */
  static final List<String> SESSION_SETTINGS = List.of("SET synchronous_commit = off");

  private final DatabaseTarget target;
  private final GeneratorFactory factory;
  private final int streams;
  /** Threads encoding chunks for a single FREEZE stream. */
  private final int encoders;
  private final SeedProgress progress;

  TableLoader(DatabaseTarget target, GeneratorFactory factory, int streams, SeedProgress progress) {
    this.target = target;
    this.factory = factory;
    this.streams = streams;
    this.encoders = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.progress = progress;
  }

  /** Result of one table's data load. */
  /** @param frozen loaded by one COPY FREEZE session: tuples already frozen and all-visible */
  record Loaded(String table, long rows, long millis, CopyFormat format, long checksum, String synchronousCommit,
      boolean frozen) {}

  Loaded load(String table, long rows) {
    long startNanos = System.nanoTime();
    GeneratorFactory.TableGenerators probe = factory.forTable(table);
    List<String> types = probe.columns().stream().map(TableColumn::type).toList();
    CopyFormat format = "text".equalsIgnoreCase(System.getenv("REHEARSAL_COPY_FORMAT"))
        ? CopyFormat.TEXT // for measuring text against binary COPY (benchmarks/README.md)
        : CopyRows.formatFor(types);
    long chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
    int streamCount = (int) Math.max(1, Math.min(streams, chunks));
    // one stream loads with FREEZE (the table truncated in the same transaction): rows are written
    // frozen and all-visible, so the VACUUM after loading has nothing left to do. Several streams
    // cannot: FREEZE needs the truncating transaction's lock, which keeps every other session out.
    boolean freeze = streamCount == 1;
    List<String> options = new ArrayList<>();
    if (format == CopyFormat.BINARY) {
      options.add("FORMAT binary");
    }
    if (freeze) {
      options.add("FREEZE");
    }
    String sql = "COPY " + table + " (" + probe.columns().stream().map(c -> quoteIdent(c.name()))
        .collect(Collectors.joining(", ")) + ") FROM STDIN" + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")");
    Progress done = new Progress();
    int threads = freeze ? encoders : streamCount;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "rehearsal-seed-" + table);
      t.setDaemon(true);
      return t;
    });
    progress.started(table);
    try {
      List<Future<?>> futures = new ArrayList<>();
      if (freeze) {
        // the COPY session is fed from its own thread, the encoders run on the pool's
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "rehearsal-seed-" + table + "-copy");
          t.setDaemon(true);
          return t;
        });
        try {
          futures.add(writer.submit(() -> {
            frozenStream(sql, table, types, format, rows, chunks, pool, done);
            return null;
          }));
          waitFor(futures.get(0), table, rows, done.rows, startNanos);
        } finally {
          writer.shutdownNow();
        }
      } else {
        AtomicLong nextChunk = new AtomicLong();
        for (int s = 0; s < streamCount; s++) {
          futures.add(pool.submit(() -> {
            stream(sql, table, types, format, rows, chunks, nextChunk, done);
            return null;
          }));
        }
        for (Future<?> f : futures) {
          waitFor(f, table, rows, done.rows, startNanos);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    progress.finished(table, rows, millis / 1000.0, format.name().toLowerCase(java.util.Locale.ROOT)
        + (freeze ? " FREEZE, " + encoders + " encoder(s)" : ", " + streamCount + " sessions"));
    return new Loaded(table, rows, millis, format, done.checksum.get(), done.synchronousCommit.get(), freeze);
  }

  /** What the streams of one table report: rows sent, the checksum so far, the sessions' synchronous_commit. */
  private static final class Progress {
    final AtomicLong rows = new AtomicLong();
    final AtomicLong checksum = new AtomicLong();
    final AtomicReference<String> synchronousCommit = new AtomicReference<>();
  }

  private void waitFor(Future<?> f, String table, long rows, AtomicLong rowsDone, long startNanos) {
    while (true) {
      try {
        f.get(250, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        progress.update(table, rowsDone.get(), rows, (System.nanoTime() - startNanos) / 1e9);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("seeding " + table + " was interrupted", e);
      } catch (ExecutionException e) {
        throw failure(table, e.getCause());
      }
    }
  }

  static RuntimeException failure(String table, Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null
        && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("42"))) {
      return new BadInputException("seeding " + table + " failed: " + sql.getMessage() + " (SQLSTATE "
          + sql.getSQLState() + ")\n  fix: check the dataset generators against the schema's types and constraints", sql);
    }
    return new InfrastructureException("seeding " + table + " failed: " + cause.getMessage(), cause);
  }

  /** One of several parallel streams: one COPY, fed chunk by chunk until the table has all its rows. */
  private void stream(String sql, String table, List<String> types, CopyFormat format, long rows, long chunks,
      AtomicLong nextChunk, Progress done) throws SQLException {
    Encoder encoder = new Encoder(factory.forTable(table).generators(), types, format);
    try (Connection c = seedingSession(done)) {
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        encoder.header();
        copy.writeToCopy(encoder.buffer.array(), 0, encoder.buffer.size());
        long chunk;
        while ((chunk = nextChunk.getAndIncrement()) < chunks) {
          encoder.encode(chunk, rows);
          done.checksum.addAndGet(encoder.hash);
          copy.writeToCopy(encoder.buffer.array(), 0, encoder.buffer.size());
          done.rows.addAndGet(encoder.rows);
        }
        encoder.trailer();
        copy.writeToCopy(encoder.buffer.array(), 0, encoder.buffer.size());
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
  }

  /**
   * The single stream with FREEZE: one session truncates the table and COPYs every chunk in row
   * order, in one transaction, while the pool's encoders make the next chunks. The server's COPY
   * and the harness's encoding run side by side instead of taking turns on one thread (with one
   * thread, the server waited while a chunk was encoded and the encoder while the server parsed).
   * {@link #encoders} + 2 chunks are in flight at most, each in a buffer reused once written: memory
   * stays flat in the row count.
   */
  private void frozenStream(String sql, String table, List<String> types, CopyFormat format, long rows, long chunks,
      ExecutorService pool, Progress done) throws SQLException, InterruptedException, ExecutionException {
    BlockingQueue<Encoder> free = new ArrayBlockingQueue<>(encoders + 2);
    for (int i = 0; i < encoders + 2; i++) {
      free.add(new Encoder(factory.forTable(table).generators(), types, format));
    }
    Deque<Future<Encoder>> inFlight = new ArrayDeque<>();
    try (Connection c = seedingSession(done)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("TRUNCATE " + table);
      }
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        Encoder edge = free.take();
        edge.header();
        copy.writeToCopy(edge.buffer.array(), 0, edge.buffer.size());
        free.add(edge);
        long submitted = 0;
        for (long written = 0; written < chunks; written++) {
          Encoder slot;
          while (submitted < chunks && (slot = free.poll()) != null) {
            long chunk = submitted++;
            Encoder encoder = slot;
            inFlight.add(pool.submit(() -> encoder.encode(chunk, rows)));
          }
          Encoder encoded = inFlight.remove().get();
          done.checksum.addAndGet(encoded.hash);
          copy.writeToCopy(encoded.buffer.array(), 0, encoded.buffer.size());
          done.rows.addAndGet(encoded.rows);
          free.add(encoded);
        }
        edge = free.take();
        edge.trailer();
        copy.writeToCopy(edge.buffer.array(), 0, edge.buffer.size());
        copy.endCopy();
        c.commit();
      } finally {
        inFlight.forEach(f -> f.cancel(true));
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
  }

  /** A seeding session with {@link #SESSION_SETTINGS}, whose synchronous_commit is read back for the seed result. */
  private Connection seedingSession(Progress done) throws SQLException {
    Connection c = ScratchDatabase.connect(target, ApplicationNames.SEED);
    try (Statement st = c.createStatement()) {
      for (String setting : SESSION_SETTINGS) {
        st.execute(setting);
      }
      try (java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('synchronous_commit')")) {
        rs.next();
        done.synchronousCommit.set(rs.getString(1));
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** A table's generators, encoder and buffer for one chunk at a time, and what its last chunk was. */
  private static final class Encoder {
    final List<ColumnGenerator> generators;
    final CopyBuffer buffer = new CopyBuffer(1 << 21);
    final CopyRows rowsEncoder;
    final CRC32C crc = new CRC32C();
    long hash;
    long rows;

    Encoder(List<ColumnGenerator> generators, List<String> types, CopyFormat format) {
      this.generators = generators;
      this.rowsEncoder = new CopyRows(types, format, buffer);
    }

    Encoder encode(long chunk, long tableRows) {
      rows = encodeChunk(generators, rowsEncoder, chunk, tableRows);
      hash = chunkHash(crc, buffer, chunk);
      return this;
    }

    void header() {
      buffer.reset();
      rowsEncoder.header();
    }

    void trailer() {
      buffer.reset();
      rowsEncoder.trailer();
    }
  }

  /**
   * Chunk {@code chunk} (from 0) of a table of {@code rows} rows, generated and encoded into the
   * encoder's buffer, which is reset first: rows {@code chunk * CHUNK_ROWS + 1} to the chunk's end
   * or the table's. Every row's values are functions of its row number, so a chunk's bytes are
   * the same whichever stream encodes it.
   *
   * @param generators the table's column generators, in the encoder's column order
   * @return the number of rows encoded
   */
  public static long encodeChunk(List<ColumnGenerator> generators, CopyRows encoder, long chunk, long rows) {
    encoder.buffer().reset();
    long first = chunk * CHUNK_ROWS + 1;
    long last = Math.min(rows, first + CHUNK_ROWS - 1);
    for (long row = first; row <= last; row++) {
      encoder.beginRow();
      for (int i = 0; i < generators.size(); i++) {
        generators.get(i).write(row, encoder.field(i));
      }
      encoder.endRow();
    }
    return last - first + 1;
  }

  /**
   * The encoded chunk's share of the table's checksum: a CRC32C of its bytes (in {@code crc},
   * reused), mixed with the chunk number ({@link Fingerprint}).
   */
  public static long chunkHash(CRC32C crc, CopyBuffer buffer, long chunk) {
    crc.reset();
    crc.update(buffer.array(), 0, buffer.size());
    return Fingerprint.chunkHash(crc.getValue(), chunk);
  }

  static String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
