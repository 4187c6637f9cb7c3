package dev.rehearsal.harness.figures;

import dev.rehearsal.harness.measure.Phases;
import dev.rehearsal.load.SecondFigures;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Which seconds count as a latency spike, and the threshold they are judged against
 * (docs/measurement.md, "Latency spike").
 *
 * <p>Two guards keep a busy host's own noise out of {@code spikeSeconds}, because a no-op
 * migration must not read as one that hurt the application:
 * <ul>
 *   <li>the threshold is never below the highest per-second p99 the baseline itself had: a second
 *       no slower than one the warm-up already had, with no migration running, is not the
 *       migration's doing;</li>
 *   <li>a lone second above it, in which the migration ran for less than half a second, with no
 *       application session waiting on a lock and no stall, is not counted. Measured on a 2-core
 *       host (SpikeNoiseCalibrationIT): the noise that crosses the threshold is one second on its
 *       own, seconds after a no-op ended (a 120 ms hiccup of the host against a 3.7 ms baseline
 *       p99, which no baseline-derived threshold would absorb without hiding real spikes), or the
 *       very second an 8 ms no-op ran in (35 ms against a 27 ms threshold). What a migration does to
 *       latency either blocks sessions, fills the second it runs in, or lasts (a backlog draining
 *       after it, slower plans, I/O of a long build): each of those still counts.</li>
 * </ul>
 */
final class SpikeSeconds {

  /** A lone second the migration ran for less of than this, with nothing blocked, is noise. */
  static final double HALF_SECOND = 0.5;

  /** Spike threshold floor above the baseline: 20 ms, so a 1 ms baseline does not flag 3 ms. */
  static final double FLOOR_MS = 20.0;

  private SpikeSeconds() {}

  /**
   * {@code max(3 × baselineP99Ms, baselineP99Ms + 20 ms, highestBaselineSecondP99Ms)}.
   *
   * @param highestBaselineSecondP99Ms the highest p99 of any single baseline second
   */
  static double thresholdMs(double baselineP99Ms, double highestBaselineSecondP99Ms) {
    return Math.max(Math.max(3 * baselineP99Ms, baselineP99Ms + FLOOR_MS), highestBaselineSecondP99Ms);
  }

  /** The highest p99 of a single second of the baseline window, 0 when it had none. */
  static double highestBaselineSecondP99Ms(List<SecondFigures> seconds, Phases phases) {
    double highest = 0;
    for (SecondFigures s : seconds) {
      if (phases.inBaseline(s.second()) && s.weightedLatency() != null) {
        highest = Math.max(highest, TimelineBuilder.ms(s.weightedLatency().p99Micros()));
      }
    }
    return highest;
  }

  /**
   * Seconds from the migration's start on that spiked: p99 above {@code thresholdMs}, or a stall
   * (nothing completed while requests waited for the pool), less the lone noise seconds.
   *
   * @param blockedInSecond application sessions waiting on a lock in a second, at most
   */
  static int count(List<SecondFigures> seconds, double thresholdMs, Phases phases, IntUnaryOperator blockedInSecond) {
    int count = 0;
    for (int i = 0; i < seconds.size(); i++) {
      SecondFigures s = seconds.get(i);
      if (s.second() + 1 <= phases.migrationStartSecond() || !over(s, thresholdMs)) {
        continue;
      }
      boolean alone = !(i > 0 && over(seconds.get(i - 1), thresholdMs))
          && !(i + 1 < seconds.size() && over(seconds.get(i + 1), thresholdMs));
      boolean migrationMostlyElsewhere = migrationOverlapSeconds(phases, s.second()) < HALF_SECOND;
      boolean noise = alone && migrationMostlyElsewhere && !stall(s) && blockedInSecond.applyAsInt(s.second()) == 0;
      if (!noise) {
        count++;
      }
    }
    return count;
  }

  /** How much of second {@code second} the migration window covers, in seconds (0 to 1). */
  static double migrationOverlapSeconds(Phases phases, int second) {
    return Math.max(0, Math.min(second + 1, phases.migrationEndSecond()) - Math.max(second, phases.migrationStartSecond()));
  }

  static boolean over(SecondFigures s, double thresholdMs) {
    return s.weightedLatency() != null
        ? TimelineBuilder.ms(s.weightedLatency().p99Micros()) > thresholdMs
        : stall(s);
  }

  /**
   * Nothing completed while requests queued for the pool: its latencies will be recorded in the
   * second the stall ends, so the stalled second itself is in spike too.
   */
  static boolean stall(SecondFigures s) {
    return s.weightedLatency() == null && s.poolMaxWaiting() > 0;
  }
}
