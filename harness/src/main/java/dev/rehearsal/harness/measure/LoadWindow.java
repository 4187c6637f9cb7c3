package dev.rehearsal.harness.measure;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.StopSignal;
import dev.rehearsal.harness.check.IntegrityCheck;
import dev.rehearsal.harness.check.UntouchedDataCheck;
import dev.rehearsal.harness.migrate.MigrationPlan;
import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.harness.observe.LockObserver;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.harness.observe.ServerSampler;
import dev.rehearsal.harness.observe.ServerSamples;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.load.LoadEngine;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.SecondSample;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The load window: the application's traffic through its pool for a while, and, for a rehearsal,
 * the migration under it with the lock observer watching — warm-up, migration (and a rehearsed
 * rollback), cool-down — then the integrity checks. It owns the load engine, the observer and the
 * migration session, starts and stops them, and turns a stop (a signal) or an infrastructure
 * failure into an incomplete {@link Measurement} rather than an exception, so that what was
 * measured until then is reported. Bad input and bugs still throw.
 */
public final class LoadWindow {

  /** What happens while the load runs. */
  public sealed interface Plan {

    /**
     * A rehearsal: warm-up (the baseline), the migration's up steps (then its down steps with
     * {@code rollback}), cool-down.
     */
    record Migration(MigrationPlan migration, boolean rollback, Duration warmup, Duration cooldown)
        implements Plan {}

    /**
     * The load alone for a fixed time ({@code rehearse load}), watched by {@code observers}: what
     * the harness itself costs the server is measured by comparing them.
     */
    record LoadAlone(Duration duration, Observers observers) implements Plan {

      public LoadAlone(Duration duration) {
        this(duration, Observers.SERVER);
      }
    }
  }

  /**
   * Which of the harness's own sessions sample the server while the load runs alone. A rehearsal
   * always runs both.
   */
  public enum Observers {
    /** The server sampler and the lock observer, sampling exactly as during a rehearsal. */
    ALL,
    /** The server sampler only (WAL, connections): {@code rehearse load}'s default. */
    SERVER,
    /** Neither: the load alone on the server. */
    NONE
  }

  /** The baseline skips the first second (pool and JIT warm-up) when the warm-up is this long. */
  private static final long SKIP_FIRST_SECOND_FROM_NANOS = 3_000_000_000L;

  private final Scenario scenario;
  private final LoadPlan loadPlan;
  private final ScratchDatabase database;
  private final Path outDir;
  private final Console console;

  /**
   * @param loadPlan the traffic ({@link WorkloadPlans#plan})
   * @param outDir where the HdrHistogram log goes ({@value #HISTOGRAM_LOG})
   */
  public LoadWindow(Scenario scenario, LoadPlan loadPlan, ScratchDatabase database, Path outDir, Console console) {
    this.scenario = scenario;
    this.loadPlan = loadPlan;
    this.database = database;
    this.outDir = outDir;
    this.console = console;
  }

  /** The HdrHistogram interval log the load writes into the output directory. */
  public static final String HISTOGRAM_LOG = "latency.hlog";

  public Measurement measure(Plan plan) {
    DatabaseTarget target = database.target();
    DatabaseTarget replica = ReplicaTarget.await(loadPlan, scenario, database, console);
    Plan.Migration migration = plan instanceof Plan.Migration m ? m : null;
    Observers observers = plan instanceof Plan.LoadAlone alone ? alone.observers() : Observers.ALL;
    UntouchedDataCheck untouched = migration == null ? null : UntouchedDataCheck.before(target,
        scenario.dataset().tables().stream().map(TableSpec::name).toList(), console);
    int baselineFrom = migration != null && migration.warmup().toNanos() >= SKIP_FIRST_SECOND_FROM_NANOS ? 1 : 0;
    BaselineWindow baseline = new BaselineWindow(baselineFrom);
    // the progress line's pool figures are every instance's together
    int poolSize = scenario.workload().pool().maximumPoolSize() * scenario.workload().instances();
    LoadProgress progress = migration == null ? LoadProgress.standalone(console, poolSize)
        : new LoadProgress(console, poolSize);
    // before the pools: a server they fill still has a slot for the sampler
    try (ServerSampler sampler = observers == Observers.NONE ? null : ServerSampler.open(target);
        MigrationUnderLoad migrating = migration == null ? null : new MigrationUnderLoad(target, console);
        LockWatch watching = migration == null && observers == Observers.ALL ? new LockWatch(target) : null;
        LoadEngine engine = newEngine(target, replica, second -> {
          baseline.onSecond(second);
          progress.onSecond(second);
        })) {
      if (sampler != null) {
        sampler.start();
      }
      long cpuAtStart = ProcessCpu.nanos();
      engine.start();
      Marks marks = new Marks(engine.startNanos());
      if (migrating != null) {
        // outside the catch below: a server that will not give the observer a session fails the run
        // before anything was measured (an incomplete report that says so), not part-way through it
        migrating.startObserving(marks.loadStart);
      }
      if (watching != null) {
        watching.start(marks.loadStart);
      }
      String stopped = null;
      BlockedTime blocked = null;
      try {
        if (migrating != null) {
          drive(migration, migrating, marks, baseline, progress);
        } else {
          sleepUntil(marks.loadStart + ((Plan.LoadAlone) plan).duration().toNanos());
        }
      } catch (RuntimeException e) {
        stopped = whyStopped(e, "during the load");
        marks.stoppedAt(System.nanoTime());
      } finally {
        engine.stop(scenario.workload().pool().connectionTimeout().toMillis() + 10_000);
        blocked = migrating == null ? null : migrating.stopObserving();
        if (watching != null) {
          BlockedTime seen = watching.observer.stop();
          // no migration: every wait it saw is the application's own (row locks between requests, ...)
          console.say("Lock observer: %,d samples, one every %.1f ms (as in a rehearsal); %,d lock waits seen, "
              + "%.2f session-seconds", seen.samples(), seen.meanSampleIntervalMs(), seen.otherCauses().waits(),
              seen.otherCauses().blockedSessionSeconds());
        }
      }
      marks.end = System.nanoTime();
      long cpuAtEnd = ProcessCpu.nanos();
      ServerSamples server = sampler == null ? null : sampler.stop(marks.loadStart);
      if (stopped == null && StopSignal.requested()) {
        stopped = StopSignal.reason() + " during the load";
      }
      List<StatementOutcome> outcomes = migrating == null ? List.of() : migrating.outcomes();
      Checked checked = stopped != null ? Checked.NOT_RUN : check(engine, target, untouched, outcomes);
      if (checked.failure() != null) {
        stopped = checked.failure();
      }
      if (stopped != null) {
        console.say("Incomplete: %s; writing what was measured as an incomplete report", stopped);
      }
      Phases phases = migration == null ? null : marks.phases(baselineFrom);
      Histogram baselineLatency = phases == null ? new Histogram(3) : baseline.baseline(phases);
      return new Measurement(engine.tally(), baselineLatency, phases, blocked, outcomes, marks.loadStart,
          engine.runSeconds(), checked.integrity(), checked.lostWrites(), stopped, engine.instances(), server,
          cpuAtStart < 0 || cpuAtEnd < 0 ? Double.NaN : (cpuAtEnd - cpuAtStart) / 1e9,
          (marks.end - marks.loadStart) / 1e9);
    }
  }

  /** Warm-up, the migration (and its rollback), cool-down: the marks record when each began. */
  private void drive(Plan.Migration plan, MigrationUnderLoad migrating, Marks marks, BaselineWindow baseline,
      LoadProgress progress) {
    sleepUntil(marks.loadStart + plan.warmup().toNanos());
    progress.migrationStarted(migrating.cursor());
    marks.migrationStart = System.nanoTime();
    baseline.migrationStartsAt((marks.migrationStart - marks.loadStart) / 1e9);
    migrating.run(plan.migration(), plan.rollback());
    marks.migrationEnd = System.nanoTime();
    progress.migrationEnded();
    sleepUntil(System.nanoTime() + plan.cooldown().toNanos());
  }

  /**
   * A stop or a failing server, in words; anything else (bad input, a bug) is rethrown: no
   * incomplete report stands for it.
   */
  private String whyStopped(RuntimeException e, String when) {
    if (!StopSignal.requested() && !(e instanceof InfrastructureException)) {
      throw e;
    }
    return StopSignal.requested() ? StopSignal.reason() + " " + when
        : database.explain("the rehearsal failed " + when + " (" + JdbcUrls.redact(e.getMessage()) + ")");
  }

  /** The checks after the load, or why they could not run. */
  private record Checked(RehearsalReport.Integrity integrity, Long lostWrites, String failure) {
    static final Checked NOT_RUN = new Checked(null, null, null);
  }

  /** Every acknowledged write read back; around a migration, untouched data compared too. */
  private Checked check(LoadEngine engine, DatabaseTarget target, UntouchedDataCheck untouched,
      List<StatementOutcome> outcomes) {
    try {
      RehearsalReport.Integrity ledger = IntegrityCheck.run(engine.ledger(), target, console);
      Long lost = ledger == null ? null : ledger.lostWrites();
      if (untouched == null) {
        return new Checked(ledger, lost, null);
      }
      return new Checked(IntegrityCheck.withUntouched(ledger, untouched.after(sqlTexts(outcomes), console)), lost,
          null);
    } catch (InfrastructureException e) {
      return new Checked(null, null,
          "the integrity check failed after the load (" + JdbcUrls.redact(e.getMessage()) + ")");
    }
  }

  /** What the workload and the migration may have written: every statement either ran. */
  private List<String> sqlTexts(List<StatementOutcome> outcomes) {
    List<String> texts = new ArrayList<>();
    scenario.workload().operations().forEach(op -> op.statements().forEach(st -> texts.add(st.sql())));
    outcomes.forEach(o -> texts.add(o.sql()));
    return texts;
  }

  /** @param replica where operations marked replica run, or null when none does */
  private LoadEngine newEngine(DatabaseTarget target, DatabaseTarget replica, Consumer<SecondSample> onSecond) {
    try {
      Files.createDirectories(outDir);
      return new LoadEngine(loadPlan, target, replica, WorkloadPlans.pool(scenario.workload()),
          outDir.resolve(HISTOGRAM_LOG), onSecond);
    } catch (IOException e) {
      throw new InfrastructureException("could not open the latency log in " + outDir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new InfrastructureException("could not start the application pool: " + e.getMessage(), e);
    }
  }

  /** {@code System.nanoTime()} of each phase boundary, filled in as the window goes. */
  private static final class Marks {
    final long loadStart;
    long migrationStart;
    long migrationEnd;
    long end;

    Marks(long loadStart) {
      this.loadStart = loadStart;
      this.migrationStart = loadStart;
      this.migrationEnd = loadStart;
    }

    /** The window stopped early: a migration not yet started starts (and ends) now. */
    void stoppedAt(long now) {
      if (migrationStart == loadStart) {
        migrationStart = now;
      }
      if (migrationEnd <= migrationStart) {
        migrationEnd = now;
      }
    }

    Phases phases(int baselineFromSecond) {
      return new Phases(baselineFromSecond, (migrationStart - loadStart) / 1e9, (migrationEnd - loadStart) / 1e9,
          (end - loadStart) / 1e9);
    }
  }

  /**
   * The lock observer over the load alone ({@link Observers#ALL}), sampling as during a rehearsal's
   * warm-up: its session opened before the pools, as a rehearsal opens it.
   */
  private static final class LockWatch implements AutoCloseable {
    private final Connection session;
    private LockObserver observer;

    LockWatch(DatabaseTarget target) {
      this.session = LockObserver.session(target);
    }

    void start(long loadStartNanos) {
      observer = new LockObserver(session, loadStartNanos, new MigrationProgress());
    }

    @Override
    public void close() {
      if (observer != null) {
        observer.close();
        return;
      }
      try {
        session.close();
      } catch (SQLException e) {
        // closing a session never used: nothing to add
      }
    }
  }

  static void sleepUntil(long deadlineNanos) {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("rehearsal interrupted", e);
      }
    }
  }
}
