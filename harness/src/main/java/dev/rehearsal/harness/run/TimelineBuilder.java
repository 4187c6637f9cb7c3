package dev.rehearsal.harness.run;

import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.load.ErrorClass;
import dev.rehearsal.load.SecondSample;
import dev.rehearsal.report.RehearsalReport.Percentiles;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns the load generator's per-second samples and the lock observer's figures into a timeline. */
final class TimelineBuilder {

  private TimelineBuilder() {}

  static List<TimelineSecond> build(List<SecondSample> samples, BlockedTime blocked, Phases phases) {
    List<TimelineSecond> timeline = new ArrayList<>(samples.size());
    for (SecondSample s : samples) {
      Map<String, Percentiles> byOperation = new LinkedHashMap<>();
      s.latencyMicrosByOperation().forEach((name, h) -> {
        if (h.getTotalCount() > 0) {
          byOperation.put(name, percentiles(h));
        }
      });
      Histogram w = s.weightedLatencyMicros();
      boolean any = w.getTotalCount() > 0;
      timeline.add(new TimelineSecond(
          s.second(),
          phases == null ? "load" : phases.phaseOf(s.second()),
          s.successes(),
          errorsByKey(s.errors()),
          s.dropped(),
          any ? ms(w.getValueAtPercentile(50)) : null,
          any ? ms(w.getValueAtPercentile(95)) : null,
          any ? ms(w.getValueAtPercentile(99)) : null,
          any ? ms(w.getMaxValue()) : null,
          byOperation,
          s.poolMaxActive(),
          s.poolMaxWaiting(),
          blocked == null ? 0 : blocked.maxBlockedInSecond(s.second()),
          Double.isNaN(s.targetOperations()) ? null : s.targetOperations(),
          s.healthCheckFailures()));
    }
    return timeline;
  }

  static Percentiles percentiles(Histogram h) {
    return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
        ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
  }

  static Map<String, Long> errorsByKey(Map<ErrorClass, Long> errors) {
    Map<String, Long> byKey = new LinkedHashMap<>();
    errors.forEach((c, n) -> byKey.put(c.key(), n));
    return byKey;
  }

  /** Microseconds to milliseconds, kept to microsecond precision. */
  static double ms(long micros) {
    return micros / 1000.0;
  }
}
