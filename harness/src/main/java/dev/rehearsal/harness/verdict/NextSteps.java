package dev.rehearsal.harness.verdict;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.LockWaits;
import java.util.ArrayList;
import java.util.Comparator;
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
    StatementResult queued = statements.stream().filter(st -> st.lockWaitMs() != null)
        .max(Comparator.comparingDouble(StatementResult::lockWaitMs)).orElse(null);
    if (queued != null && queued.lockWaitMs() >= 500 && summary.maxSessionsBlocked() > 0) {
      steps.add(String.format(Locale.ROOT,
          "Statement %d (%s) waited %.1f s for its lock%s while up to %d application sessions queued behind it "
              + "(the lock queue; %.1f blocked session-seconds). Set lock_timeout (e.g. SET lock_timeout = '1s') "
              + "and retry with backoff (a step's retry: policy), or run it when no long query holds the table.",
          queued.index(), firstLine(queued.sql()), queued.lockWaitMs() / 1000,
          queued.waitedBehind() == null ? "" : " behind " + queued.waitedBehind(), summary.maxSessionsBlocked(),
          summary.blockedSessionSeconds()));
    } else if (migrationLockWaitMs >= 500 && summary.maxSessionsBlocked() > 0) {
      steps.add(String.format(Locale.ROOT,
          "The migration waited %.1f s for its lock while up to %d application sessions queued behind it "
              + "(the lock queue; %.1f blocked session-seconds). Set lock_timeout and retry with backoff.",
          migrationLockWaitMs / 1000, summary.maxSessionsBlocked(), summary.blockedSessionSeconds()));
    }
    for (StatementResult st : statements) {
      LockWaits blocked = st.blocked();
      boolean blockedWrites = blocked != null && blocked.waits() > 0 && blocked.modes() != null
          && blocked.modes().contains("RowExclusiveLock");
      if (!st.rewrote().isEmpty() && blocked != null && blocked.waits() > 0) {
        steps.add(String.format(Locale.ROOT,
            "Statement %d (%s) rewrote %s while holding its lock for %.1f s: every access to the table waited. "
                + "Use expand and contract instead: add a new column, backfill it in batches, switch over.",
            st.index(), firstLine(st.sql()), String.join(", ", st.rewrote()), st.durationMs() / 1000));
      } else if (blockedWrites && isPlainCreateIndex(st.sql())) {
        steps.add(String.format(Locale.ROOT,
            "Statement %d (%s) blocked writes for %.1f s while it built the index. Use CREATE INDEX CONCURRENTLY "
                + "in a step of its own: it lets reads and writes through.",
            st.index(), firstLine(st.sql()), blocked.longestBlockedWindowMs() / 1000));
      }
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

  private static boolean isPlainCreateIndex(String sql) {
    String upper = sql.toUpperCase(Locale.ROOT);
    return upper.matches("(?s)\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\b.*") && !upper.contains("CONCURRENTLY");
  }

  private static String firstLine(String sql) {
    String line = sql.strip().lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }
}
