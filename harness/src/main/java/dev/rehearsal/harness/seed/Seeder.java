package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.TableSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Fills tables with generated rows through COPY, several streams per table. Rows are made in
 * chunks of {@value #CHUNK_ROWS}, each chunk with its own random stream derived from the seed, so
 * the data is the same whatever the number of streams, and memory stays flat whatever the row
 * count.
 */
public final class Seeder {

  static final int CHUNK_ROWS = 10_000;

  private final DatabaseTarget target;
  private final long seed;
  private final int streams;
  private final Consumer<String> progress;

  /** @param progress receives human-readable progress lines */
  public Seeder(DatabaseTarget target, long seed, int streams, Consumer<String> progress) {
    this.target = target;
    this.seed = seed;
    this.streams = Math.max(1, streams);
    this.progress = progress;
  }

  /** Result of seeding one table. */
  public record SeededTable(String name, long rows, long millis) {}

  public SeededTable seed(TableSpec table) {
    long startNanos = System.nanoTime();
    List<TableColumn> columns = describe(table.name());
    for (String declared : table.columns().keySet()) {
      if (columns.stream().noneMatch(c -> c.name().equals(declared))) {
        throw new BadInputException("dataset table " + table.name() + " declares column " + declared
            + ", which the schema does not have\n  fix: columns of " + table.name() + " are "
            + columns.stream().map(TableColumn::name).collect(Collectors.joining(", ")));
      }
    }
    List<ValueGenerator> generators = new ArrayList<>();
    for (TableColumn column : columns) {
      generators.add(ValueGenerators.of(table.name(), column, table.columns().get(column.name())));
    }
    String copySql = "COPY " + table.name() + " (" + columns.stream().map(c -> quoteIdent(c.name()))
        .collect(Collectors.joining(", ")) + ") FROM STDIN";
    long chunks = (table.rows() + CHUNK_ROWS - 1) / CHUNK_ROWS;
    AtomicLong nextChunk = new AtomicLong();
    AtomicLong rowsDone = new AtomicLong();
    long tableSeed = seed ^ ((long) table.name().hashCode() << 32);
    ExecutorService pool = Executors.newFixedThreadPool(streams, r -> {
      Thread t = new Thread(r, "rehearsal-seed-" + table.name());
      t.setDaemon(true);
      return t;
    });
    ProgressLine line = new ProgressLine(table.name(), table.rows(), rowsDone, progress);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int s = 0; s < streams; s++) {
        futures.add(pool.submit(() -> {
          copyChunks(copySql, generators, table.rows(), chunks, nextChunk, rowsDone, tableSeed);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        waitFor(f, table.name(), line);
      }
    } finally {
      pool.shutdownNow();
    }
    advanceSequences(table.name(), columns, table.rows());
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    line.finish(millis);
    return new SeededTable(table.name(), table.rows(), millis);
  }

  private void waitFor(Future<?> f, String table, ProgressLine line) {
    while (true) {
      try {
        f.get(2, java.util.concurrent.TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        line.report();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("seeding " + table + " was interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof SQLException sql) {
          throw new BadInputException("seeding " + table + " failed: " + sql.getMessage()
              + "\n  fix: check the dataset generators against the schema's types and constraints", sql);
        }
        throw new InfrastructureException("seeding " + table + " failed: " + cause.getMessage(), cause);
      }
    }
  }

  /** One stream: takes chunks until none is left, each chunk one COPY batch. */
  private void copyChunks(String copySql, List<ValueGenerator> generators, long rows, long chunks,
      AtomicLong nextChunk, AtomicLong rowsDone, long tableSeed) throws SQLException, IOException {
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-seed")) {
      try (Statement st = c.createStatement()) {
        // fast-load settings for this seeding session only; the rehearsal's sessions keep the
        // scenario's durability settings
        st.execute("SET synchronous_commit = off");
      }
      PGConnection pg = c.unwrap(PGConnection.class);
      try (PGCopyOutputStream out = new PGCopyOutputStream(pg, copySql, 1 << 16)) {
        StringBuilder line = new StringBuilder(256);
        long chunk;
        while ((chunk = nextChunk.getAndIncrement()) < chunks) {
          SplittableRandom random = new SplittableRandom(tableSeed + chunk * 0x9E3779B97F4A7C15L);
          long first = chunk * CHUNK_ROWS + 1;
          long last = Math.min(rows, first + CHUNK_ROWS - 1);
          for (long row = first; row <= last; row++) {
            line.setLength(0);
            for (int i = 0; i < generators.size(); i++) {
              if (i > 0) {
                line.append('\t');
              }
              String value = generators.get(i).value(row, random);
              line.append(value == null ? "\\N" : value);
            }
            line.append('\n');
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
          }
          rowsDone.addAndGet(last - first + 1);
        }
      }
    }
  }

  private List<TableColumn> describe(String table) {
    String sql = """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'),
               EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary
                       AND a.attnum = ANY (i.indkey))
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = ''
        ORDER BY a.attnum""";
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-seed");
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      List<TableColumn> columns = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(new TableColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)));
        }
      }
      return columns;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        throw new BadInputException("dataset table " + table + " does not exist after the schema DDL ran\n"
            + "  fix: create it in the schema, or correct the table name in the dataset");
      }
      throw new InfrastructureException("could not read the columns of " + table + ": " + e.getMessage(), e);
    }
  }

  /** serial/identity columns would otherwise hand out ids the seed already used. */
  private void advanceSequences(String table, List<TableColumn> columns, long rows) {
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-seed")) {
      for (TableColumn column : columns) {
        if (!column.hasSequenceDefault()) {
          continue;
        }
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT setval(pg_get_serial_sequence(?, ?), (SELECT coalesce(max(" + quoteIdent(column.name())
                + "), 0) + 1 FROM " + table + "), false)")) {
          ps.setString(1, table);
          ps.setString(2, column.name());
          ps.execute();
        }
      }
    } catch (SQLException e) {
      throw new InfrastructureException("could not advance the sequences of " + table + ": " + e.getMessage(), e);
    }
  }

  static String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

}
