package dev.rehearsal.load;

import dev.rehearsal.load.schedule.Arrival;
import dev.rehearsal.load.schedule.RateProfile;
import java.time.Duration;

/** How the weighted operations are paced: open loop (a timetable) or closed loop (clients). */
public sealed interface Traffic {

  /**
   * Operations start on a timetable fixed in advance, whatever the database does; latency is
   * counted from the intended start (no coordinated omission).
   *
   * @param maxInFlight operations scheduled but not finished, at most; beyond it an operation is
   *     counted as dropped, never silently skipped
   */
  record OpenLoop(RateProfile profile, Arrival arrival, int maxInFlight) implements Traffic {
    public OpenLoop {
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("maxInFlight must be >= 1");
      }
    }
  }

  /**
   * {@code clients} loops, each running one operation, then waiting {@code thinkTime}, like
   * pgbench without {@code -R}: the database sets the pace, so this measures capacity, not what
   * users at a given rate feel.
   */
  record ClosedLoop(int clients, Duration thinkTime) implements Traffic {
    public ClosedLoop {
      if (clients < 1) {
        throw new IllegalArgumentException("clients must be >= 1");
      }
    }
  }
}
