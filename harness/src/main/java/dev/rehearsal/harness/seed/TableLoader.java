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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads one table through COPY on several connections at once. Rows are made in chunks of
 * {@value #CHUNK_ROWS}; streams take the next chunk until none is left, so the data is the same
 * whatever the number of streams (values are functions of the row number) and memory stays at
 * one chunk buffer per stream whatever the row count. Each chunk's encoded bytes feed the
 * table's checksum, summed so that the order chunks finish in does not matter.
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
  private final SeedProgress progress;

  TableLoader(DatabaseTarget target, GeneratorFactory factory, int streams, SeedProgress progress) {
    this.target = target;
    this.factory = factory;
    this.streams = streams;
    this.progress = progress;
  }

  /** Result of one table's data load. */
  record Loaded(String table, long rows, long millis, CopyFormat format, long checksum, String synchronousCommit) {}

  Loaded load(String table, long rows) {
    long startNanos = System.nanoTime();
    GeneratorFactory.TableGenerators probe = factory.forTable(table);
    List<String> types = probe.columns().stream().map(TableColumn::type).toList();
    CopyFormat format = "text".equalsIgnoreCase(System.getenv("REHEARSAL_COPY_FORMAT"))
        ? CopyFormat.TEXT // for measuring text against binary COPY (benchmarks/README.md)
        : CopyRows.formatFor(types);
    long chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
    int streamCount = (int) Math.max(1, Math.min(streams, chunks));
    // one stream can load with FREEZE (the table truncated in the same transaction): rows are
    // written frozen and all-visible, so the VACUUM after loading has nothing left to do
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
    AtomicLong nextChunk = new AtomicLong();
    AtomicLong rowsDone = new AtomicLong();
    AtomicLong checksum = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> synchronousCommit = new java.util.concurrent.atomic.AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(streamCount, r -> {
      Thread t = new Thread(r, "rehearsal-seed-" + table);
      t.setDaemon(true);
      return t;
    });
    progress.started(table);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int s = 0; s < streamCount; s++) {
        futures.add(pool.submit(() -> {
          stream(sql, freeze, table, types, format, rows, chunks, nextChunk, rowsDone, checksum, synchronousCommit);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        waitFor(f, table, rows, rowsDone, startNanos);
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    progress.finished(table, rows, millis / 1000.0, format.name().toLowerCase(java.util.Locale.ROOT));
    return new Loaded(table, rows, millis, format, checksum.get(), synchronousCommit.get());
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

  /** One stream: one COPY, fed chunk by chunk until the table has all its rows. */
  private void stream(String sql, boolean freeze, String table, List<String> types, CopyFormat format, long rows, long chunks,
      AtomicLong nextChunk, AtomicLong rowsDone, AtomicLong checksum,
      java.util.concurrent.atomic.AtomicReference<String> synchronousCommit) throws SQLException {
    List<ColumnGenerator> generators = factory.forTable(table).generators();
    CopyBuffer buffer = new CopyBuffer(1 << 21);
    CopyRows encoder = new CopyRows(types, format, buffer);
    CRC32C crc = new CRC32C();
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.SEED)) {
      try (Statement st = c.createStatement()) {
        for (String setting : SESSION_SETTINGS) {
          st.execute(setting);
        }
        // read back, so the seed result shows what the loading sessions really ran with
        try (java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('synchronous_commit')")) {
          rs.next();
          synchronousCommit.set(rs.getString(1));
        }
      }
      if (freeze) {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          st.execute("TRUNCATE " + table);
        }
      }
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        encoder.header();
        copy.writeToCopy(buffer.array(), 0, buffer.size());
        long chunk;
        while ((chunk = nextChunk.getAndIncrement()) < chunks) {
          long encoded = encodeChunk(generators, encoder, chunk, rows);
          checksum.addAndGet(chunkHash(crc, buffer, chunk));
          copy.writeToCopy(buffer.array(), 0, buffer.size());
          rowsDone.addAndGet(encoded);
        }
        buffer.reset();
        encoder.trailer();
        copy.writeToCopy(buffer.array(), 0, buffer.size());
        copy.endCopy();
        if (freeze) {
          c.commit();
        }
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
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
