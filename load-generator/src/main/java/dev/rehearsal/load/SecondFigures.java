package dev.rehearsal.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run keeps of each second once it is over: the {@link SecondSample}'s counts, and its
 * histograms reduced to {@link LatencySummary percentiles}. Whole-run percentiles come from
 * {@link LoadTally}'s running histograms, not from these.
 *
 * @param latencyByOperation per operation that finished something in this second
 * @param weightedLatency the application's operations together, or null when none finished
 * @param schedulerLagP99Micros how late the open-loop scheduler handed operations out in this
 *     second, 99th percentile (0 when it handed none): the load's own host noise, as the harness
 *     felt it
 * @see SecondSample for the meaning of the counts
 */
public record SecondFigures(
    int second,
    double coveredSeconds,
    double targetOperations,
    Map<String, LatencySummary> latencyByOperation,
    LatencySummary weightedLatency,
    long successes,
    Map<ErrorClass, Long> errors,
    long dropped,
    int poolMaxActive,
    int poolMaxWaiting,
    int healthChecks,
    int healthCheckFailures,
    long weightedCompleted,
    long weightedErrors,
    int connectionRefusals,
    long schedulerLagP99Micros) {

  static SecondFigures of(SecondSample s) {
    Map<String, LatencySummary> byOperation = new LinkedHashMap<>();
    s.latencyMicrosByOperation().forEach((name, h) -> {
      LatencySummary summary = LatencySummary.of(h);
      if (summary != null) {
        byOperation.put(name, summary);
      }
    });
    Map<ErrorClass, Long> errors = s.errors().isEmpty() ? Map.of() : new EnumMap<>(s.errors());
    return new SecondFigures(s.second(), s.coveredSeconds(), s.targetOperations(),
        Collections.unmodifiableMap(byOperation), LatencySummary.of(s.weightedLatencyMicros()), s.successes(),
        Collections.unmodifiableMap(errors), s.dropped(), s.poolMaxActive(), s.poolMaxWaiting(), s.healthChecks(),
        s.healthCheckFailures(), s.weightedCompleted(), s.weightedErrors(), s.connectionRefusals(),
        s.schedulerLagMicros().getTotalCount() == 0 ? 0 : s.schedulerLagMicros().getValueAtPercentile(99));
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
