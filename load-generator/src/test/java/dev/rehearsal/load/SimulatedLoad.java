package dev.rehearsal.load;

import dev.rehearsal.load.schedule.RateProfile;
import dev.rehearsal.load.schedule.Timetable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Operations on simulated time, replayed into the real {@link LoadRecorder} the way the engine's
 * ticker closes its seconds, so that the rate and latency arithmetic can be checked to the
 * operation without a database or a wall clock.
 */
final class SimulatedLoad {

  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  private SimulatedLoad() {}

  /** One finished operation, in nanoseconds of the simulated clock. */
  record Done(long intended, long serviceStart, long end) {}

  /**
   * Every operation the timetable has due before {@code untilNanos}, sent when due (connections
   * enough) and answered {@code serviceNanos} later.
   */
  static List<Done> answeredIn(long serviceNanos, Timetable timetable, long untilNanos) {
    List<Done> done = new ArrayList<>();
    long intended;
    while ((intended = timetable.next()) < untilNanos) {
      done.add(new Done(intended, intended, intended + serviceNanos));
    }
    return done;
  }

  /**
   * Replays {@code done} into {@code seconds} samples; the target of each second is what the
   * profile expects in it, as the engine's ticker computes it.
   */
  static List<SecondSample> replay(List<Done> done, int seconds, RateProfile profile) throws Exception {
    List<Done> byEnd = new ArrayList<>(done);
    byEnd.sort(Comparator.comparingLong(Done::end));
    List<SecondSample> samples = new ArrayList<>();
    try (LoadRecorder recorder = new LoadRecorder(List.of("op"), Set.of(), null)) {
      int i = 0;
      for (int second = 0; second < seconds; second++) {
        // the ticker closes second s at (s + 1) s: everything that completed before is in it
        while (i < byEnd.size() && byEnd.get(i).end < (second + 1) * S) {
          Done d = byEnd.get(i++);
          recorder.record("op", d.intended, d.serviceStart, d.end, null);
        }
        double target = profile.arrivalsBy(second + 1) - profile.arrivalsBy(second);
        samples.add(recorder.closeSecond(second, 1, target, 1, 0, 0));
      }
    }
    return samples;
  }
}
