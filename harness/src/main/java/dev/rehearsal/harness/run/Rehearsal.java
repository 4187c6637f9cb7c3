package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.StopSignal;
import dev.rehearsal.harness.figures.RunFigures;
import dev.rehearsal.harness.figures.StaleReplicaReads;
import dev.rehearsal.harness.judge.BudgetJudge;
import dev.rehearsal.harness.judge.Findings;
import dev.rehearsal.harness.judge.Judge;
import dev.rehearsal.harness.judge.Judgement;
import dev.rehearsal.harness.measure.LoadWindow;
import dev.rehearsal.harness.measure.Measurement;
import dev.rehearsal.harness.measure.WorkloadPlans;
import dev.rehearsal.harness.migrate.MigrationPlanner;
import dev.rehearsal.harness.migrate.MigrationPlanner.PlannedStrategy;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.ReportFiles;
import dev.rehearsal.report.StatementFacts;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One rehearsal of one strategy, start to finish: plan, set up (server, seeded data), measure (the
 * load window: warm-up, migration under load, cool-down, checks), judge, write the reports. This
 * is the command line's {@code run}; the supported Java surface is the package {@code dev.rehearsal.api}
 * ({@code docs/build-integration.md}): one rehearsal through this class, a session of several through
 * {@link SharedWorkbench}.
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

    /** 0 pass or warn, 1 a critical budget breached, 3 stopped before the end (README, exit codes). */
    public int exitCode() {
      if (!report.complete()) {
        return 3;
      }
      return report.verdict().status().equals(BudgetJudge.FAIL) ? 1 : 0;
    }
  }

  public Result run() {
    PlannedStrategy strategy = plan();
    Instant startedAt = begin(strategy);
    try (Workbench bench = Workbench.open(scenario, options, console)) {
      return rehearse(strategy, bench.seeded(), bench.serverInfo(), options.outDir(), startedAt);
    } catch (RuntimeException e) {
      return failedBeforeTheLoad(strategy, startedAt, e);
    }
  }

  /** The strategy asked for, planned before anything starts: a bad one is bad input. */
  PlannedStrategy plan() {
    return MigrationPlanner.choose(scenario, options.strategy(), options.rollback());
  }

  /** Readies the reports' directory and says what is rehearsed; returns when it started. */
  Instant begin(PlannedStrategy strategy) {
    String movedAside = OutputDirectory.prepare(options.outDir());
    if (movedAside != null) {
      console.say("%s", movedAside);
    }
    console.say("Rehearsing %s, strategy %s", scenario.name(), strategy.name());
    return Instant.now();
  }

  /**
   * A failure while the server started or the data was seeded: an incomplete report for a stop or
   * an infrastructure failure; bad input (exit 2) or a bug is thrown on, since no report stands for it.
   */
  Result failedBeforeTheLoad(PlannedStrategy strategy, Instant startedAt, RuntimeException e) {
    if (!StopSignal.requested() && !(e instanceof InfrastructureException)) {
      throw e;
    }
    return stoppedBeforeTheLoad(strategy.name(), startedAt, e, options.outDir());
  }

  /** The scenario as rehearsed: scaled by --rows or --scale. */
  Scenario scenario() {
    return scenario;
  }

  /** One planned strategy on seeded data: measure, judge, write the reports into {@code outDir}. */
  Result rehearse(PlannedStrategy strategy, SeededDatabase seeded, RehearsalReport.ServerInfo serverInfo,
      Path outDir, Instant startedAt) {
    LoadPlan load = WorkloadPlans.plan(scenario.workload(), WorkloadKeys.read(scenario, seeded, options.seed(), console),
        new WorkloadPlans.Pacing(options.rate(), false), options.seed());
    console.say("Load: %s through %s; warm-up %d s, then the migration (%d steps%s), then cool-down %d s",
        WorkloadPlans.describe(load.traffic()), WorkloadPlans.pools(scenario.workload()),
        scenario.phases().warmup().toSeconds(), strategy.migration().up().size(),
        options.rollback() ? ", then " + strategy.migration().down().size() + " down steps" : "",
        scenario.phases().cooldown().toSeconds());
    Measurement measured = new LoadWindow(scenario, load, seeded.database(), outDir, console).measure(
        new LoadWindow.Plan.Migration(strategy.migration(), options.rollback(), scenario.phases().warmup(),
            scenario.phases().cooldown()));
    Integer maxConnections = Findings.maxConnections(serverInfo == null ? null : serverInfo.settings());
    RunFigures figures = RunFigures.of(measured, scenario.phases().warmup().toMillis() / 1000.0,
        scenario.workload().pool().maximumPoolSize(), load.healthCheck() != null, maxConnections,
        StaleReplicaReads.Rule.of(scenario));
    sayLockFindings(figures);
    Judgement judgement = Judge.judge(new Findings(figures.summary(), figures.statements(), figures.timeline(),
        figures.phases().migrationEndSecond(), figures.migrationLockWaitMs(), measured.complete(),
        maxConnections, figures.platform(), figures.wal()), scenario);
    RehearsalReport report = new RehearsalReport(RehearsalReport.SCHEMA_VERSION, scenario.name(), strategy.name(),
        startedAt, Instant.now(), measured.complete(), serverInfo, seeded.tables(), seeded.info(options.seed()),
        figures.phases(), figures.timeline(), figures.statements(), figures.summary(), measured.integrity(),
        judgement.budgets(), judgement.verdict(), judgement.nextSteps(),
        measured.complete() ? null : measured.stopped() + "; figures cover what was observed until then",
        figures.lockObservation(), figures.platform(), figures.wal(),
        harnessCost(measured));
    return new Result(report, write(report, outDir, outDir.resolve(LoadWindow.HISTOGRAM_LOG)));
  }

  /** What the harness took of the host while it measured, said on the console too. */
  private dev.rehearsal.report.HarnessCost harnessCost(Measurement measured) {
    dev.rehearsal.report.HarnessCost cost = dev.rehearsal.report.HarnessCost.of(measured.harnessCpuSeconds(),
        measured.windowSeconds());
    if (cost != null) {
      console.say("The harness itself (load, observers, migration session) used %.2f of the host's %d cores (%.0f%%) "
          + "while it measured", cost.coresUsed(), cost.hostCores(), 100 * cost.shareOfHost());
    }
    return cost;
  }

  /**
   * A stop, or a failing server, while the server started or the data was seeded: an incomplete
   * report that says so, so that a nightly job finds a report.json that explains the night.
   */
  Result stoppedBeforeTheLoad(String strategy, Instant startedAt, RuntimeException cause, Path outDir) {
    String failure = (StopSignal.requested() ? StopSignal.reason() + " before the load started ("
        : "the rehearsal failed before the load started (") + JdbcUrls.redact(cause.getMessage()) + "); nothing measured";
    console.say("Stopped: %s", failure);
    RehearsalReport report = new RehearsalReport(RehearsalReport.SCHEMA_VERSION, scenario.name(), strategy,
        startedAt, Instant.now(), false, null, List.of(), null, null, List.of(), List.of(), null, null, List.of(),
        null, List.of(RehearsalReport.NextStep.ofText(StopSignal.requested()
            ? "Rehearse again: the run was stopped before anything was measured."
            : "Fix what failed (above), then rehearse again: nothing was measured.")), failure, null);
    return new Result(report, write(report, outDir));
  }

  /** Says what each statement did to the application, and the waits the migration did not cause. */
  private void sayLockFindings(RunFigures figures) {
    for (StatementResult s : figures.statements()) {
      String story = StatementFacts.lockStory(s);
      if (story != null) {
        console.say("Statement %d: %s", s.index(), story);
      }
    }
    RehearsalReport.LockWaits other = figures.lockObservation().otherCauses();
    if (other.waits() > 0) {
      console.say("Lock waits not caused by the migration: %d (%.1f blocked session-seconds, longest %.2f s)",
          other.waits(), other.blockedSessionSeconds(), other.longestWaitMs() / 1000);
    }
  }

  /** Every report format into {@code outDir}; {@code alsoWritten} are files the run wrote there itself. */
  private List<Path> write(RehearsalReport report, Path outDir, Path... alsoWritten) {
    try {
      List<Path> files = new ArrayList<>(ReportFiles.writeAll(report, outDir));
      files.addAll(List.of(alsoWritten));
      OutputDirectory.record(options.outDir(), files);
      return files;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InfrastructureException("could not write reports to " + outDir + ": " + e.getMessage(), e);
    }
  }

}
