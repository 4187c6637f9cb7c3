package dev.rehearsal.harness.verdict;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The next useful steps, computed from the evidence and tied to the figure that triggered them,
 * so a reader gets a decision rather than a dashboard to interpret.
 */
public final class NextSteps {

  private NextSteps() {}

  /**
   * @param migrationLockWaitMs longest time the migration session itself waited for a lock
   * @param poolSize the application pool's maximumPoolSize
   */
  public static List<String> suggest(Summary summary, List<StatementResult> statements,
      List<BudgetResult> budgets, double migrationLockWaitMs, int poolSize) {
    List<String> steps = new ArrayList<>();
    for (StatementResult s : statements) {
      if (s.error() != null) {
        steps.add(String.format(Locale.ROOT,
            "Migration statement %d failed (SQLSTATE %s: %s). Fix it and rehearse again; the statements after it did not run.",
            s.index(), s.sqlState(), s.error()));
      }
    }
    if (migrationLockWaitMs >= 500 && summary.maxSessionsBlocked() > 0) {
      steps.add(String.format(Locale.ROOT,
          "The migration waited %.1f s for its lock while up to %d application sessions queued behind it "
              + "(the lock queue; %.1f blocked session-seconds). Set lock_timeout (e.g. SET lock_timeout = '1s') "
              + "and retry with backoff, or run it when no long query holds the table.",
          migrationLockWaitMs / 1000, summary.maxSessionsBlocked(), summary.blockedSessionSeconds()));
    }
    if (summary.poolTimeouts() > 0) {
      steps.add(String.format(Locale.ROOT,
          "%d requests timed out waiting for one of the pool's %d connections (at most %d waiting): "
              + "blocked sessions held every connection. Shorten the migration's lock waits first; "
              + "a bigger pool only queues more sessions behind the same lock.",
          summary.poolTimeouts(), poolSize, summary.maxPoolWaiting()));
    }
    for (BudgetResult b : budgets) {
      if ((b.status().equals(BudgetJudge.FAIL) || b.status().equals(BudgetJudge.WARN)) && b.action() != null
          && !b.action().isBlank()) {
        steps.add(b.metric() + " " + BudgetJudge.number(b.value()) + ": " + b.action()
            + (b.owner() == null ? "" : " (owner: " + b.owner() + ")"));
      }
    }
    if (steps.isEmpty()) {
      steps.add("No budget was breached at this scale and rate. Before shipping, rehearse at production "
          + "scale (--rows) and peak traffic (--rate): a harmless migration in staging can still take production down.");
    }
    return steps;
  }
}
