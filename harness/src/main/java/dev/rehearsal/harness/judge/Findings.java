package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.List;

/**
 * What a rehearsal measured, in the report's own terms: all that judging looks at. Built from a
 * run's figures, or by hand in a test.
 *
 * @param migrationEndSecond when the last migration statement ended, in seconds since load start
 *     (NaN when unknown: no slow-after-migration rule)
 * @param migrationLockWaitMs longest time the migration's own session waited for a lock
 * @param complete false when the run stopped before its end: its verdict says it was judged on part
 */
public record Findings(Summary summary, List<StatementResult> statements, List<TimelineSecond> timeline,
    double migrationEndSecond, double migrationLockWaitMs, boolean complete) {

  public Findings {
    statements = List.copyOf(statements);
    timeline = List.copyOf(timeline);
  }
}
