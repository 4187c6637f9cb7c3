package dev.rehearsal.harness.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.measure.Phases;
import dev.rehearsal.load.LatencySummary;
import dev.rehearsal.load.SecondFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpikeSecondsTest {

  /** Warm-up seconds 0-4 (baseline 1-4), the migration 5.2-5.3 s, load to 12 s. */
  static final Phases NO_OP = new Phases(1, 5.2, 5.3, 12);

  static SecondFigures second(int second, Double p99Ms, int poolWaiting) {
    LatencySummary latency = p99Ms == null ? null
        : new LatencySummary(100, 1_000, 2_000, Math.round(p99Ms * 1000), Math.round(p99Ms * 1000));
    return new SecondFigures(second, 1, 100, Map.of(), latency, latency == null ? 0 : 100, Map.of(), 0,
        poolWaiting > 0 ? 10 : 2, poolWaiting, 0, 0, 100, 0, 0, 0);
  }

  /** 12 seconds at {@code p99Ms} each, with the given seconds replaced. */
  static List<SecondFigures> run(double p99Ms, Map<Integer, Double> spikes) {
    List<SecondFigures> seconds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      seconds.add(second(i, spikes.getOrDefault(i, p99Ms), 0));
    }
    return seconds;
  }

  @Test
  void theThresholdIsThreeTimesTheBaselineOrTwentyMsAboveIt() {
    assertThat(SpikeSeconds.thresholdMs(4, 0)).isEqualTo(24);
    assertThat(SpikeSeconds.thresholdMs(30, 0)).isEqualTo(90);
  }

  @Test
  void theThresholdIsNeverBelowASecondTheBaselineAlreadyHad() {
    List<SecondFigures> seconds = run(4, Map.of(0, 300.0, 3, 41.0, 7, 500.0));
    // second 0 is outside the baseline window, second 7 after the migration's start
    assertThat(SpikeSeconds.highestBaselineSecondP99Ms(seconds, NO_OP)).isEqualTo(41);
    assertThat(SpikeSeconds.thresholdMs(4, 41)).isEqualTo(41);
  }

  @Test
  void aLoneNoisySecondAfterTheMigrationWithNothingBlockedIsNotASpike() {
    List<SecondFigures> seconds = run(3.7, Map.of(8, 122.8));
    assertThat(SpikeSeconds.count(seconds, 23.7, NO_OP, s -> 0)).isZero();
  }

  @Test
  void theSameSecondCountsWhenASessionWaitedOnALockInIt() {
    List<SecondFigures> seconds = run(3.7, Map.of(8, 122.8));
    assertThat(SpikeSeconds.count(seconds, 23.7, NO_OP, s -> s == 8 ? 1 : 0)).isEqualTo(1);
  }

  @Test
  void aLoneSecondCountsWhenTheMigrationRanForMostOfIt() {
    Phases longer = new Phases(1, 5.2, 7.4, 12);
    assertThat(SpikeSeconds.count(run(3.7, Map.of(6, 80.0)), 23.7, longer, s -> 0)).isEqualTo(1);
    assertThat(SpikeSeconds.count(run(3.7, Map.of(5, 80.0)), 23.7, longer, s -> 0)).isEqualTo(1); // 0.8 s of it
    assertThat(SpikeSeconds.count(run(3.7, Map.of(7, 80.0)), 23.7, longer, s -> 0)).as("0.4 s of it").isZero();
  }

  @Test
  void theLoneSecondAShortNoOpRanInIsNoise() {
    // SpikeNoiseCalibrationIT: a SELECT 1 of 8 ms, and its second at 35 ms against a 27 ms threshold
    assertThat(SpikeSeconds.count(run(7.0, Map.of(5, 35.0)), 27.0, NO_OP, s -> 0)).isZero();
    // a wait on a lock in it, or the next second over too, and it counts
    assertThat(SpikeSeconds.count(run(7.0, Map.of(5, 35.0)), 27.0, NO_OP, s -> s == 5 ? 3 : 0)).isEqualTo(1);
    assertThat(SpikeSeconds.count(run(7.0, Map.of(5, 35.0, 6, 30.0)), 27.0, NO_OP, s -> 0)).isEqualTo(2);
  }

  @Test
  void migrationOverlapIsTheShareOfTheSecondInTheWindow() {
    assertThat(SpikeSeconds.migrationOverlapSeconds(NO_OP, 5)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(SpikeSeconds.migrationOverlapSeconds(NO_OP, 4)).isZero();
    assertThat(SpikeSeconds.migrationOverlapSeconds(NO_OP, 6)).isZero();
  }

  @Test
  void twoSecondsInARowCountBoth() {
    // slower queries after the migration, or its backlog draining: it lasts, so it is the migration's
    List<SecondFigures> seconds = run(3.7, Map.of(8, 60.0, 9, 45.0));
    assertThat(SpikeSeconds.count(seconds, 23.7, NO_OP, s -> 0)).isEqualTo(2);
  }

  @Test
  void aStallCountsEvenAlone() {
    List<SecondFigures> seconds = run(3.7, Map.of());
    seconds.set(8, second(8, null, 40));
    assertThat(SpikeSeconds.count(seconds, 23.7, NO_OP, s -> 0)).isEqualTo(1);
    // an idle second (nothing completed, nobody waiting) is neither
    seconds.set(8, second(8, null, 0));
    assertThat(SpikeSeconds.count(seconds, 23.7, NO_OP, s -> 0)).isZero();
  }

  @Test
  void secondsBeforeTheMigrationStartAreNotCounted() {
    List<SecondFigures> seconds = run(3.7, Map.of(2, 90.0, 3, 90.0));
    assertThat(SpikeSeconds.count(seconds, 23.7, NO_OP, s -> 0)).isZero();
    assertThat(SpikeSeconds.over(seconds.get(2), 23.7)).isTrue();
  }
}
