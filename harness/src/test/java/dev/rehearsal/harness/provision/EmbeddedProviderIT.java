package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded provider really applies the scenario's settings, and stops what it started. */
class EmbeddedProviderIT {

  static final Map<String, String> SETTINGS = new LinkedHashMap<>(Map.of(
      "shared_buffers", "64MB", "statement_timeout", "7s", "max_connections", "40"));

  static String show(DatabaseTarget target, String setting) throws SQLException {
    return scalar(target, "SHOW " + setting);
  }

  static String scalar(DatabaseTarget target, String sql) throws SQLException {
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-test");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void defaultVersionRunsWithTheScenarioSettingsAndDurabilityOn() throws Exception {
    DatabaseTarget admin;
    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(SETTINGS)) {
      admin = server.adminTarget();
      assertThat(show(admin, "server_version_num")).startsWith("18");
      assertThat(show(admin, "shared_buffers")).isEqualTo("64MB");
      assertThat(show(admin, "statement_timeout")).isEqualTo("7s");
      assertThat(show(admin, "max_connections")).isEqualTo("40");
      // zonky turns durability off by default; a rehearsal must not
      assertThat(show(admin, "fsync")).isEqualTo("on");
      assertThat(show(admin, "synchronous_commit")).isEqualTo("on");
      assertThat(show(admin, "full_page_writes")).isEqualTo("on");
      try (ScratchDatabase db = ScratchDatabase.create(server)) {
        assertThat(db.name()).startsWith("rehearsal_");
        assertThat(scalar(db.target(), "SELECT current_database()")).isEqualTo(db.name());
        try (Connection c = ScratchDatabase.connect(db.target(), "x")) {
          assertThat(ServerInspector.effectiveSettings(c, SETTINGS.keySet()))
              .containsEntry("shared_buffers", "64MB").containsEntry("fsync", "on").containsKey("server_version");
        }
      }
      server.close();
      server.close(); // idempotent
    }
    // stopped: nothing listens any more
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> show(admin, "fsync")).isInstanceOf(SQLException.class);
  }

  @Test
  void anotherMajorVersionRunsFromTheLocalMavenRepository() throws Exception {
    try (PostgresServer server = new EmbeddedProvider(17).start(Map.of())) {
      assertThat(show(server.adminTarget(), "server_version_num")).startsWith("17");
    }
  }
}
