package dev.rehearsal.harness.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.load.SecondSample;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

  private static final MigrationProgress.Running UPDATE = new MigrationProgress.Running(
      "V18__backfill.sql statement 2: UPDATE orders SET status_code = 1", 1_000_000_000L);

  @Test
  void aStatementRunningHalfASecondOrMoreIsNamedOnTheProgressLine() {
    assertThat(LoadProgress.runningPart(UPDATE, 13_000_000_000L))
        .isEqualTo("  | running 12.0 s: V18__backfill.sql statement 2: UPDATE orders SET status_code = 1");
  }

  @Test
  void nothingWhileNoStatementRunsOrOneHasJustStarted() {
    assertThat(LoadProgress.runningPart(null, 13_000_000_000L)).isEmpty();
    assertThat(LoadProgress.runningPart(UPDATE, 1_400_000_000L)).isEmpty();
  }

  @Test
  void theLabelFollowsTheStatementThatStarts() {
    MigrationProgress progress = new MigrationProgress();
    progress.statementStarted(3, "V11_1__status_code.sql statement 3: SELECT pg_sleep(1.0)");
    assertThat(progress.running().label()).isEqualTo("V11_1__status_code.sql statement 3: SELECT pg_sleep(1.0)");
    assertThat(progress.cursor().statementRunning()).isTrue();
    progress.statementEnded();
    assertThat(progress.running()).isNull();
    assertThat(progress.cursor().statementRunning()).isFalse();
    assertThat(progress.cursor().statementIndex()).isEqualTo(3);
  }

  private static SecondSample second(int second, long[] latenciesMicros, int active, int waiting, long dropped) {
    Histogram h = new Histogram(3);
    for (long l : latenciesMicros) {
      h.recordValue(l);
    }
    return new SecondSample(second, 1.0, 1000, Map.of(), h, h.copy(), latenciesMicros.length, Map.of(), dropped,
        new Histogram(3), active, waiting, 0, 0, 0);
  }

  @Test
  void aSecondInWhichNothingCompletedWhileRequestsWaitedPrintsAsAStallNotAsAFastPercentile() {
    SecondSample stalled = second(12, new long[0], 8, 246, 0);
    String line = LoadProgress.rehearsalLine(stalled, "migration", 8, 3, 5);
    assertThat(line).isEqualTo(
        "  t= 12s migration stalled: 0 completed, pool 8/8 busy, 246 waiting for a connection, nothing completed for 3 s");
    assertThat(line).doesNotContain("p99");
    assertThat(LoadProgress.loadLine(second(12, new long[0], 8, 246, 40), 8, 1)).isEqualTo(
        "  t= 12s       0 ops/s (target 1,000)  stalled: 0 completed, pool 8/8 busy, 246 waiting for a connection"
            + "  dropped 40");
  }

  @Test
  void aSecondWithCompletionsOrWithNothingInFlightIsNoStall() {
    SecondSample busy = second(10, new long[] {1_000, 2_000, 3_000}, 3, 0, 0);
    assertThat(LoadProgress.stalled(busy)).isFalse();
    assertThat(LoadProgress.rehearsalLine(busy, "migration", 8, 0, 5))
        .startsWith("  t= 10s migration     3 ops  p99      3.0 ms  errors   0  pool 3/8 busy, 0 waiting");
    SecondSample idle = second(10, new long[0], 0, 0, 0);
    assertThat(LoadProgress.stalled(idle)).isFalse();
    assertThat(LoadProgress.rehearsalLine(idle, "cooldown", 8, 0, 5)).contains("p99        - ms");
    assertThat(LoadProgress.rehearsalLine(second(11, new long[] {1_000}, 1, 0, 0), "cooldown", 8, 0, 5)).isNull();
  }
}
