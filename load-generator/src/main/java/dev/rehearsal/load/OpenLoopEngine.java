package dev.rehearsal.load;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link LoadPlan} open loop: a scheduler fixes every operation's intended start on a
 * constant-rate timetable and hands it to a worker; latency is measured from the intended start,
 * so time spent queueing for a worker or a pool connection counts (no coordinated omission).
 * Periodic operations run on their own connections. Once a second the ticker turns the
 * recordings into a {@link SecondSample}.
 *
 * <p>Lifecycle: {@link #start()}, then {@link #stop()} (idempotent; also closes the pool).
 */
public final class OpenLoopEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenLoopEngine.class);

  private final LoadPlan plan;
  private final HikariDataSource pool;
  private final PoolTelemetry telemetry;
  private final PeriodicRunner periodicRunner;
  private final Map<String, OperationStats> stats = new LinkedHashMap<>();
  private final Operation[] weightedChoice;
  private final Semaphore inFlight;
  private final AtomicLong dropped = new AtomicLong();
  private final List<SecondSample> samples = Collections.synchronizedList(new ArrayList<>());
  private final Consumer<SecondSample> listener;
  private final HistogramLogWriter histogramLog;
  private final OutputStream histogramLogStream;
  private final AtomicInteger nextSecond = new AtomicInteger();
  /** Ticks come from the timer thread and, once, from stop(): never both at once. */
  private final Object tickLock = new Object();

  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService timers;
  private volatile Thread scheduler;
  private volatile boolean running;
  private volatile long startNanos;
  private boolean stopped;

  /**
   * @param histogramLogFile where to write the HdrHistogram interval log, or null for none
   * @param listener called from the ticker thread with each second's sample (e.g. progress)
   */
  public OpenLoopEngine(
      LoadPlan plan, DatabaseTarget target, PoolConfig poolConfig, Path histogramLogFile,
      Consumer<SecondSample> listener) throws IOException {
    this.plan = plan;
    this.listener = listener == null ? s -> { } : listener;
    for (Operation op : plan.operations()) {
      stats.put(op.name(), new OperationStats(op.name(), true));
    }
    for (PeriodicOperation op : plan.periodic()) {
      stats.put(op.name(), new OperationStats(op.name(), false));
    }
    this.weightedChoice = expandWeights(plan.operations());
    this.inFlight = new Semaphore(plan.maxInFlight());
    this.workers = new ThreadPoolExecutor(plan.maxInFlight(), plan.maxInFlight(), 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("rehearsal-load-worker"));
    this.workers.allowCoreThreadTimeOut(true);
    this.timers = Executors.newScheduledThreadPool(2 + plan.periodic().size(), daemonThreads("rehearsal-load-timer"));
    if (histogramLogFile != null) {
      Files.createDirectories(histogramLogFile.toAbsolutePath().getParent());
      this.histogramLogStream = Files.newOutputStream(histogramLogFile);
      this.histogramLog = new HistogramLogWriter(new PrintStream(histogramLogStream, false, "UTF-8"));
    } else {
      this.histogramLogStream = null;
      this.histogramLog = null;
    }
    this.telemetry = new PoolTelemetry();
    this.pool = ApplicationPool.create(target, poolConfig, telemetry);
    this.periodicRunner = new PeriodicRunner(target, this::statsOf);
  }

  /** Weighted choice by table lookup: one random index per operation, no search. */
  private static Operation[] expandWeights(List<Operation> operations) {
    int total = operations.stream().mapToInt(Operation::weight).sum();
    Operation[] table = new Operation[total];
    int i = 0;
    for (Operation op : operations) {
      for (int w = 0; w < op.weight(); w++) {
        table[i++] = op;
      }
    }
    return table;
  }

  private OperationStats statsOf(String name) {
    return stats.get(name);
  }

  public synchronized void start() {
    if (running || stopped) {
      throw new IllegalStateException("engine already started");
    }
    running = true;
    startNanos = System.nanoTime();
    if (histogramLog != null) {
      histogramLog.outputLogFormatVersion();
      histogramLog.outputStartTime(System.currentTimeMillis());
      histogramLog.setBaseTime(System.currentTimeMillis());
      histogramLog.outputLegend();
    }
    timers.scheduleAtFixedRate(() -> telemetry.sample(pool.getHikariPoolMXBean()), 0, 50, TimeUnit.MILLISECONDS);
    timers.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    for (PeriodicOperation op : plan.periodic()) {
      periodicRunner.schedule(op, timers);
    }
    scheduler = new Thread(this::schedule, "rehearsal-load-scheduler");
    scheduler.setDaemon(true);
    scheduler.start();
  }

  /** Nanosecond timestamp ({@link System#nanoTime()}) of load start: second 0 begins here. */
  public long startNanos() {
    return startNanos;
  }

  public PoolTelemetry poolTelemetry() {
    return telemetry;
  }

  public long droppedOperations() {
    return dropped.get();
  }

  /** Samples so far, in order. */
  public List<SecondSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private void schedule() {
    double intervalNanos = 1e9 / plan.ratePerSecond();
    SplittableRandom random = new SplittableRandom(0x5eed);
    long k = 0;
    while (running) {
      long intendedNanos = startNanos + (long) (k * intervalNanos);
      long wait = intendedNanos - System.nanoTime();
      // behind schedule we do not sleep: the timetable, not the database, sets the pace
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        if (!running) {
          break;
        }
      }
      k++;
      Operation op = weightedChoice[random.nextInt(weightedChoice.length)];
      if (!inFlight.tryAcquire()) {
        dropped.incrementAndGet();
        continue;
      }
      Object[] params = op.nextParams(random);
      try {
        workers.execute(() -> {
          try {
            execute(op, params, intendedNanos);
          } finally {
            inFlight.release();
          }
        });
      } catch (RuntimeException rejected) {
        inFlight.release();
        dropped.incrementAndGet();
      }
    }
  }

  private void execute(Operation op, Object[] params, long intendedNanos) {
    OperationStats opStats = stats.get(op.name());
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException e) {
      opStats.record(System.nanoTime() - intendedNanos, -1, borrowFailure(e));
      return;
    }
    long serviceStartNanos = System.nanoTime();
    ErrorClass error = null;
    try (connection) {
      Statements.run(connection, op.sql(), params);
    } catch (SQLException e) {
      error = ErrorClass.of(e);
    }
    long endNanos = System.nanoTime();
    opStats.record(endNanos - intendedNanos, endNanos - serviceStartNanos, error);
  }

  /**
   * HikariCP reports both "no connection free in time" and "could not open one" from
   * getConnection; only the first is pool exhaustion.
   */
  private static ErrorClass borrowFailure(SQLException e) {
    String state = ErrorClass.sqlState(e.getCause());
    if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28"))) {
      return ErrorClass.CONNECTION;
    }
    return ErrorClass.POOL_TIMEOUT;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("load recording tick failed", e);
    }
  }

  private void tick() {
    synchronized (tickLock) {
      recordSecond();
    }
  }

  private void recordSecond() {
    int second = nextSecond.getAndIncrement();
    Map<String, Histogram> byOperation = new LinkedHashMap<>();
    Histogram weighted = new Histogram(1, OperationStats.HIGHEST_MICROS, 3);
    long successes = 0;
    Map<ErrorClass, Long> errors = OperationStats.emptyErrors();
    long tickStartMillis = System.currentTimeMillis();
    for (OperationStats s : stats.values()) {
      Histogram latency = s.takeLatency();
      Histogram service = s.takeService();
      byOperation.put(s.name, latency);
      if (s.weighted) {
        weighted.add(latency);
      }
      successes += s.takeSuccesses();
      s.takeErrors(errors);
      if (histogramLog != null) {
        writeInterval(latency, s.name, second, tickStartMillis);
        writeInterval(service, s.name + ".service", second, tickStartMillis);
      }
    }
    SecondSample sample = new SecondSample(second, byOperation, weighted, successes, errors,
        dropped.getAndSet(0), telemetry.takeMaxActive(), telemetry.takeMaxWaiting());
    samples.add(sample);
    listener.accept(sample);
  }

  private void writeInterval(Histogram h, String tag, int second, long nowMillis) {
    h.setStartTimeStamp(nowMillis - 1000);
    h.setEndTimeStamp(nowMillis);
    h.setTag(tag);
    histogramLog.outputIntervalHistogram(h);
  }

  /**
   * Stops issuing operations, lets in-flight ones finish (each is bounded by the pool's
   * connectionTimeout and the statement timeout; we wait at most {@code graceMillis}), records
   * the last partial second, and closes the pool. Idempotent.
   */
  public synchronized void stop(long graceMillis) {
    if (stopped) {
      return;
    }
    stopped = true;
    boolean wasRunning = running;
    running = false;
    if (scheduler != null) {
      scheduler.interrupt();
    }
    periodicRunner.cancelAll();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
        log.warn("{} operations still running after {} ms; abandoning them", workers.getActiveCount(), graceMillis);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    timers.shutdownNow();
    try {
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (wasRunning) {
      tick();
    }
    pool.close();
    if (histogramLogStream != null) {
      try {
        histogramLogStream.close();
      } catch (IOException e) {
        log.warn("could not close the histogram log", e);
      }
    }
  }

  @Override
  public void close() {
    stop(5_000);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
