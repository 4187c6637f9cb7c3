package dev.rehearsal.harness.figures;

import dev.rehearsal.report.RehearsalReport.Percentiles;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import dev.rehearsal.scenario.BudgetSpec;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.Scenario;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code staleReplicaReadSeconds}: the seconds in which reads routed to the standby returned data older
 * than the run allows. A second counts when, from the second the migration started in on, at least one
 * operation marked {@code replica} finished in it (succeeded or failed: the timeline's per-operation count)
 * and the standby's replay lag in that second ({@code replicaLagMs}, the most sampled in it) was over
 * the threshold: the {@code peakReplicaLagMs} budget's warn, its critical without a warn, else
 * {@value #DEFAULT_THRESHOLD_MS} ms.
 */
public final class StaleReplicaReads {

  /** The stale-read threshold without a {@code peakReplicaLagMs} budget. */
  public static final double DEFAULT_THRESHOLD_MS = 1000;

  private StaleReplicaReads() {}

  /**
   * Which operations read from the standby, and the lag over which their reads are stale.
   *
   * @param operations the names of the operations marked replica (none: the figure is not measured)
   */
  public record Rule(Set<String> operations, double thresholdMs) {

    /** A scenario's: its replica operations, and its {@code peakReplicaLagMs} budget's first threshold. */
    public static Rule of(Scenario scenario) {
      Set<String> replica = scenario.workload().operations().stream().filter(OperationSpec::replica)
          .map(OperationSpec::name).collect(Collectors.toUnmodifiableSet());
      double threshold = scenario.budgets().stream().filter(b -> b.metric().equals("peakReplicaLagMs"))
          .map(BudgetSpec::firstThreshold).filter(t -> t != null)
          .findFirst().orElse(DEFAULT_THRESHOLD_MS);
      return new Rule(replica, threshold);
    }
  }

  /**
   * @param migrationStartSecond when the migration started, in seconds since load start: the seconds counted
   *     are those that end after it, as for the other peaks
   * @return null when no operation reads from the standby, or no second of the timeline has its lag
   */
  public static Integer seconds(List<TimelineSecond> timeline, double migrationStartSecond, Rule rule) {
    if (rule.operations().isEmpty() || timeline.stream().allMatch(s -> s.replicaLagMs() == null)) {
      return null;
    }
    int stale = 0;
    for (TimelineSecond s : timeline) {
      if (s.second() + 1 > migrationStartSecond && s.replicaLagMs() != null && s.replicaLagMs() > rule.thresholdMs()
          && replicaReadsFinished(s, rule.operations())) {
        stale++;
      }
    }
    return stale;
  }

  private static boolean replicaReadsFinished(TimelineSecond s, Set<String> replica) {
    if (s.byOperation() == null) {
      return false;
    }
    for (String name : replica) {
      Percentiles p = s.byOperation().get(name);
      if (p != null && p.count() > 0) {
        return true;
      }
    }
    return false;
  }
}
