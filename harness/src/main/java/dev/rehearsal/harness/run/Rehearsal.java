package dev.rehearsal.harness.run;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.StopSignal;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.migrate.MigrationPlan;
import dev.rehearsal.harness.migrate.MigrationPlanner;
import dev.rehearsal.harness.migrate.MigrationRunner;
import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.harness.observe.LockObserver;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.Providers;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.provision.ServerInspector;
import dev.rehearsal.harness.seed.SeedCache;
import dev.rehearsal.harness.verdict.BudgetJudge;
import dev.rehearsal.harness.verdict.NextSteps;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.LoadEngine;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.load.SecondSample;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TableInfo;
import dev.rehearsal.report.ReportFiles;
import dev.rehearsal.report.StatementFacts;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.StrategySpec;
import dev.rehearsal.scenario.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One rehearsal of one strategy, start to finish — the pipeline of DESIGN.md in order:
 * provision, schema, seed, load with a warm-up, migration under load, cool-down, verdict,
 * reports. This is also the Java API: {@code new Rehearsal(scenario, options, console).run()}.
 */
public final class Rehearsal {

  private final Scenario scenario;
  private final RunOptions options;
  private final Console console;

  public Rehearsal(Scenario scenario, RunOptions options, Console console) {
    this.scenario = DatasetScaling.apply(scenario, options.rows(), options.scale());
    this.options = options;
    this.console = console;
  }

  /** What a rehearsal produced: the report and the files written. */
  public record Result(RehearsalReport report, List<Path> files) {

    /** 0 pass or warn, 1 a critical budget breached, 3 stopped before the end (DESIGN.md). */
    public int exitCode() {
      if (!report.complete()) {
        return 3;
      }
      return report.verdict().status().equals(BudgetJudge.FAIL) ? 1 : 0;
    }
  }

  public Result run() {
    StrategySpec strategy = chooseStrategy();
    MigrationPlan migration = plan(strategy);
    prepareOutDir(options.outDir());
    Instant startedAt = Instant.now();
    console.say("Rehearsing %s, strategy %s", scenario.name(), strategy.name());
    try (Workbench bench = Workbench.open(scenario, options, console)) {
      return rehearse(strategy, migration, bench.seeded(), bench.serverInfo(), options.outDir(), startedAt);
    } catch (RuntimeException e) {
      if (!StopSignal.requested() && !(e instanceof InfrastructureException)) {
        throw e; // bad input (exit 2) or a bug: no report stands for it
      }
      return stoppedBeforeTheLoad(strategy, startedAt, e, options.outDir());
    }
  }

  /**
   * A stop, or a failing server, while the server started or the data was seeded: an incomplete
   * report that says so, so that a nightly job finds a report.json that explains the night.
   */
  Result stoppedBeforeTheLoad(StrategySpec strategy, Instant startedAt, RuntimeException cause, Path outDir) {
    String failure = StopSignal.requested()
        ? StopSignal.reason() + " before the load started (" + JdbcUrls.redact(cause.getMessage()) + "); nothing measured"
        : "the rehearsal failed before the load started (" + JdbcUrls.redact(cause.getMessage()) + "); nothing measured";
    console.say("Stopped: %s", failure);
    RehearsalReport report = new RehearsalReport(RehearsalReport.SCHEMA_VERSION, scenario.name(), strategy.name(),
        startedAt, Instant.now(), false, null, List.of(), null, null, List.of(), List.of(), null, null, List.of(),
        null, List.of(RehearsalReport.NextStep.ofText(StopSignal.requested()
            ? "Rehearse again: the run was stopped before anything was measured."
            : "Fix what failed (above), then rehearse again: nothing was measured.")), failure, null);
    try {
      return new Result(report, new ArrayList<>(ReportFiles.writeAll(report, outDir)));
    } catch (IOException e) {
      throw new InfrastructureException("could not write the incomplete report to " + outDir + ": " + e.getMessage(),
          e);
    }
  }

  /** The scenario as rehearsed: scaled by --rows or --scale. */
  Scenario scenario() {
    return scenario;
  }

  RunOptions options() {
    return options;
  }

  /** The strategy's statements, checked before any server starts (bad input is exit 2, not a finding). */
  MigrationPlan plan(StrategySpec strategy) {
    MigrationPlan migration = MigrationPlanner.plan(scenario, strategy);
    if (options.rollback() && migration.down().isEmpty()) {
      throw new BadInputException("--rollback: strategy " + strategy.name() + " of " + scenario.name()
          + " declares no down steps\n  fix: add down: steps to the strategy, or drop --rollback");
    }
    return migration;
  }

  /** One strategy on seeded data, reports into {@code outDir}. */
  Result rehearse(StrategySpec strategy, MigrationPlan migration, SeededDatabase seeded,
      RehearsalReport.ServerInfo serverInfo, Path outDir, Instant startedAt) {
    return underLoad(strategy, migration, seeded.database().target(), serverInfo, seeded, startedAt, outDir);
  }

  private StrategySpec chooseStrategy() {
    if (options.strategy() == null) {
      return scenario.strategies().get(0);
    }
    return scenario.strategy(options.strategy()).orElseThrow(() -> new BadInputException(
        "--strategy " + options.strategy() + ": scenario " + scenario.name() + " has no such strategy\n"
            + "  fix: choose one of " + scenario.strategies().stream().map(StrategySpec::name).toList()));
  }

  static void prepareOutDir(Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path probe = Files.createTempFile(outDir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | UnsupportedOperationException e) {
      throw new BadInputException("--out " + outDir + ": cannot write reports there (" + e.getMessage()
          + ")\n  fix: choose a writable directory");
    }
  }

  private Result underLoad(StrategySpec strategy, MigrationPlan migration, DatabaseTarget target,
      RehearsalReport.ServerInfo serverInfo, SeededDatabase seeded, Instant startedAt, Path outDir) {
    Map<String, Long> rows = WorkloadPlans.rowsByTable(scenario.dataset().tables());
    LoadPlan plan = WorkloadPlans.plan(scenario.workload(), rows, new WorkloadPlans.Pacing(options.rate(), false),
        options.seed());
    int poolSize = scenario.workload().pool().maximumPoolSize();
    long warmupNanos = scenario.phases().warmup().toNanos();
    long cooldownNanos = scenario.phases().cooldown().toNanos();
    console.say("Load: %s through a pool of %d; warm-up %d s, then the migration (%d steps%s), then cool-down %d s",
        WorkloadPlans.describe(plan.traffic()), poolSize, TimeUnit.NANOSECONDS.toSeconds(warmupNanos),
        migration.up().size(), options.rollback() ? ", then " + migration.down().size() + " down steps" : "",
        TimeUnit.NANOSECONDS.toSeconds(cooldownNanos));

    List<StatementOutcome> outcomes;
    BlockedTime blocked;
    List<SecondFigures> seconds;
    RehearsalReport.Integrity integrity;
    Long lostWrites;
    long loadStartNanos;
    long migrationStartNanos;
    long migrationEndNanos;
    long endNanos;
    UntouchedDataCheck untouched = UntouchedDataCheck.before(target,
        scenario.dataset().tables().stream().map(TableSpec::name).toList(), console);
    LoadProgress progress = new LoadProgress(console, poolSize);
    int baselineFromSecond = warmupNanos >= 3_000_000_000L ? 1 : 0;
    BaselineWindow baselineWindow = new BaselineWindow(baselineFromSecond);
    MigrationProgress cursor = new MigrationProgress();
    String stopped = null;
    try (MigrationRunner runner = new MigrationRunner(target, cursor, migrationListener());
        LoadEngine engine = newEngine(plan, target, second -> {
          baselineWindow.onSecond(second);
          progress.onSecond(second);
        }, outDir)) {
      engine.start();
      loadStartNanos = engine.startNanos();
      migrationStartNanos = loadStartNanos + warmupNanos;
      migrationEndNanos = migrationStartNanos;
      LockObserver observer = new LockObserver(target, loadStartNanos, cursor);
      try {
        sleepUntil(loadStartNanos + warmupNanos);
        progress.migrationStarted();
        migrationStartNanos = System.nanoTime();
        baselineWindow.migrationStartsAt((migrationStartNanos - loadStartNanos) / 1e9);
        boolean upSucceeded = runner.run(migration.up(), "up");
        if (upSucceeded && options.rollback()) {
          console.say("Rolling back under the same load: %d down steps", migration.down().size());
          runner.run(migration.down(), "down");
        } else if (options.rollback()) {
          console.say("Not rolling back: the up steps failed");
        }
        migrationEndNanos = System.nanoTime();
        progress.migrationEnded();
        sleepUntil(System.nanoTime() + cooldownNanos);
      } catch (RuntimeException e) {
        if (!StopSignal.requested() && !(e instanceof InfrastructureException)) {
          throw e;
        }
        // stopped by a signal, or the server or a connection failed: keep what was measured,
        // report it as incomplete, skip the rest
        long now = System.nanoTime();
        migrationStartNanos = Math.min(migrationStartNanos, now);
        if (migrationEndNanos <= migrationStartNanos) {
          migrationEndNanos = now;
        }
        stopped = StopSignal.requested() ? StopSignal.reason() + " during the load"
            : seeded.database().explain("the rehearsal failed during the load (" + JdbcUrls.redact(e.getMessage()) + ")");
      } finally {
        engine.stop(scenario.workload().pool().connectionTimeout().toMillis() + 10_000);
        blocked = observer.stop();
      }
      endNanos = System.nanoTime();
      if (stopped == null && StopSignal.requested()) {
        stopped = StopSignal.reason() + " during the load";
      }
      outcomes = runner.outcomes();
      seconds = engine.tally().seconds();
      lostWrites = null;
      integrity = null;
      if (stopped == null) {
        try {
          RehearsalReport.Integrity ledgerCheck = IntegrityCheck.run(engine.ledger(), target, console);
          lostWrites = ledgerCheck == null ? null : ledgerCheck.lostWrites();
          integrity = withUntouched(ledgerCheck, untouched.after(sqlTexts(outcomes), console));
        } catch (InfrastructureException e) {
          stopped = "the integrity check failed after the load (" + JdbcUrls.redact(e.getMessage()) + ")";
          lostWrites = null;
          integrity = null;
        }
      }
      if (stopped != null) {
        console.say("Incomplete: %s; writing what was measured as an incomplete report", stopped);
      }
    }

    Phases phases = new Phases(baselineFromSecond,
        (migrationStartNanos - loadStartNanos) / 1e9, (migrationEndNanos - loadStartNanos) / 1e9,
        (endNanos - loadStartNanos) / 1e9);
    Summary summary = SummaryBuilder.build(seconds, baselineWindow.baseline(phases), phases, blocked, outcomes,
        poolSize, lostWrites, plan.healthCheck() != null);
    List<StatementResult> statementResults = StatementResults.build(outcomes, blocked, loadStartNanos);
    reportLockFindings(statementResults, blocked);
    List<BudgetResult> budgets = BudgetJudge.judge(scenario.budgets(), summary);
    List<RehearsalReport.TimelineSecond> timeline = TimelineBuilder.build(seconds, blocked, phases);
    NextSteps.Evidence evidence = new NextSteps.Evidence(summary, statementResults, budgets, timeline,
        blocked.longestMigrationWaitMs(), poolSize, scenario.workload().pool().connectionTimeout().toMillis(),
        phases.migrationEndSecond());
    RehearsalReport.Verdict verdict = BudgetJudge.verdict(budgets, NextSteps.mainCause(evidence));
    RehearsalReport report = new RehearsalReport(
        RehearsalReport.SCHEMA_VERSION, scenario.name(), strategy.name(), startedAt, Instant.now(), stopped == null,
        serverInfo, seeded.tables(), seeded.info(options.seed()),
        new RehearsalReport.Phases(scenario.phases().warmup().toMillis() / 1000.0, phases.migrationStartSecond(),
            phases.migrationEndSecond(), phases.endSecond()),
        timeline, statementResults, summary, integrity, budgets,
        stopped == null ? verdict : BudgetJudge.incomplete(verdict), NextSteps.suggest(evidence),
        stopped == null ? null : stopped + "; figures cover what was observed until then",
        StatementResults.observation(blocked));
    List<Path> files = writeReports(report, outDir);
    return new Result(report, files);
  }

  /** What the workload and the migration may have written: every statement either ran. */
  private List<String> sqlTexts(List<StatementOutcome> outcomes) {
    List<String> texts = new ArrayList<>();
    scenario.workload().operations().forEach(op -> op.statements().forEach(st -> texts.add(st.sql())));
    outcomes.forEach(o -> texts.add(o.sql()));
    return texts;
  }

  private static RehearsalReport.Integrity withUntouched(RehearsalReport.Integrity ledger,
      RehearsalReport.UntouchedData untouched) {
    if (ledger == null) {
      return new RehearsalReport.Integrity(0, 0, 0, 0, List.of(), untouched);
    }
    return new RehearsalReport.Integrity(ledger.acknowledgedWrites(), ledger.rowsChecked(), ledger.rowsInDoubt(),
        ledger.lostWrites(), ledger.examples(), untouched);
  }

  private MigrationRunner.Listener migrationListener() {
    return new MigrationRunner.Listener() {
      @Override
      public void statementDone(StatementOutcome o) {
        console.say("  %s statement %d (%s) %s in %.0f ms%s%s%s", o.direction(), o.index(), o.step(),
            o.failed() ? "FAILED" : "done", o.durationNanos() / 1e6,
            o.attempts() > 1 ? " after " + o.attempts() + " attempts" : "",
            o.rewrote().isEmpty() ? "" : ", rewrote " + String.join(", ", o.rewrote()),
            o.failed() ? ": SQLSTATE " + o.sqlState() + " " + o.error()
                + (o.errorLine() != null ? " (" + o.origin() + " line " + o.errorLine() + ")" : "") : "");
      }

      @Override
      public void note(String message) {
        console.say("%s", message);
      }
    };
  }

  private void reportLockFindings(List<StatementResult> statements, BlockedTime blocked) {
    for (StatementResult s : statements) {
      String story = StatementFacts.lockStory(s);
      if (story != null) {
        console.say("Statement %d: %s", s.index(), story);
      }
    }
    BlockedTime.Figures other = blocked.otherCauses();
    if (other.waits() > 0) {
      console.say("Lock waits not caused by the migration: %d (%.1f blocked session-seconds, longest %.2f s)",
          other.waits(), other.blockedSessionSeconds(), other.longestWaitMs() / 1000);
    }
  }

  private LoadEngine newEngine(LoadPlan plan, DatabaseTarget target, Consumer<SecondSample> onSecond,
      Path outDir) {
    try {
      Files.createDirectories(outDir);
      return new LoadEngine(plan, target, WorkloadPlans.pool(scenario.workload()),
          outDir.resolve("latency.hlog"), onSecond);
    } catch (IOException e) {
      throw new InfrastructureException("could not open the latency log in " + outDir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new InfrastructureException("could not start the application pool: " + e.getMessage(), e);
    }
  }

  private List<Path> writeReports(RehearsalReport report, Path outDir) {
    try {
      List<Path> files = new ArrayList<>(ReportFiles.writeAll(report, outDir));
      files.add(outDir.resolve("latency.hlog"));
      return files;
    } catch (IOException e) {
      throw new InfrastructureException("could not write reports to " + outDir + ": " + e.getMessage(), e);
    }
  }

  private static void sleepUntil(long deadlineNanos) {
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
