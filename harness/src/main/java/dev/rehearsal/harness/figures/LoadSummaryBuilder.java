package dev.rehearsal.harness.figures;

import dev.rehearsal.load.ErrorClass;
import dev.rehearsal.load.LoadTally;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.report.LoadReport.LoadSummary;
import dev.rehearsal.report.RehearsalReport;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The whole-run figures of a load-only run, from its seconds. */
public final class LoadSummaryBuilder {

  private LoadSummaryBuilder() {}

  public static LoadSummary build(LoadTally tally, double seconds, Double targetOpsPerSecond,
      boolean healthChecked, RehearsalReport.Integrity integrity) {
    Histogram latency = tally.weightedLatencyMicros();
    Histogram service = tally.weightedServiceMicros();
    Histogram lag = tally.schedulerLagMicros();
    Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);
    long operations = 0;
    long completed = 0;
    long weightedErrors = 0;
    long dropped = 0;
    long healthFailures = 0;
    int maxWaiting = 0;
    for (SecondFigures s : tally.seconds()) {
      s.errors().forEach((c, n) -> errors.merge(c, n, Long::sum));
      operations += s.successes();
      completed += s.weightedCompleted();
      weightedErrors += s.weightedErrors();
      dropped += s.dropped();
      healthFailures += s.healthCheckFailures();
      maxWaiting = Math.max(maxWaiting, s.poolMaxWaiting());
    }
    Map<String, RehearsalReport.Percentiles> perOperation = new LinkedHashMap<>();
    tally.latencyMicrosByOperation().forEach((name, h) -> {
      if (h.getTotalCount() > 0) {
        perOperation.put(name, TimelineBuilder.percentiles(h));
      }
    });
    boolean any = latency.getTotalCount() > 0;
    // throughput counts the application's operations that succeeded
    long weightedOk = Math.max(0, completed - weightedErrors);
    return new LoadSummary(
        targetOpsPerSecond,
        seconds > 0 ? weightedOk / seconds : 0,
        operations,
        errors.values().stream().mapToLong(Long::longValue).sum(),
        TimelineBuilder.errorsByKey(errors),
        dropped,
        any ? TimelineBuilder.percentiles(latency) : null,
        any ? TimelineBuilder.percentiles(service) : null,
        perOperation,
        lag.getTotalCount() > 0 ? TimelineBuilder.ms(lag.getValueAtPercentile(99)) : null,
        errors.getOrDefault(ErrorClass.POOL_TIMEOUT, 0L),
        maxWaiting,
        healthChecked ? healthFailures : null,
        integrity == null ? null : integrity.lostWrites());
  }
}
