package dev.rehearsal.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * All recording of a load run: written wait-free from workers, drained once a second into a
 * {@link SecondSample}. Knows nothing of threads or the pool, so tests can feed it timestamps
 * from a simulated clock and check the arithmetic exactly.
 */
public final class LoadRecorder implements AutoCloseable {

  /** The name the health probe's latencies are recorded under. */
  public static final String HEALTH_CHECK = "health-check";

  private final Map<String, OperationStats> stats = new LinkedHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final Recorder schedulerLagMicros = new Recorder(1, OperationStats.HIGHEST_MICROS, 3);
  private final AtomicInteger healthChecks = new AtomicInteger();
  private final AtomicInteger healthCheckFailures = new AtomicInteger();
  private final AtomicInteger connectionRefusals = new AtomicInteger();
  private final OutputStream logStream;
  private final HistogramLogWriter log;

  /**
   * @param weighted names of the application's operations
   * @param others names of periodic operations (and the health check): recorded, kept out of
   *     the weighted total
   * @param histogramLogFile where to write the HdrHistogram interval log, or null for none
   */
  public LoadRecorder(Collection<String> weighted, Collection<String> others, Path histogramLogFile)
      throws IOException {
    weighted.forEach(name -> stats.put(name, new OperationStats(name, true)));
    others.forEach(name -> stats.putIfAbsent(name, new OperationStats(name, false)));
    if (histogramLogFile != null) {
      Path parent = histogramLogFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      logStream = Files.newOutputStream(histogramLogFile);
      log = new HistogramLogWriter(new PrintStream(logStream, false, "UTF-8"));
    } else {
      logStream = null;
      log = null;
    }
  }

  /** Writes the log's header; {@code startMillis} is wall-clock time of second 0. */
  public void begin(long startMillis) {
    if (log != null) {
      log.outputLogFormatVersion();
      log.outputStartTime(startMillis);
      log.setBaseTime(startMillis);
      log.outputLegend();
    }
  }

  /**
   * One finished operation.
   *
   * @param serviceStartNanos when it got its connection, or -1 if it never did
   * @param error null on success
   */
  public void record(String operation, long intendedNanos, long serviceStartNanos, long endNanos, ErrorClass error) {
    stats.get(operation).record(endNanos - intendedNanos, serviceStartNanos < 0 ? -1 : endNanos - serviceStartNanos,
        error);
  }

  public void dropped() {
    dropped.incrementAndGet();
  }

  public void schedulerLag(long lagNanos) {
    schedulerLagMicros.recordValue(Math.min(OperationStats.HIGHEST_MICROS,
        Math.max(0, TimeUnit.NANOSECONDS.toMicros(lagNanos))));
  }

  public void healthCheck(boolean ok) {
    healthChecks.incrementAndGet();
    if (!ok) {
      healthCheckFailures.incrementAndGet();
    }
  }

  /** The server refused a new connection for the pool (SQLSTATE 53300, too many connections). */
  public void connectionRefused() {
    connectionRefusals.incrementAndGet();
  }

  /**
   * Drains everything recorded since the previous call into one second's sample.
   *
   * @param nowMillis wall-clock end of the interval, for the histogram log
   */
  public synchronized SecondSample closeSecond(int second, double coveredSeconds, double targetOperations,
      int poolMaxActive,
      int poolMaxWaiting, long nowMillis) {
    Map<String, Histogram> byOperation = new LinkedHashMap<>();
    Histogram weighted = new Histogram(1, OperationStats.HIGHEST_MICROS, 3);
    Histogram weightedService = new Histogram(1, OperationStats.HIGHEST_MICROS, 3);
    long successes = 0;
    long weightedErrors = 0;
    Map<ErrorClass, Long> errors = OperationStats.emptyErrors();
    for (OperationStats s : stats.values()) {
      Histogram latency = s.takeLatency();
      Histogram service = s.takeService();
      byOperation.put(s.name, latency);
      if (s.weighted) {
        weighted.add(latency);
        weightedService.add(service);
      }
      if (s.name.equals(HEALTH_CHECK)) {
        // probes have their own counters: a failed probe is not an application error
        s.takeSuccesses();
        s.takeErrors(OperationStats.emptyErrors());
      } else {
        successes += s.takeSuccesses();
        Map<ErrorClass, Long> mine = OperationStats.emptyErrors();
        s.takeErrors(mine);
        if (s.weighted) {
          weightedErrors += mine.values().stream().mapToLong(Long::longValue).sum();
        }
        mine.forEach((c, n) -> errors.merge(c, n, Long::sum));
      }
      if (log != null) {
        writeInterval(latency, s.name, nowMillis);
        writeInterval(service, s.name + ".service", nowMillis);
      }
    }
    return new SecondSample(second, coveredSeconds, targetOperations, byOperation, weighted, weightedService,
        successes, errors, dropped.getAndSet(0), schedulerLagMicros.getIntervalHistogram(), poolMaxActive,
        poolMaxWaiting, healthChecks.getAndSet(0), healthCheckFailures.getAndSet(0), weightedErrors,
        connectionRefusals.getAndSet(0));
  }

  private void writeInterval(Histogram h, String tag, long nowMillis) {
    h.setStartTimeStamp(nowMillis - 1000);
    h.setEndTimeStamp(nowMillis);
    h.setTag(tag);
    log.outputIntervalHistogram(h);
  }

  @Override
  public synchronized void close() throws IOException {
    if (logStream != null) {
      logStream.close();
    }
  }
}
