package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A streaming standby of an embedded server: it follows the primary, and stops with it. */
class EmbeddedStandbyIT {

  @Test
  void theStandbyStreamsThePrimarysWritesAndStopsWithIt() throws Exception {
    PostgresServer primary = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
    long standbyPid;
    try {
      execute(primary.adminTarget(), "CREATE TABLE t (id int)", "INSERT INTO t SELECT generate_series(1, 1000)");
      DatabaseTarget standby = primary.startStandby(Map.of("max_connections", "100"), Duration.ZERO);
      execute(primary.adminTarget(), "INSERT INTO t SELECT generate_series(1001, 2000)");

      assertThat(query(standby, "SELECT pg_is_in_recovery()")).isEqualTo("t");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!"2000".equals(query(standby, "SELECT count(*) FROM t")) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(query(standby, "SELECT count(*) FROM t")).isEqualTo("2000");
      assertThat(query(primary.adminTarget(), "SELECT application_name || ' ' || state FROM pg_stat_replication"))
          .isEqualTo(EmbeddedStandby.APPLICATION_NAME + " streaming");
      standbyPid = Long.parseLong(query(standby, "SELECT pid FROM pg_stat_activity WHERE backend_type = 'startup'"));
    } finally {
      primary.close();
    }
    // the startup process is a child of the standby's postmaster: both gone with the primary's close
    assertThat(ProcessHandle.of(standbyPid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  private static void execute(DatabaseTarget target, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static String query(DatabaseTarget target, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
