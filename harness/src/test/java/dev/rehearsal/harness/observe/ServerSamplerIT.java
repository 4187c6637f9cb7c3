package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.load.DatabaseTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
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

  /**
   * A walsender (a physical replication stream this test opens, caught up and idle): the superuser sees it
   * streaming with a null lag, which is 0; a role without pg_read_all_stats sees its row with the state and
   * lag hidden, which is not measured, not 0.
   */
  @Test
  void aCaughtUpStandbysLagIsZeroButAHiddenOneIsUnmeasured() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("DROP ROLE IF EXISTS watcher");
      st.execute("CREATE ROLE watcher LOGIN");
    }
    Properties props = new Properties();
    PGProperty.USER.set(props, "postgres");
    PGProperty.REPLICATION.set(props, "database");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "9.4");
    PGProperty.PREFER_QUERY_MODE.set(props, "simple");
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text");
        Connection replication = DriverManager.getConnection(target.jdbcUrl(), props)) {
      rs.next();
      PGReplicationStream stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
          .physical().withStartPosition(LogSequenceNumber.valueOf(rs.getString(1))).start();
      try {
        ServerSamples privileged = sample(target);
        // the URL names its user, which a connection's properties do not override
        ServerSamples hidden = sample(
            new DatabaseTarget(postgres.getJdbcUrl("watcher", "postgres"), "watcher", null));
        System.out.printf("walsender lag: superuser %s ms, unprivileged role %s%n", privileged.peakReplicaLagMs(0),
            hidden.peakReplicaLagMs(0));
        assertThat(privileged.peakReplicaLagMs(0)).as("streaming and caught up").isNotNull();
        assertThat(privileged.peakReplicaWriteLagMs(0)).isNotNull();
        assertThat(hidden.measured()).as("the role still reads the WAL position").isTrue();
        assertThat(hidden.peakReplicaLagMs(0)).as("hidden: unmeasured, not 0").isNull();
        assertThat(hidden.peakReplicaWriteLagMs(0)).isNull();
      } finally {
        stream.close();
      }
    }
  }

  private static ServerSamples sample(DatabaseTarget as) throws Exception {
    long start = System.nanoTime();
    ServerSampler sampler = ServerSampler.open(as);
    assertThat(sampler).as("a session as " + as.user()).isNotNull();
    sampler.start();
    TimeUnit.MILLISECONDS.sleep(400);
    return sampler.stop(start);
  }
}
