package dev.rehearsal.load;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.rehearsal.load.ledger.WriteLedger;
import dev.rehearsal.load.schedule.Clock;
import dev.rehearsal.load.schedule.RateProfile;
import dev.rehearsal.load.schedule.Timetable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link LoadPlan} through the application's pool.
 *
 * <p>Open loop: a scheduler thread fixes every operation's intended start from the
 * {@link Timetable} and hands it to a worker; latency is measured from the intended start, so
 * time spent queueing for a worker or a pool connection counts (no coordinated omission), and
 * service time from the moment a connection was in hand is recorded beside it. Closed loop:
 * client threads run operations back to back. Periodic operations and the health probe run on
 * their own connections. Once a second the ticker turns the recordings into a
 * {@link SecondSample}.
 *
 * <p>Faults are part of the job: a failed operation is counted by class and the run goes on
 * (HikariCP replaces broken connections and waits for a restarted server); nothing but
 * {@link #stop} ends it, and stop leaves no thread behind.
 */
public final class LoadEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LoadEngine.class);
  /** Pool gauges are sampled this often; HikariCP's own metrics see every borrow. */
  private static final long POOL_SAMPLE_MILLIS = 50;

  private final LoadPlan plan;
  private final List<AppInstance> instances = new ArrayList<>();
  private final AtomicInteger maxActiveThisSecond = new AtomicInteger();
  private final AtomicInteger maxWaitingThisSecond = new AtomicInteger();
  private final LoadRecorder recorder;
  private final WriteLedger ledger = new WriteLedger();
  private final OperationRunner runner = new OperationRunner(ledger);
  private final PeriodicRunner periodicRunner;
  private final Operation[] weightedChoice;
  private final LoadTally tally = new LoadTally();
  private final Consumer<SecondSample> listener;
  private final AtomicInteger nextSecond = new AtomicInteger();
  private final List<Thread> drivers = new ArrayList<>();
  private final ThreadPoolExecutor workers;
  private final Semaphore inFlight;
  private final ScheduledExecutorService timers;
  private volatile boolean running;
  private volatile long startNanos;
  private volatile long stopNanos;
  private boolean stopped;

  /**
   * @param histogramLogFile where to write the HdrHistogram interval log, or null for none
   * @param listener called from the ticker thread with each second's sample (e.g. progress)
   */
  public LoadEngine(LoadPlan plan, DatabaseTarget target, PoolConfig poolConfig, Path histogramLogFile,
      Consumer<SecondSample> listener) throws IOException {
    this(plan, target, null, poolConfig, histogramLogFile, listener);
  }

  /**
   * @param replicaTarget the standby's copy of {@code target}'s database, where operations marked replica run
   *     (each instance gets a second pool there, of the same settings); null when none is
   * @throws IllegalArgumentException when an operation is marked replica and there is no standby
   */
  public LoadEngine(LoadPlan plan, DatabaseTarget target, DatabaseTarget replicaTarget, PoolConfig poolConfig,
      Path histogramLogFile, Consumer<SecondSample> listener) throws IOException {
    String onStandby = plan.replicaOperation();
    if (onStandby != null && replicaTarget == null) {
      throw new IllegalArgumentException("operation " + onStandby + " reads from the standby (replica), but no "
          + "standby is running");
    }
    boolean replicaPools = plan.weighted().stream().anyMatch(w -> w.operation().replica());
    this.plan = plan;
    this.listener = listener == null ? s -> { } : listener;
    List<String> others = new ArrayList<>();
    plan.periodic().forEach(p -> others.add(p.name()));
    if (plan.healthCheck() != null) {
      others.add(LoadRecorder.HEALTH_CHECK);
    }
    this.recorder = new LoadRecorder(plan.weighted().stream().map(w -> w.operation().name()).toList(), others,
        histogramLogFile);
    this.weightedChoice = plan.choiceTable();
    if (plan.traffic() instanceof Traffic.OpenLoop open) {
      this.inFlight = new Semaphore(open.maxInFlight());
      this.workers = new ThreadPoolExecutor(open.maxInFlight(), open.maxInFlight(), 30, TimeUnit.SECONDS,
          // the semaphore admits at most maxInFlight operations, so the queue never holds more;
          // bounded all the same, so that no path can grow it without limit
          new ArrayBlockingQueue<>(open.maxInFlight()), daemonThreads("rehearsal-load-worker"));
      // below its core size an executor starts a new thread for every task, even with idle
      // ones at hand; started here, that cost is not paid by the scheduler mid-run
      this.workers.prestartAllCoreThreads();
    } else {
      this.inFlight = null;
      this.workers = null;
    }
    // a thread per probe: a probe waiting out its timeout must not delay another instance's
    this.timers = Executors.newScheduledThreadPool(2 + plan.periodic().size() + plan.instances(),
        daemonThreads("rehearsal-load-timer"));
    this.periodicRunner = new PeriodicRunner(target, replicaTarget, recorder, runner);
    try {
      for (int i = 1; i <= plan.instances(); i++) {
        instances.add(new AppInstance(i, target, replicaPools ? replicaTarget : null, poolConfig, plan.healthCheck(),
            recorder));
      }
    } catch (RuntimeException e) {
      instances.forEach(AppInstance::close);
      timers.shutdownNow();
      if (workers != null) {
        workers.shutdownNow();
      }
      recorder.close();
      throw e;
    }
  }

  public synchronized void start() {
    if (running || stopped) {
      throw new IllegalStateException("engine already started");
    }
    running = true;
    startNanos = System.nanoTime();
    recorder.begin(System.currentTimeMillis());
    timers.scheduleAtFixedRate(this::samplePool, 0, POOL_SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    timers.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    for (PeriodicOperation op : plan.periodic()) {
      periodicRunner.schedule(op, timers, startNanos, plan.seed());
    }
    for (AppInstance instance : instances) {
      if (instance.probe != null) {
        instance.probe.schedule(timers, startNanos);
      }
    }
    SplittableRandom seeds = new SplittableRandom(plan.seed());
    if (plan.traffic() instanceof Traffic.OpenLoop open) {
      Timetable timetable = new Timetable(open.profile(), open.arrival(), startNanos, seeds.nextLong());
      Thread scheduler = new Thread(() -> schedule(timetable, seeds.split()), "rehearsal-load-scheduler");
      scheduler.setDaemon(true);
      startDriver(scheduler);
    } else {
      Traffic.ClosedLoop closed = (Traffic.ClosedLoop) plan.traffic();
      for (int i = 1; i <= closed.clients(); i++) {
        SplittableRandom random = seeds.split();
        AppInstance instance = instances.get((i - 1) % instances.size());
        // on virtual threads where the JVM has them: see ClientThreads for why
        startDriver(ClientThreads.unstarted("rehearsal-load-client-" + i,
            () -> client(closed.thinkTime().toNanos(), random, instance)));
      }
    }
  }

  private void startDriver(Thread t) {
    drivers.add(t);
    t.start();
  }

  /** Seconds from start to {@link #stop} (the time operations were issued), or so far if running. */
  public double runSeconds() {
    long end = stopNanos != 0 ? stopNanos : System.nanoTime();
    return (end - startNanos) / 1e9;
  }

  /** Nanosecond timestamp ({@link System#nanoTime()}) of load start: second 0 begins here. */
  public long startNanos() {
    return startNanos;
  }

  /** The first instance's pool telemetry (the only one's, with one instance). */
  public PoolTelemetry poolTelemetry() {
    return instances.get(0).telemetry;
  }

  /** Each application instance's figures so far (final after {@link #stop}), in order. */
  public List<InstanceFigures> instances() {
    double end = runSeconds();
    return instances.stream().map(instance -> instance.figures(end)).toList();
  }

  /**
   * The acknowledged writes so far; check them with {@code LedgerVerifier} after {@link #stop}
   * and before {@link #close}, which deletes them.
   */
  public WriteLedger ledger() {
    return ledger;
  }

  /** The run's whole-run histograms and its seconds so far. */
  public LoadTally tally() {
    return tally;
  }

  private void schedule(Timetable timetable, SplittableRandom random) {
    // each instance gets its share of the rate: operations go to them in turn, as a load balancer's
    int turn = 0;
    while (running) {
      long intendedNanos = timetable.next();
      // behind schedule we do not sleep: the timetable, not the database, sets the pace
      Clock.SYSTEM.parkUntil(intendedNanos);
      if (!running) {
        break;
      }
      recorder.schedulerLag(System.nanoTime() - intendedNanos);
      Operation op = weightedChoice[random.nextInt(weightedChoice.length)];
      if (!inFlight.tryAcquire()) {
        recorder.dropped();
        continue;
      }
      Object[] values = op.drawValues(random);
      AppInstance instance = instances.get(turn);
      turn = (turn + 1) % instances.size();
      try {
        workers.execute(() -> {
          try {
            execute(op, values, intendedNanos, instance);
          } finally {
            inFlight.release();
          }
        });
      } catch (RuntimeException rejected) {
        inFlight.release();
        recorder.dropped();
      }
    }
  }

  private void client(long thinkNanos, SplittableRandom random, AppInstance instance) {
    while (running) {
      Operation op = weightedChoice[random.nextInt(weightedChoice.length)];
      execute(op, op.drawValues(random), System.nanoTime(), instance);
      if (thinkNanos > 0) {
        long thinkUntil = System.nanoTime() + thinkNanos;
        long wait;
        while (running && (wait = thinkUntil - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait); // stop() unparks it
        }
      }
    }
  }

  private void execute(Operation op, Object[] values, long intendedNanos, AppInstance instance) {
    Connection connection;
    try {
      connection = instance.poolFor(op).getConnection();
    } catch (SQLException e) {
      ErrorClass failure = ErrorClass.ofBorrow(e);
      if (failure == ErrorClass.POOL_TIMEOUT) {
        instance.poolTimedOut();
      }
      recorder.record(op.name(), intendedNanos, -1, System.nanoTime(), failure);
      return;
    }
    long serviceStartNanos = System.nanoTime();
    ErrorClass error = null;
    try (connection) {
      runner.run(op, connection, values, serviceStartNanos);
    } catch (SQLException e) {
      error = ErrorClass.of(e, op.replica());
    } catch (RuntimeException e) {
      error = ErrorClass.OTHER;
      log.debug("operation {} failed", op.name(), e);
    }
    recorder.record(op.name(), intendedNanos, serviceStartNanos, System.nanoTime(), error);
  }

  /** Each pool's gauges, and all pools' together at the same moment. */
  private void samplePool() {
    int active = 0;
    int waiting = 0;
    for (AppInstance instance : instances) {
      try {
        HikariPoolMXBean gauges = instance.pool.getHikariPoolMXBean();
        instance.telemetry.sample(gauges);
        active += gauges.getActiveConnections();
        waiting += gauges.getThreadsAwaitingConnection();
      } catch (RuntimeException e) {
        log.debug("pool sample failed", e);
      }
    }
    maxActiveThisSecond.accumulateAndGet(active, Math::max);
    maxWaitingThisSecond.accumulateAndGet(waiting, Math::max);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("load recording tick failed", e);
    }
  }

  private void tick() {
    synchronized (recorder) {
      int second = nextSecond.getAndIncrement();
      // the last sample ends where issuing stopped, usually within its second
      double end = stopNanos == 0 ? second + 1 : Math.min(second + 1, (stopNanos - startNanos) / 1e9);
      double covered = Math.max(0, end - second);
      instances.forEach(AppInstance::closeSecond);
      SecondSample sample = recorder.closeSecond(second, covered, targetOperations(second, end),
          maxActiveThisSecond.getAndSet(0), maxWaitingThisSecond.getAndSet(0), System.currentTimeMillis());
      tally.add(sample);
      listener.accept(sample);
    }
  }

  private double targetOperations(int second, double end) {
    if (plan.traffic() instanceof Traffic.OpenLoop open) {
      RateProfile profile = open.profile();
      return Math.max(0, profile.arrivalsBy(end) - profile.arrivalsBy(second));
    }
    return Double.NaN;
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
    stopNanos = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    periodicRunner.cancelAll();
    instances.stream().filter(i -> i.probe != null).forEach(i -> i.probe.stop());
    for (Thread t : drivers) {
      ClientThreads.wake(t); // out of a park; a client in a query finishes it
    }
    if (workers != null) {
      workers.shutdown();
    }
    try {
      for (Thread t : drivers) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      if (workers != null && !workers.awaitTermination(Math.max(0, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS)) {
        log.warn("{} operations still running after {} ms; abandoning them", workers.getActiveCount(), graceMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (workers != null) {
      workers.shutdownNow();
    }
    timers.shutdownNow();
    try {
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    instances.stream().filter(i -> i.probe != null).forEach(i -> i.probe.close());
    if (wasRunning) {
      tick();
    }
    // closing the pools also breaks the connections of operations still stuck past the grace
    instances.forEach(AppInstance::close);
    for (Thread t : drivers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      recorder.close();
    } catch (IOException e) {
      log.warn("could not close the histogram log", e);
    }
  }

  /** Stops the load if it still runs and deletes the write ledger's files: check it before. */
  @Override
  public void close() {
    try {
      stop(5_000);
    } finally {
      ledger.close();
    }
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
