package dev.rehearsal.harness.run;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.migrate.MigrationRunner;
import dev.rehearsal.harness.migrate.MigrationRunner.PlannedStatement;
import dev.rehearsal.harness.migrate.SqlSplitter;
import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.harness.observe.LockObserver;
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
import dev.rehearsal.load.SecondSample;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TableInfo;
import dev.rehearsal.report.ReportFiles;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import dev.rehearsal.scenario.StepSpec;
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

    /** 0 pass or warn, 1 a critical budget breached (DESIGN.md). */
    public int exitCode() {
      return report.verdict().status().equals(BudgetJudge.FAIL) ? 1 : 0;
    }
  }

  public Result run() {
    StrategySpec strategy = chooseStrategy();
    List<PlannedStatement> statements = plannedStatements(strategy);
    prepareOutDir(options.outDir());
    Instant startedAt = Instant.now();
    console.say("Rehearsing %s, strategy %s", scenario.name(), strategy.name());
    try (Workbench bench = Workbench.open(scenario, options, console)) {
      DatabaseTarget target = bench.target();
      RehearsalReport.ServerInfo serverInfo = bench.serverInfo();
      SeededDatabase seeded = bench.seeded();
      return underLoad(strategy, statements, target, serverInfo, seeded, startedAt);
    }
  }

  private StrategySpec chooseStrategy() {
    if (options.strategy() == null) {
      return scenario.strategies().get(0);
    }
    return scenario.strategy(options.strategy()).orElseThrow(() -> new BadInputException(
        "--strategy " + options.strategy() + ": scenario " + scenario.name() + " has no such strategy\n"
            + "  fix: choose one of " + scenario.strategies().stream().map(StrategySpec::name).toList()));
  }

  private List<PlannedStatement> plannedStatements(StrategySpec strategy) {
    List<PlannedStatement> planned = new ArrayList<>();
    int stepNumber = 0;
    for (StepSpec step : strategy.steps()) {
      stepNumber++;
      String sql = step.sql() != null ? step.sql() : ScenarioFiles.read(scenario, step.file());
      String origin = step.file() != null ? step.file() : "step " + stepNumber;
      for (SqlSplitter.SqlStatement s : SqlSplitter.split(sql)) {
        planned.add(new PlannedStatement(s.sql(), origin, s.line()));
      }
    }
    if (planned.isEmpty()) {
      throw new BadInputException(scenario.source() + ": strategy " + strategy.name()
          + " has no SQL statements\n  fix: give its steps at least one statement");
    }
    return planned;
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

  private Result underLoad(StrategySpec strategy, List<PlannedStatement> statements, DatabaseTarget target,
      RehearsalReport.ServerInfo serverInfo, SeededDatabase seeded, Instant startedAt) {
    Map<String, Long> rows = WorkloadPlans.rowsByTable(scenario.dataset().tables());
    LoadPlan plan = WorkloadPlans.plan(scenario.workload(), rows, new WorkloadPlans.Pacing(options.rate(), false),
        options.seed());
    int poolSize = scenario.workload().pool().maximumPoolSize();
    long warmupNanos = scenario.phases().warmup().toNanos();
    long cooldownNanos = scenario.phases().cooldown().toNanos();
    console.say("Load: %s through a pool of %d; warm-up %d s, then the migration (%d statements), then cool-down %d s",
        WorkloadPlans.describe(plan.traffic()), poolSize, TimeUnit.NANOSECONDS.toSeconds(warmupNanos),
        statements.size(), TimeUnit.NANOSECONDS.toSeconds(cooldownNanos));

    List<StatementOutcome> outcomes;
    BlockedTime blocked;
    List<SecondSample> samples;
    RehearsalReport.Integrity integrity;
    long loadStartNanos;
    long endNanos;
    LoadProgress progress = new LoadProgress(console, poolSize);
    try (MigrationRunner runner = new MigrationRunner(target);
        LoadEngine engine = newEngine(plan, target, progress)) {
      engine.start();
      loadStartNanos = engine.startNanos();
      LockObserver observer = new LockObserver(target, loadStartNanos);
      try {
        sleepUntil(loadStartNanos + warmupNanos);
        progress.migrationStarted();
        outcomes = runner.run(statements, o -> console.say("  migration statement %d %s in %.0f ms%s", o.index(),
            o.failed() ? "FAILED" : "done", o.durationNanos() / 1e6, o.failed() ? ": " + o.error() : ""));
        progress.migrationEnded();
        sleepUntil(System.nanoTime() + cooldownNanos);
      } finally {
        engine.stop(scenario.workload().pool().connectionTimeout().toMillis() + 10_000);
        blocked = observer.stop();
      }
      endNanos = System.nanoTime();
      samples = engine.samples();
      integrity = IntegrityCheck.run(engine.ledger(), target, console);
    }

    StatementOutcome first = outcomes.get(0);
    StatementOutcome last = outcomes.get(outcomes.size() - 1);
    Phases phases = new Phases(warmupNanos >= 3_000_000_000L ? 1 : 0,
        (first.startNanos() - loadStartNanos) / 1e9,
        (last.startNanos() + last.durationNanos() - loadStartNanos) / 1e9,
        (endNanos - loadStartNanos) / 1e9);
    Summary summary = SummaryBuilder.build(samples, blocked, phases, outcomes, poolSize,
        integrity == null ? null : integrity.lostWrites(), plan.healthCheck() != null);
    List<StatementResult> statementResults = outcomes.stream().map(o -> new StatementResult(o.index(), o.sql(),
        (o.startNanos() - loadStartNanos) / 1e9, o.durationNanos() / 1e6, o.sqlState(), o.error())).toList();
    List<BudgetResult> budgets = BudgetJudge.judge(scenario.budgets(), summary);
    RehearsalReport report = new RehearsalReport(
        RehearsalReport.SCHEMA_VERSION, scenario.name(), strategy.name(), startedAt, Instant.now(), true,
        serverInfo, seeded.tables(), seeded.info(options.seed()),
        new RehearsalReport.Phases(scenario.phases().warmup().toMillis() / 1000.0, phases.migrationStartSecond(),
            phases.migrationEndSecond(), phases.endSecond()),
        TimelineBuilder.build(samples, blocked, phases), statementResults, summary, integrity, budgets,
        BudgetJudge.verdict(budgets),
        NextSteps.suggest(summary, statementResults, budgets, blocked.longestMigrationWaitMs(), poolSize),
        null);
    List<Path> files = writeReports(report);
    return new Result(report, files);
  }

  private LoadEngine newEngine(LoadPlan plan, DatabaseTarget target, LoadProgress progress) {
    try {
      return new LoadEngine(plan, target, WorkloadPlans.pool(scenario.workload()),
          options.outDir().resolve("latency.hlog"), progress::onSecond);
    } catch (IOException e) {
      throw new InfrastructureException("could not open the latency log in " + options.outDir() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new InfrastructureException("could not start the application pool: " + e.getMessage(), e);
    }
  }

  private List<Path> writeReports(RehearsalReport report) {
    try {
      List<Path> files = new ArrayList<>(ReportFiles.writeAll(report, options.outDir()));
      files.add(options.outDir().resolve("latency.hlog"));
      return files;
    } catch (IOException e) {
      throw new InfrastructureException("could not write reports to " + options.outDir() + ": " + e.getMessage(), e);
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
