package dev.rehearsal.load;

import org.HdrHistogram.Histogram;

/**
 * One second's latencies, reduced to the figures the timeline shows (microseconds). A run keeps
 * one of these per second and operation instead of the histogram, so memory grows by a few
 * dozen bytes per second rather than by a histogram's counts array.
 */
public record LatencySummary(long count, long p50Micros, long p95Micros, long p99Micros, long maxMicros) {

  /** The summary of {@code h}, or null when nothing finished. */
  public static LatencySummary of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return null;
    }
    return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(95),
        h.getValueAtPercentile(99), h.getMaxValue());
  }
}
