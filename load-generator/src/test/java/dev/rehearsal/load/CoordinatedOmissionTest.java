package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.SimulatedLoad.Done;
import dev.rehearsal.load.schedule.Arrival;
import dev.rehearsal.load.schedule.RateProfile;
import dev.rehearsal.load.schedule.Timetable;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The latency arithmetic under a 2 s stall, on simulated time: the real timetable and recorder,
 * a database that answers in 1 ms except that nothing finishes between 5 s and 7 s.
 */
class CoordinatedOmissionTest {

  private static final long MS = SimulatedLoad.MS;
  private static final long S = SimulatedLoad.S;
  private static final long STALL_START = 5 * S;
  private static final long STALL_END = 7 * S;
  private static final long SERVICE = MS;
  private static final RateProfile HUNDRED_PER_SECOND = RateProfile.constant(100);

  /** When a request sent at {@code start} is answered. */
  private static long answer(long start) {
    long end = start + SERVICE;
    return end > STALL_START && start < STALL_END ? STALL_END + SERVICE : end;
  }

  private static List<SecondSample> replay(List<Done> done, int seconds) throws Exception {
    return SimulatedLoad.replay(done, seconds, HUNDRED_PER_SECOND);
  }

  @Test
  void openLoopChargesTheStallToEveryRequestScheduledDuringIt() throws Exception {
    Timetable timetable = new Timetable(HUNDRED_PER_SECOND, Arrival.CONSTANT, 0, 1);
    List<Done> done = new ArrayList<>();
    long intended;
    while ((intended = timetable.next()) < 10 * S) {
      // the request goes out on time (enough connections); latency counts from its intended start
      done.add(new Done(intended, intended, answer(intended)));
    }
    List<SecondSample> samples = replay(done, 10);

    assertThat(samples.get(5).weightedCompleted()).as("nothing completes during the stall").isZero();
    assertThat(samples.get(6).weightedCompleted()).isZero();
    Histogram stalled = samples.get(7).weightedLatencyMicros();
    // the 200 requests of the stall complete together with second 7's own 100
    assertThat(stalled.getTotalCount()).isEqualTo(300);
    assertThat(stalled.getMaxValue() / 1000.0).isBetween(1995.0, 2005.0);
    // the stall's requests waited evenly from 2 s down to 0: their median is 1 s (the middle of
    // the upper 200 of 300 values sits at the 66.7th percentile of the second)
    assertThat(stalled.getValueAtPercentile(100.0 * 200 / 300) / 1000.0).isBetween(980.0, 1020.0);
    assertThat(stalled.getCountBetweenValues(1_000_000, 3_000_000)).isBetween(99L, 101L);
    // and the run as a whole: every request of the stall is slow, not just one
    Histogram all = new Histogram(3);
    samples.forEach(s -> all.add(s.weightedLatencyMicros()));
    assertThat(all.getTotalCount()).isEqualTo(1000);
    assertThat(all.getCountBetweenValues(500_000, 3_000_000)).isBetween(149L, 151L);
  }

  @Test
  void aClosedLoopClientHidesTheStallAsOneOutlier() throws Exception {
    // one client, back to back, latency from the actual send: what coordinated omission reports
    List<Done> done = new ArrayList<>();
    long t = 0;
    while (t < 10 * S) {
      long end = answer(t);
      done.add(new Done(t, t, end));
      t = end;
    }
    List<SecondSample> samples = replay(done, 10);
    Histogram all = new Histogram(3);
    samples.forEach(s -> all.add(s.weightedLatencyMicros()));
    assertThat(all.getMaxValue() / 1000.0).isBetween(1995.0, 2005.0);
    assertThat(all.getCountBetweenValues(500_000, 3_000_000)).isEqualTo(1);
    assertThat(all.getValueAtPercentile(99.9) / 1000.0).isLessThan(2.0);
  }
}
