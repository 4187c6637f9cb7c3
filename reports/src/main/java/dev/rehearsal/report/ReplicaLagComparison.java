package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The comparison's word on replica lag, measured: which strategies kept the standby within the
 * {@code peakReplicaLagMs} budget and which did not, each with its peak lag, the WAL rate that
 * caused it and, for a batched backfill, its batch size. A batch size and pause chosen from this
 * sentence were rehearsed, not extrapolated (a single run's {@code replicaLag} next step only
 * estimates the pause).
 */
final class ReplicaLagComparison {

  static final String METRIC = "peakReplicaLagMs";

  private ReplicaLagComparison() {}

  /**
   * "Replica lag, against the 500 ms peakReplicaLagMs budget: within it batches-1k 147 ms (1,000
   * rows a batch, WAL 12.0 MB/s at peak), ...; over it one-update 1,004 ms (...)", least lag first.
   * Null when fewer than two strategies measured a lag, or none has the budget.
   *
   * @param ranked the reports, best first
   */
  static String sentence(List<RehearsalReport> ranked) {
    Double limitMs = null;
    int measured = 0;
    for (RehearsalReport r : ranked) {
      if (lagMs(r) != null) {
        measured++;
      }
      Double threshold = threshold(r);
      if (threshold != null) {
        limitMs = limitMs == null ? threshold : Math.min(limitMs, threshold);
      }
    }
    if (measured < 2 || limitMs == null) {
      return null;
    }
    List<String> within = new ArrayList<>();
    List<String> over = new ArrayList<>();
    List<RehearsalReport> byLag = ranked.stream().filter(r -> lagMs(r) != null)
        .sorted(Comparator.comparingDouble(ReplicaLagComparison::lagMs)).toList();
    for (RehearsalReport r : byLag) {
      double lag = lagMs(r);
      (lag < limitMs ? within : over).add(r.strategy() + " " + Fmt.withUnit(lag, "ms") + " (" + detail(r) + ")");
    }
    StringBuilder s = new StringBuilder("Replica lag, against the ").append(Fmt.withUnit(limitMs, "ms"))
        .append(" ").append(METRIC).append(" budget: ");
    if (!within.isEmpty()) {
      s.append("within it ").append(String.join(", ", within));
    }
    if (!over.isEmpty()) {
      s.append(within.isEmpty() ? "" : "; ").append("over it ").append(String.join(", ", over));
    }
    return s.append('.').toString();
  }

  private static Double lagMs(RehearsalReport r) {
    Double lag = r.summary() == null ? null : r.summary().peakReplicaLagMs();
    return lag == null || !Double.isFinite(lag) ? null : lag;
  }

  /** The budget's lowest threshold (its warning, else its critical), or null without the budget. */
  private static Double threshold(RehearsalReport r) {
    for (BudgetResult b : Nulls.list(r.budgets())) {
      if (METRIC.equals(b.metric())) {
        return b.firstThreshold();
      }
    }
    return null;
  }

  /** "10,000 rows a batch, one every 450 ms, WAL 22.9 MB/s at peak", as much of it as the run measured. */
  private static String detail(RehearsalReport r) {
    List<String> parts = new ArrayList<>();
    for (StatementResult st : Nulls.list(r.statements())) {
      if ("backfill".equals(st.kind()) && st.batches() != null && st.batches() > 0 && st.rowsAffected() != null) {
        long perBatch = (long) Math.ceil((double) st.rowsAffected() / st.batches());
        // a batch and the pause after it, as the run paced them: what a team copies into its backfill step
        parts.add(String.format(Locale.ROOT, "%,d rows a batch, one every %,.0f ms", perBatch,
            st.durationMs() / st.batches()));
        break;
      }
    }
    Long walRate = r.summary() == null ? null : r.summary().peakWalBytesPerSecond();
    if (walRate != null) {
      parts.add(String.format(Locale.ROOT, "WAL %.1f MB/s at peak", walRate / 1e6));
    }
    return parts.isEmpty() ? "no WAL figure" : String.join(", ", parts);
  }
}
