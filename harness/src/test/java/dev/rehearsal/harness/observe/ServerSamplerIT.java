package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.load.DatabaseTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAL a statement writes, as the server sampler reads it from its own session (never the
 * statement's): an UPDATE of 200,000 rows reports within 10% of the pg_current_wal_lsn() delta the
 * test reads itself right around the statement.
 */
class ServerSamplerIT {

  private static EmbeddedPostgres postgres;
  private static DatabaseTarget target;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    target = new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE items (id bigint PRIMARY KEY, n int NOT NULL, note text NOT NULL)");
      st.execute("INSERT INTO items SELECT g, 0, md5(g::text) FROM generate_series(1, 200000) g");
      st.execute("VACUUM ANALYZE items");
      st.execute("CHECKPOINT");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(target.jdbcUrl(), "postgres", null);
  }

  private static long lsn(Statement st) throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void anUpdateOf200kRowsReportsTheWalTheServerWrote() throws Exception {
    ServerSamples samples;
    long ownDelta;
    long fromNanos;
    long toNanos;
    long loadStart = System.nanoTime();
    ServerSampler sampler = ServerSampler.open(target);
    assertThat(sampler).isNotNull();
    try (Connection migration = connect(); Connection test = connect(); Statement m = migration.createStatement();
        Statement t = test.createStatement()) {
      // the embedded server commits asynchronously by default: then pg_current_wal_lsn(), the write
      // position, may lag the commit by up to wal_writer_delay; production-like, the commit flushes
      m.execute("SET synchronous_commit = on");
      sampler.start();
      TimeUnit.MILLISECONDS.sleep(300);
      long before = lsn(t);
      fromNanos = System.nanoTime();
      assertThat(m.executeUpdate("UPDATE items SET n = n + 1")).isEqualTo(200_000);
      toNanos = System.nanoTime();
      ownDelta = lsn(t) - before;
      TimeUnit.MILLISECONDS.sleep(300);
      samples = sampler.stop(loadStart);
    }
    Long reported = samples.walBytes(fromNanos, toNanos);
    System.out.printf("UPDATE of 200k rows in %.0f ms: WAL reported %,d bytes, pg_current_wal_lsn() delta %,d bytes "
        + "(%.1f%%)%n", (toNanos - fromNanos) / 1e6, reported, ownDelta, 100.0 * (reported - ownDelta) / ownDelta);
    assertThat(ownDelta).isGreaterThan(10_000_000L);
    assertThat((double) reported).isCloseTo(ownDelta, within(ownDelta * 0.10));
    assertThat(samples.peakConnections()).isGreaterThanOrEqualTo(3);
    // the full-page images the UPDATE wrote after the checkpoint, where the server counts them
    assertThat(samples.fullPageImages(fromNanos - 200_000_000L, toNanos + 200_000_000L)).isPositive();
  }
}
