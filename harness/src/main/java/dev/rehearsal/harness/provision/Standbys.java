package dev.rehearsal.harness.provision;

import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every standby the harness starts has in common, embedded ({@link EmbeddedStandby}) or in a
 * container ({@link ContainerStandby}): its name on the primary, its physical replication slot, and
 * the settings it runs with on top of the primary's.
 */
final class Standbys {

  /** The standby's name in the primary's {@code pg_stat_replication.application_name}. */
  static final String APPLICATION_NAME = "rehearsal-standby";

  static final String SLOT = "rehearsal_standby";

  private Standbys() {}

  /**
   * The primary's settings (a standby needs at least its {@code max_connections}) and a hot
   * standby's own.
   *
   * @param applyDelay {@code recovery_min_apply_delay}, to model a replica that falls behind; zero for none
   */
  static Map<String, String> settings(Map<String, String> primarySettings, Duration applyDelay) {
    Map<String, String> config = new LinkedHashMap<>(primarySettings);
    config.put("hot_standby", "on");
    // how often the standby reports its position: the lag's resolution on the primary's side
    config.put("wal_receiver_status_interval", "1s");
    if (!applyDelay.isZero()) {
      config.put("recovery_min_apply_delay", applyDelay.toMillis() + "ms");
    }
    return config;
  }

  /** A fresh physical slot, its WAL reserved now (one a killed rehearsal left is dropped first). */
  static void createSlot(Statement primary) throws SQLException {
    primary.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
        + SLOT + "'");
    primary.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
  }

  /**
   * The slot would keep WAL on the primary forever: dropped whenever the primary still answers,
   * once the stopped standby's sender has let go of it.
   */
  static void dropSlot(DatabaseTarget primaryAdmin) {
    try (Connection c = DriverManager.getConnection(primaryAdmin.jdbcUrl(), primaryAdmin.user(),
        primaryAdmin.password()); Statement st = c.createStatement()) {
      for (int attempt = 0; attempt < 50; attempt++) {
        try (ResultSet rs = st.executeQuery("SELECT active FROM pg_replication_slots WHERE slot_name = '" + SLOT
            + "'")) {
          if (!rs.next()) {
            return;
          }
          if (!rs.getBoolean(1)) {
            st.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
            return;
          }
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      // the primary is gone (stopped first, or failed): its slot went with it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
