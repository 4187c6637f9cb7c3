package dev.rehearsal.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One second of load, as recorded, handed to listeners as it closes. Histograms hold
 * microseconds. The run keeps only its {@link SecondFigures} and adds the histograms into
 * {@link LoadTally}.
 *
 * @param second seconds since load start, 0-based; the final sample may cover less than a second
 * @param coveredSeconds 1, or less for the last sample (load stopped within that second)
 * @param targetOperations operations the open-loop timetable intended to start in this second
 *     (NaN in closed loop, which has no target)
 * @param latencyMicrosByOperation per operation (weighted, periodic and the health check):
 *     completion minus intended start, for operations that completed in this second
 * @param weightedLatencyMicros all weighted operations together (the application's traffic;
 *     periodic jobs are left out so that a report query does not become the baseline)
 * @param weightedServiceMicros the same from the moment each had its connection (service time)
 * @param successes operations that succeeded, weighted and periodic (health probes are counted
 *     apart, in {@code healthChecks})
 * @param errors failed operations by class, weighted and periodic
 * @param dropped operations not started because maxInFlight operations were in flight
 * @param schedulerLagMicros how late the scheduler handed operations to workers (open loop)
 * @param poolMaxActive most pool connections in use at once
 * @param poolMaxWaiting most threads waiting for a pool connection at once
 * @param healthChecks probes that finished in this second
 * @param healthCheckFailures of those, the ones that failed or exceeded their timeout
 * @param weightedErrors of the errors, those of weighted operations (the application's traffic)
 * @param connectionRefusals new connections the server refused to the application's pools in this
 *     second (SQLSTATE 53300: max_connections reached), every instance together
 */
public record SecondSample(
    int second,
    double coveredSeconds,
    double targetOperations,
    Map<String, Histogram> latencyMicrosByOperation,
    Histogram weightedLatencyMicros,
    Histogram weightedServiceMicros,
    long successes,
    Map<ErrorClass, Long> errors,
    long dropped,
    Histogram schedulerLagMicros,
    int poolMaxActive,
    int poolMaxWaiting,
    int healthChecks,
    int healthCheckFailures,
    long weightedErrors,
    int connectionRefusals) {

  /** A second without refused connections. */
  public SecondSample(int second, double coveredSeconds, double targetOperations,
      Map<String, Histogram> latencyMicrosByOperation, Histogram weightedLatencyMicros,
      Histogram weightedServiceMicros, long successes, Map<ErrorClass, Long> errors, long dropped,
      Histogram schedulerLagMicros, int poolMaxActive, int poolMaxWaiting, int healthChecks,
      int healthCheckFailures, long weightedErrors) {
    this(second, coveredSeconds, targetOperations, latencyMicrosByOperation, weightedLatencyMicros,
        weightedServiceMicros, successes, errors, dropped, schedulerLagMicros, poolMaxActive, poolMaxWaiting,
        healthChecks, healthCheckFailures, weightedErrors, 0);
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Weighted operations that finished (succeeded or failed) in this second. */
  public long weightedCompleted() {
    return weightedLatencyMicros.getTotalCount();
  }
}
