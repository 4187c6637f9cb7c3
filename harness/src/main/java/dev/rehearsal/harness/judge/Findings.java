package dev.rehearsal.harness.judge;

import dev.rehearsal.report.PlatformReport;
import dev.rehearsal.report.WalReport;
import java.util.HashMap;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.List;
import java.util.Map;

/**
 * What a rehearsal measured, in the report's own terms: all that judging looks at. Built from a
 * run's figures, or by hand in a test.
 *
 * @param migrationEndSecond when the last migration statement ended, in seconds since load start
 *     (NaN when unknown: no slow-after-migration rule)
 * @param migrationLockWaitMs longest time the migration's own session waited for a lock
 * @param complete false when the run stopped before its end: its verdict says it was judged on part
 * @param maxConnections the server's max_connections; null when unknown (pool advice is then not
 *     bounded by it)
 * @param platform the application instances and what their probes' orchestrator would have done;
 *     null when not measured
 * @param wal the WAL each statement wrote; null when not measured
 */
public record Findings(Summary summary, List<StatementResult> statements, List<TimelineSecond> timeline,
    double migrationEndSecond, double migrationLockWaitMs, boolean complete, Integer maxConnections,
    PlatformReport platform, WalReport wal) {

  public Findings {
    statements = List.copyOf(statements);
    timeline = List.copyOf(timeline);
  }

  /** Findings without the server's max_connections. */
  public Findings(Summary summary, List<StatementResult> statements, List<TimelineSecond> timeline,
      double migrationEndSecond, double migrationLockWaitMs, boolean complete) {
    this(summary, statements, timeline, migrationEndSecond, migrationLockWaitMs, complete, null, null, null);
  }

  /** Findings without the platform's figures. */
  public Findings(Summary summary, List<StatementResult> statements, List<TimelineSecond> timeline,
      double migrationEndSecond, double migrationLockWaitMs, boolean complete, Integer maxConnections) {
    this(summary, statements, timeline, migrationEndSecond, migrationLockWaitMs, complete, maxConnections, null,
        null);
  }

  /** The WAL each statement wrote, by statement index; empty when not measured. */
  public Map<Integer, Long> walBytesByStatement() {
    Map<Integer, Long> bytes = new HashMap<>();
    if (wal != null) {
      wal.statements().forEach(s -> bytes.put(s.index(), s.walBytes()));
    }
    return bytes;
  }

  /** max_connections from the server's settings as SHOW prints them; null when absent or unreadable. */
  public static Integer maxConnections(Map<String, String> settings) {
    String value = settings == null ? null : settings.get("max_connections");
    try {
      return value == null ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
