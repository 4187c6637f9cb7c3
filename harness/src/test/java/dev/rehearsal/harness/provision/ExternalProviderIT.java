package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An existing server (here an embedded one we start): only the scratch database is touched. */
class ExternalProviderIT {

  private static PostgresServer owned;

  @BeforeAll
  static void start() {
    owned = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
  }

  @AfterAll
  static void stop() {
    owned.close();
  }

  private static List<String> databases(DatabaseTarget t) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = ScratchDatabase.connect(t, "test"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT datname FROM pg_database ORDER BY 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Test
  void createsAndDropsOnlyItsScratchDatabaseAndSetsPerDatabaseSettings() throws Exception {
    List<String> before = databases(owned.adminTarget());
    String url = owned.adminTarget().jdbcUrl() + "?user=postgres";
    PostgresServer external = new ExternalProvider(url).start(Map.of("statement_timeout", "9s", "shared_buffers", "1GB"));
    String scratch;
    try (ScratchDatabase db = ScratchDatabase.create(external)) {
      scratch = db.name();
      assertThat(databases(owned.adminTarget())).contains(scratch);
      // per-database where PostgreSQL allows it; server-wide settings are left as they are
      assertThat(EmbeddedProviderIT.show(db.target(), "statement_timeout")).isEqualTo("9s");
      assertThat(EmbeddedProviderIT.show(db.target(), "shared_buffers")).isNotEqualTo("1GB");
    }
    external.close();
    assertThat(databases(owned.adminTarget())).isEqualTo(before).doesNotContain(scratch);
  }

  /**
   * A server on the same host over its unix-domain socket, as pgbench connects by default: PgJDBC
   * with junixsocket's socket factory (shipped with the harness), every session of the scratch
   * database on the socket (no client address), the URL's parameters kept for each database.
   */
  @Test
  void aUnixSocketUrlReachesTheServerThroughItsSocket() throws Exception {
    String directory = EmbeddedProviderIT.show(owned.adminTarget(), "unix_socket_directories").split(",")[0].trim();
    String port = EmbeddedProviderIT.show(owned.adminTarget(), "port");
    String url = owned.adminTarget().jdbcUrl() + "?user=postgres"
        + "&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
        + "&socketFactoryArg=" + directory + "/.s.PGSQL." + port;
    PostgresServer external = new ExternalProvider(url).start(Map.of());
    try (ScratchDatabase db = ScratchDatabase.create(external);
        Connection c = ScratchDatabase.connect(db.target(), "unix-socket-test"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT client_addr IS NULL AND client_port = -1, current_database() "
            + "FROM pg_stat_activity WHERE pid = pg_backend_pid()")) {
      assertThat(db.target().jdbcUrl()).contains("socketFactoryArg=");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("a unix-socket session has no client address and port -1").isTrue();
      assertThat(rs.getString(2)).isEqualTo(db.name());
    } finally {
      external.close();
    }
  }
}
