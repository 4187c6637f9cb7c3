package dev.rehearsal.harness.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.Percentiles;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code staleReplicaReadSeconds} from hand-built seconds, and the threshold a scenario sets. */
class StaleReplicaReadsTest {

  private static final StaleReplicaReads.Rule RULE = new StaleReplicaReads.Rule(Set.of("read-replica"), 1000);

  @Test
  void countsTheSecondsWithReplicaReadsWhileTheLagWasOverTheThreshold() {
    List<TimelineSecond> timeline = List.of(
        second(0, 5000.0, "read-replica"),      // before the migration: not counted
        second(1, 200.0, "read-replica"),       // within the threshold
        second(2, 1000.0, "read-replica"),      // at it: not over
        second(3, 1500.0, "read-replica"),      // stale
        second(4, 2500.0, "read"),              // lagging, but no replica read finished
        second(5, 3000.0, "read", "read-replica"), // stale
        second(6, null, "read-replica"));       // lag not sampled that second

    assertThat(StaleReplicaReads.seconds(timeline, 1.0, RULE)).isEqualTo(2);
    // the second the migration started in counts, as for the other peaks
    assertThat(StaleReplicaReads.seconds(timeline, 0.5, RULE)).isEqualTo(3);
  }

  @Test
  void notMeasuredWithoutReplicaOperationsOrWithoutTheLag() {
    List<TimelineSecond> lagging = List.of(second(0, 5000.0, "read-replica"));
    assertThat(StaleReplicaReads.seconds(lagging, 0, new StaleReplicaReads.Rule(Set.of(), 1000))).isNull();
    assertThat(StaleReplicaReads.seconds(List.of(second(0, null, "read-replica")), 0, RULE)).isNull();
    assertThat(StaleReplicaReads.seconds(List.of(second(0, 10.0, "read-replica")), 0, RULE)).isZero();
  }

  @Test
  void theThresholdIsThePeakReplicaLagBudgetsWarnThenCriticalElseOneSecond() {
    assertThat(rule("").thresholdMs()).isEqualTo(1000.0);
    assertThat(rule("budgets:\n  - {metric: peakReplicaLagMs, warn: 250, critical: 2000}\n").thresholdMs())
        .isEqualTo(250.0);
    assertThat(rule("budgets:\n  - {metric: peakReplicaLagMs, critical: 2000}\n").thresholdMs()).isEqualTo(2000.0);
    assertThat(rule("").operations()).containsExactly("read-replica");
  }

  private static StaleReplicaReads.Rule rule(String budgets) {
    return StaleReplicaReads.Rule.of(ReplicaReadsScenario.withBudgets(budgets));
  }

  private static TimelineSecond second(int second, Double replicaLagMs, String... finished) {
    Map<String, Percentiles> byOperation = new LinkedHashMap<>();
    for (String name : finished) {
      byOperation.put(name, new Percentiles(3, 1, 1, 1, 1));
    }
    // an operation that finished nothing this second is absent or has a count of 0
    byOperation.putIfAbsent("idle", new Percentiles(0, 0, 0, 0, 0));
    return new TimelineSecond(second, "migration", 3, Map.of(), 0, 1.0, 1.0, 1.0, 1.0, byOperation, 1, 0, 0, null, 0,
        0, null, null, null, replicaLagMs, null);
  }
}
