package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.Comparator;
import java.util.List;

/**
 * What the application felt from one cause, for ranking causes: the larger impact leads the
 * headline and the next steps. Compared in this order: blocked session-seconds charged to the
 * cause, then requests that failed or were dropped while it ran, then seconds in which nothing
 * completed while requests waited (stalled), then the worst per-second p99.
 *
 * @param blockedSessionSeconds application lock waits charged to the cause
 * @param failedRequests errors (pool timeouts among them) and dropped requests in its seconds
 * @param stalledSeconds seconds in which nothing completed while requests waited
 * @param latencyMs the worst per-second p99 in its seconds
 */
record Impact(double blockedSessionSeconds, long failedRequests, int stalledSeconds, double latencyMs)
    implements Comparable<Impact> {

  static final Impact NONE = new Impact(0, 0, 0, 0);

  private static final Comparator<Impact> ORDER = Comparator.comparingDouble(Impact::blockedSessionSeconds)
      .thenComparingLong(Impact::failedRequests).thenComparingInt(Impact::stalledSeconds)
      .thenComparingDouble(Impact::latencyMs);

  /**
   * The impact of a cause that was charged {@code blockedSessionSeconds} and ran from
   * {@code fromSecond} to {@code toSecond} (seconds since the load started): the timeline's
   * seconds that overlap it.
   */
  static Impact during(List<TimelineSecond> timeline, double fromSecond, double toSecond,
      double blockedSessionSeconds) {
    return of(timeline.stream().filter(t -> t.second() + 1 > fromSecond && t.second() < toSecond).toList(),
        blockedSessionSeconds);
  }

  /** The impact of these seconds, with {@code blockedSessionSeconds} charged. */
  static Impact of(List<TimelineSecond> seconds, double blockedSessionSeconds) {
    long failed = 0;
    int stalled = 0;
    double latency = 0;
    for (TimelineSecond t : seconds) {
      failed += t.errors().values().stream().mapToLong(Long::longValue).sum() + t.dropped();
      if (stalled(t)) {
        stalled++;
      }
      if (t.p99Ms() != null) {
        latency = Math.max(latency, t.p99Ms());
      }
    }
    return new Impact(blockedSessionSeconds, failed, stalled, latency);
  }

  /** Nothing completed while requests waited for a connection or a lock. */
  static boolean stalled(TimelineSecond t) {
    return t.operations() == 0 && (t.poolWaiting() > 0 || t.sessionsBlocked() > 0);
  }

  @Override
  public int compareTo(Impact other) {
    return ORDER.compare(this, other);
  }
}
