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
}
