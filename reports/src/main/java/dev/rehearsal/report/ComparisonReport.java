package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.ServerInfo;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.time.Instant;
import java.util.List;

/**
 * comparison.json: every strategy of one scenario rehearsed on identical seeded data, ranked.
 * Each strategy's full report stays in its own directory ({@code report}); this file holds what
 * a comparison needs side by side. Same schema version as report.json.
 *
 * @param datasetFingerprint the seeded data's fingerprint: one value, because every strategy ran
 *     on a clone of the same template
 * @param recommended the best-ranked strategy whose verdict is pass or warn; null when every
 *     strategy failed
 * @param headline the comparison in one sentence, as a reader should see it first
 * @param ranking best first (see {@link StrategyRanking})
 */
public record ComparisonReport(
    int schemaVersion,
    String scenario,
    Instant startedAt,
    Instant finishedAt,
    ServerInfo server,
    String datasetFingerprint,
    String recommended,
    String headline,
    List<Ranked> ranking) {

  /**
   * One strategy's place.
   *
   * @param rank 1 = best
   * @param verdict pass, warn or fail
   * @param complete false when its run was interrupted
   * @param report its report.json, relative to comparison.json
   * @param nextSteps its own next steps
   */
  public record Ranked(int rank, String strategy, String verdict, String headline, boolean complete, String report,
      Summary summary, List<BudgetResult> budgets, List<NextStep> nextSteps) {}
}
