package dev.rehearsal.harness.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query mix from {@code pg_stat_statements}: two snapshots of this database's top-level
 * statements {@code sample} apart; the difference of their cumulative {@code calls} over the
 * seconds between them is each statement's rate. A reset in between ({@code
 * pg_stat_statements_info.stats_reset} changed) is said. When the view cannot be read, {@link
 * Unavailable} says exactly what to configure or grant.
 */
final class WorkloadReader {

  /** A statement as pg_stat_statements normalizes it ($1, $2 for constants) and its calls per second. */
  record QueryRate(String query, double callsPerSecond) {}

  /** The sampled statements, most frequent first, and the total rate of all of them. */
  record Sample(List<QueryRate> queries, double totalCallsPerSecond, double seconds, boolean reset) {}

  /** pg_stat_statements cannot be read: why, and the fix. */
  static final class Unavailable extends Exception {
    private final String fix;

    Unavailable(String problem, String fix) {
      super(problem);
      this.fix = fix;
    }

    String fix() {
      return fix;
    }
  }

  private static final String SNAPSHOT = """
      SELECT query, calls FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel""";

  private final SourceDatabase db;

  WorkloadReader(SourceDatabase db) {
    this.db = db;
  }

  /** Checks that the view is there and readable by this role; else says what to do. */
  void check(String user) throws Unavailable {
    String preload = "add pg_stat_statements to shared_preload_libraries in postgresql.conf (a restart), then run "
        + "CREATE EXTENSION pg_stat_statements; in this database (on a standby: on the primary)";
    List<String> version = db.query("SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements'",
        rs -> rs.getString(1));
    if (version.isEmpty()) {
      throw new Unavailable("pg_stat_statements is not installed in this database", preload);
    }
    try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(
        "SELECT count(*) FILTER (WHERE query = '<insufficient privilege>'), count(*) FROM pg_stat_statements")) {
      rs.next();
      if (rs.getLong(1) > 0 && !db.scalar("SELECT pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')",
          Boolean.class)) {
        throw new Unavailable("role " + user + " sees only its own statements' text in pg_stat_statements",
            "GRANT pg_read_all_stats TO " + user + ";");
      }
    } catch (SQLException e) {
      throw new Unavailable("pg_stat_statements cannot be read: " + e.getMessage(), "55000".equals(e.getSQLState())
          ? preload : "GRANT pg_read_all_stats TO " + user + "; or check the extension");
    }
  }

  Sample sample(Duration sample) {
    String resetBefore = reset();
    long start = System.nanoTime();
    Map<String, Long> before = snapshot();
    sleep(sample);
    Map<String, Long> after = snapshot();
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean reset = resetBefore != null && !resetBefore.equals(reset());
    List<QueryRate> queries = new ArrayList<>();
    double total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long calls = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (calls > 0) {
        queries.add(new QueryRate(e.getKey(), calls / seconds));
        total += calls / seconds;
      }
    }
    queries.sort(Comparator.comparingDouble(QueryRate::callsPerSecond).reversed());
    return new Sample(List.copyOf(queries), total, seconds, reset);
  }

  /** Calls by statement text (one text may have several entries, e.g. per role). */
  private Map<String, Long> snapshot() {
    Map<String, Long> calls = new HashMap<>();
    db.query(SNAPSHOT, rs -> calls.merge(rs.getString(1), rs.getLong(2), Long::sum));
    return calls;
  }

  private String reset() {
    List<String> r = db.query("SELECT stats_reset::text FROM pg_stat_statements_info", rs -> rs.getString(1));
    return r.isEmpty() ? null : r.get(0);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.rehearsal.harness.InfrastructureException("profile interrupted while sampling", e);
    }
  }
}
