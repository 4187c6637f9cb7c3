package dev.rehearsal.harness.run;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.load.LoadEngine;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.LoadTally;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.load.Traffic;
import dev.rehearsal.report.LoadReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.ReportJson;
import dev.rehearsal.scenario.Durations;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Load without a migration ({@code rehearse load}): the first half of the pipeline, then the
 * workload for a fixed time, with a line per second, the integrity check and {@code load.json}.
 * Also how the harness is compared with pgbench (benchmarks/scripts).
 */
public final class LoadOnly {

  public static final String JSON = "load.json";
  public static final String HISTOGRAM_LOG = "latency.hlog";

  private final Scenario scenario;
  private final RunOptions options;
  private final Console console;

  public LoadOnly(Scenario scenario, RunOptions options, Console console) {
    this.scenario = DatasetScaling.apply(scenario, options.rows(), options.scale());
    this.options = options;
    this.console = console;
  }

  /** The report and the files written (load.json first). */
  public record Result(LoadReport report, List<Path> files) {

    /** 1 when acknowledged writes were lost, else 0: load alone has no other budget. */
    public int exitCode() {
      Long lost = report.summary().lostWrites();
      return lost != null && lost > 0 ? 1 : 0;
    }
  }

  public Result run(Duration duration, WorkloadPlans.Pacing pacing) {
    Rehearsal.prepareOutDir(options.outDir());
    Instant startedAt = Instant.now();
    LoadPlan plan = WorkloadPlans.plan(scenario.workload(), WorkloadPlans.rowsByTable(scenario.dataset().tables()),
        pacing, options.seed());
    int poolSize = scenario.workload().pool().maximumPoolSize();
    try (Workbench bench = Workbench.open(scenario, options, console)) {
      console.say("Load: %s through a pool of %d for %s", WorkloadPlans.describe(plan.traffic()), poolSize,
          Durations.format(duration));
      LoadTally tally;
      double seconds;
      RehearsalReport.Integrity integrity;
      LoadProgress progress = LoadProgress.standalone(console, poolSize);
      try (LoadEngine engine = new LoadEngine(plan, bench.target(), WorkloadPlans.pool(scenario.workload()),
          options.outDir().resolve(HISTOGRAM_LOG), progress::onSecond)) {
        engine.start();
        sleep(duration);
        engine.stop(scenario.workload().pool().connectionTimeout().toMillis() + 10_000);
        seconds = engine.runSeconds();
        tally = engine.tally();
        integrity = IntegrityCheck.run(engine.ledger(), bench.target(), console);
      } catch (IOException e) {
        throw new InfrastructureException("could not open the latency log in " + options.outDir() + ": "
            + e.getMessage(), e);
      }
      Double target = plan.traffic() instanceof Traffic.OpenLoop
          ? tally.seconds().stream().mapToDouble(SecondFigures::targetOperations).sum() / seconds : null;
      LoadReport report = new LoadReport(LoadReport.SCHEMA_VERSION, scenario.name(),
          WorkloadPlans.describe(plan.traffic()), startedAt, Instant.now(), bench.serverInfo(),
          bench.seeded().tables(), seconds,
          LoadSummaryBuilder.build(tally, seconds, target, plan.healthCheck() != null, integrity),
          integrity, TimelineBuilder.build(tally.seconds(), null, null));
      Path json = options.outDir().resolve(JSON);
      try {
        ReportJson.write(report, json);
      } catch (IOException e) {
        throw new InfrastructureException("could not write " + json + ": " + e.getMessage(), e);
      }
      return new Result(report, List.of(json, options.outDir().resolve(HISTOGRAM_LOG)));
    }
  }

  private static void sleep(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
