package dev.rehearsal.harness.provision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads back what the server really runs with: version and effective settings. */
public final class ServerInspector {

  /** Settings always reported, besides those the scenario names: durability and memory. */
  static final List<String> ALWAYS = List.of(
      "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers",
      "max_connections", "work_mem", "maintenance_work_mem", "statement_timeout", "lock_timeout",
      "deadlock_timeout", "max_wal_size", "checkpoint_timeout", "wal_level");

  private ServerInspector() {}

  public static String version(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  public static int majorVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  /** Effective values (as SHOW prints them, with units) of the standard and requested settings. */
  public static Map<String, String> effectiveSettings(Connection c, Set<String> requested) throws SQLException {
    Set<String> names = new LinkedHashSet<>(ALWAYS);
    names.addAll(requested);
    Map<String, String> values = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", names.toArray()));
      Map<String, String> found = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), rs.getString(2));
        }
      }
      for (String name : names) {
        if (found.containsKey(name)) {
          values.put(name, found.get(name));
        }
      }
    }
    return values;
  }
}
