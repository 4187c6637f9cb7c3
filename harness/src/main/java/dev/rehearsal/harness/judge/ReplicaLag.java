package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.Locale;

/**
 * A standby fell further behind than the {@code peakReplicaLagMs} budget allows: the statement
 * during which it lagged most, the WAL it wrote, and the pause between batches that would have
 * kept the standby within the budget.
 *
 * <p>The pause is derived from what was measured, to first order: a standby that keeps up with
 * some WAL rate lags about in proportion to the rate it is asked to replay, so a lag {@code L}
 * measured at the statement's WAL rate comes under a budget {@code B} at {@code B / L} of that
 * rate. Batches that each take {@code c} seconds get there with a pause of {@code c × (L/B − 1)}
 * after each one. It is an estimate, stated as one: rehearsing the paused backfill proves it.
 */
final class ReplicaLag {

  private ReplicaLag() {}

  static NextSteps.Step step(NextSteps.Evidence e) {
    BudgetResult budget = e.budgets().stream()
        .filter(b -> b.metric().equals("peakReplicaLagMs"))
        .filter(b -> b.status().equals(BudgetJudge.FAIL) || b.status().equals(BudgetJudge.WARN))
        .findFirst().orElse(null);
    if (budget == null) {
      return null;
    }
    double budgetMs = budget.firstThreshold();
    StatementResult worst = null;
    double worstLagMs = 0;
    for (StatementResult st : e.statements()) {
      double lag = peakLagDuring(e, st);
      if (lag > worstLagMs) {
        worst = st;
        worstLagMs = lag;
      }
    }
    double lagMs = e.summary().peakReplicaLagMs() != null ? e.summary().peakReplicaLagMs() : worstLagMs;
    if (worst == null) {
      return new NextSteps.Step(String.format(Locale.ROOT, "The standby fell up to %,.0f ms behind, over the %,.0f ms "
          + "your peakReplicaLagMs budget allows, but not while a migration statement ran.", lagMs, budgetMs),
          "Look at the timeline's replicaLagMs for when it fell behind.", "replicaLag", null, "peakReplicaLagMs",
          lagMs, null, null);
    }
    return new NextSteps.Step(finding(e, worst, worstLagMs, budgetMs), advice(e, worst, worstLagMs, budgetMs),
        "replicaLag", worst.index(), "peakReplicaLagMs", lagMs, null, null);
  }

  /**
   * What a batched backfill wrote, when no lag step speaks of it: "Statement 1, a backfill of
   * 200,000 rows in 20 batches, wrote 72.0 MB of WAL at 8.0 MB/s, which every standby replays",
   * with how far the standby fell behind, or how to measure it. Null without a backfill or a WAL
   * figure. It names no cause (no headline), it informs the next rehearsal's batch size and pause.
   */
  static NextSteps.Step backfillWal(NextSteps.Evidence e) {
    for (StatementResult st : e.statements()) {
      Long wal = e.walBytesByStatement().get(st.index());
      if (!"backfill".equals(st.kind()) || wal == null || st.durationMs() <= 0) {
        continue;
      }
      double bytesPerSecond = wal / (st.durationMs() / 1000);
      Double lagMs = e.summary().peakReplicaLagMs();
      String advice = lagMs != null && Double.isFinite(lagMs)
          ? String.format(Locale.ROOT, "The standby fell at most %,.0f ms behind.", lagMs)
          : "Rehearse with server.standby: true to see how far behind it leaves a replica.";
      return new NextSteps.Step(String.format(Locale.ROOT, "Statement %d, a backfill of %,d rows in %,d batches, "
          + "wrote %,.1f MB of WAL at %,.1f MB/s, which every standby replays.", st.index(),
          st.rowsAffected() == null ? 0 : st.rowsAffected(), st.batches() == null ? 0 : st.batches(), wal / 1e6,
          bytesPerSecond / 1e6), advice, "backfillWal", st.index(), null, null, null, null);
    }
    return null;
  }

  private static String finding(NextSteps.Evidence e, StatementResult st, double lagMs, double budgetMs) {
    Long wal = e.walBytesByStatement().get(st.index());
    String written = wal == null || st.durationMs() <= 0 ? "" : String.format(Locale.ROOT,
        " while it wrote %,.1f MB of WAL (%,.1f MB/s)", wal / 1e6, wal / 1e6 / (st.durationMs() / 1000));
    return String.format(Locale.ROOT, "The standby fell up to %,.0f ms behind during statement %d (%s)%s, over the "
        + "%,.0f ms your peakReplicaLagMs budget allows: replicas serving reads were that stale.", lagMs, st.index(),
        NextSteps.firstLine(st.sql()), written, budgetMs);
  }

  private static String advice(NextSteps.Evidence e, StatementResult st, double lagMs, double budgetMs) {
    long batchRows;
    double cycleMs;
    String batches;
    if (st.batches() != null && st.batches() > 0) {
      batchRows = st.rowsAffected() == null ? 0 : st.rowsAffected() / st.batches();
      cycleMs = st.durationMs() / st.batches();
      batches = String.format(Locale.ROOT, "each of its %,d batches (%,d rows, %,.0f ms each)", st.batches(),
          batchRows, cycleMs);
    } else {
      // one statement: the batches the long-DML step proposes, at the rate this one achieved
      BatchSize size = BatchSize.derive(st.rowsAffected(), st.durationMs(), e.limits().longestHoldMs());
      if (size == null) {
        return "Cut it into batches with a pause after each (a backfill step, docs/steps.md) and rehearse it with "
            + "`./rehearse compare` to see the lag measured.";
      }
      batchRows = size.rows();
      cycleMs = size.holdMs();
      batches = String.format(Locale.ROOT, "each batch of %,d rows (%,.0f ms each at the rate it achieved)",
          batchRows, cycleMs);
    }
    long pauseMs = Math.max(1, Math.round(cycleMs * (lagMs / budgetMs - 1)));
    return String.format(Locale.ROOT, "Slow the WAL down to what the standby replays in time: to first order its lag "
        + "follows the WAL rate, so a pause of about %,d ms after %s brings the rate to %.0f%% of this one and the lag "
        + "near the budget (`batchSize: %d, pause: %dms` on a backfill step, docs/steps.md); rehearse it with "
        + "`./rehearse compare` to see the lag measured.", pauseMs, batches, 100 * budgetMs / lagMs, batchRows,
        pauseMs);
  }

  /** The most the standby lagged in the seconds a statement ran, and the second after (the lag trails the WAL). */
  private static double peakLagDuring(NextSteps.Evidence e, StatementResult st) {
    double from = Math.floor(st.startSecond());
    double to = st.startSecond() + st.durationMs() / 1000 + 1;
    double peak = 0;
    for (TimelineSecond s : e.timeline()) {
      if (s.second() >= from && s.second() < to && s.replicaLagMs() != null) {
        peak = Math.max(peak, s.replicaLagMs());
      }
    }
    return peak;
  }
}
