package dev.rehearsal.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One second of load, as recorded. Histograms hold microseconds.
 *
 * @param second seconds since load start, 0-based; the final sample may cover less than a second
 * @param latencyMicrosByOperation per operation (weighted and periodic): completion minus
 *     intended start, for operations that completed in this second, successful or not
 * @param weightedLatencyMicros all weighted operations together (the application's traffic;
 *     periodic jobs are left out so that a report query does not become the baseline)
 * @param successes operations that succeeded, weighted and periodic
 * @param errors failed operations by class
 * @param dropped operations not started because maxInFlight operations were in flight
 * @param poolMaxActive most pool connections in use at once
 * @param poolMaxWaiting most threads waiting for a pool connection at once
 */
public record SecondSample(
    int second,
    Map<String, Histogram> latencyMicrosByOperation,
    Histogram weightedLatencyMicros,
    long successes,
    Map<ErrorClass, Long> errors,
    long dropped,
    int poolMaxActive,
    int poolMaxWaiting) {

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
