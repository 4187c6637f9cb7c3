package dev.rehearsal.load;

import static dev.rehearsal.load.SimulatedLoad.MS;
import static dev.rehearsal.load.SimulatedLoad.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.load.schedule.Arrival;
import dev.rehearsal.load.schedule.RateProfile;
import dev.rehearsal.load.schedule.RateStage;
import dev.rehearsal.load.schedule.Timetable;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The rate arithmetic of an open-loop run on simulated time: the real timetable and recorder, a
 * database that answers every operation in 1 ms. Exact here; on the wall clock (LoadEngineIT's
 * calibration tests) the same figures can only be checked within a window.
 */
class ScheduledRateTest {

  private static List<SecondSample> run(RateProfile profile, Arrival arrival, long seed, int seconds)
      throws Exception {
    Timetable timetable = new Timetable(profile, arrival, 0, seed);
    return SimulatedLoad.replay(SimulatedLoad.answeredIn(MS, timetable, seconds * S), seconds, profile);
  }

  @Test
  void aConstantRateCompletesItsRateInEverySecond() throws Exception {
    List<SecondSample> samples = run(RateProfile.constant(200), Arrival.CONSTANT, 1, 3);

    assertThat(samples).extracting(SecondSample::second).containsExactly(0, 1, 2);
    assertThat(samples).extracting(SecondSample::targetOperations).containsExactly(200.0, 200.0, 200.0);
    assertThat(samples).extracting(SecondSample::weightedCompleted).containsExactly(200L, 200L, 200L);
    assertThat(samples).extracting(SecondSample::successes).containsExactly(200L, 200L, 200L);
    // every operation was answered 1 ms after it was due
    assertThat(samples.get(1).weightedLatencyMicros().getMaxValue()).isBetween(999L, 1001L);
  }

  @Test
  void aSteppedRateIsFollowedSecondBySecond() throws Exception {
    RateProfile profile = new RateProfile(50, List.of(new RateStage(Duration.ofSeconds(2), 50),
        new RateStage(Duration.ZERO, 300)));
    List<SecondSample> samples = run(profile, Arrival.CONSTANT, 1, 4);

    assertThat(samples).extracting(SecondSample::targetOperations).containsExactly(50.0, 50.0, 300.0, 300.0);
    assertThat(samples).extracting(SecondSample::weightedCompleted).containsExactly(50L, 50L, 300L, 300L);
  }

  @Test
  void poissonArrivalsKeepTheMeanRate() throws Exception {
    // 300/s for 3 s: 900 operations expected, give or take sqrt(900) = 30, whatever the seed
    long[] completed = LongStream.rangeClosed(1, 200).map(seed -> {
      try {
        return run(RateProfile.constant(300), Arrival.POISSON, seed, 3).stream()
            .mapToLong(SecondSample::weightedCompleted).sum();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toArray();
    double mean = LongStream.of(completed).average().orElseThrow();
    double deviation = Math.sqrt(LongStream.of(completed).mapToDouble(c -> (c - mean) * (c - mean)).sum()
        / (completed.length - 1));
    // the mean of 200 runs is within 3 standard errors (3 * 30 / sqrt(200) = 6.4) of 900
    assertThat(mean).isCloseTo(900.0, within(6.4));
    assertThat(deviation).isBetween(25.0, 35.0);
    // a constant schedule would give 900 every time: the spread is the Poisson process's
    assertThat(LongStream.of(completed).distinct().count()).isGreaterThan(20);
  }
}
