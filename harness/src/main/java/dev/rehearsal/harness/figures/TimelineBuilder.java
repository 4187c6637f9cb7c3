package dev.rehearsal.harness.figures;

import dev.rehearsal.harness.measure.Phases;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.harness.observe.ServerSamples;
import dev.rehearsal.load.ErrorClass;
import dev.rehearsal.load.LatencySummary;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.report.RehearsalReport.Percentiles;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns the load generator's per-second samples and the lock observer's figures into a timeline. */
public final class TimelineBuilder {

  private TimelineBuilder() {}

  /** @param server WAL and connections sampled from the server, or null when not sampled */
  public static List<TimelineSecond> build(List<SecondFigures> seconds, BlockedTime blocked, Phases phases,
      ServerSamples server) {
    List<TimelineSecond> timeline = new ArrayList<>(seconds.size());
    for (SecondFigures s : seconds) {
      Map<String, Percentiles> byOperation = new LinkedHashMap<>();
      s.latencyByOperation().forEach((name, latency) -> byOperation.put(name, percentiles(latency)));
      LatencySummary w = s.weightedLatency();
      boolean any = w != null;
      timeline.add(new TimelineSecond(
          s.second(),
          phases == null ? "load" : phases.phaseOf(s.second()),
          s.successes(),
          errorsByKey(s.errors()),
          s.dropped(),
          any ? ms(w.p50Micros()) : null,
          any ? ms(w.p95Micros()) : null,
          any ? ms(w.p99Micros()) : null,
          any ? ms(w.maxMicros()) : null,
          byOperation,
          s.poolMaxActive(),
          s.poolMaxWaiting(),
          blocked == null ? 0 : blocked.maxBlockedInSecond(s.second()),
          Double.isNaN(s.targetOperations()) ? null : s.targetOperations(),
          s.healthCheckFailures(),
          s.connectionRefusals(),
          server == null ? null : server.connectionsInSecond(s.second()),
          server == null ? null : server.walBytesInSecond(s.second()),
          ms(s.schedulerLagP99Micros()),
          server == null ? null : server.replicaLagMsInSecond(s.second()),
          server == null ? null : server.replicaWriteLagMsInSecond(s.second())));
    }
    return timeline;
  }

  static Percentiles percentiles(Histogram h) {
    return percentiles(LatencySummary.of(h));
  }

  static Percentiles percentiles(LatencySummary l) {
    return new Percentiles(l.count(), ms(l.p50Micros()), ms(l.p95Micros()), ms(l.p99Micros()), ms(l.maxMicros()));
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
