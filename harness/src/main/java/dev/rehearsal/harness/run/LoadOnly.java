package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.figures.LoadSummaryBuilder;
import dev.rehearsal.harness.figures.RunFigures;
import dev.rehearsal.harness.figures.TimelineBuilder;
import dev.rehearsal.harness.judge.Findings;
import dev.rehearsal.harness.measure.LoadWindow;
import dev.rehearsal.harness.measure.Measurement;
import dev.rehearsal.harness.measure.WorkloadPlans;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.load.Traffic;
import dev.rehearsal.report.LoadReport;
import dev.rehearsal.report.ReportJson;
import dev.rehearsal.scenario.Durations;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Load without a migration ({@code rehearse load}): the first half of the pipeline, then the
 * workload for a fixed time in the same {@link LoadWindow} a rehearsal uses, with a line per
 * second, the integrity check and {@code load.json} — incomplete, with the reason, when a signal
 * or a failing server ends it early. Also how the harness is compared with pgbench
 * (benchmarks/scripts).
 */
public final class LoadOnly {

  public static final String JSON = "load.json";
  public static final String HISTOGRAM_LOG = LoadWindow.HISTOGRAM_LOG;

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

    /** 3 when the load stopped before its end, 1 when acknowledged writes were lost, else 0. */
    public int exitCode() {
      if (!report.complete()) {
        return 3;
      }
      Long lost = report.summary().lostWrites();
      return lost != null && lost > 0 ? 1 : 0;
    }
  }

  public Result run(Duration duration, WorkloadPlans.Pacing pacing) {
    return run(duration, pacing, LoadWindow.Observers.SERVER);
  }

  /** @param observers which of the harness's sampling sessions watch the server meanwhile */
  public Result run(Duration duration, WorkloadPlans.Pacing pacing, LoadWindow.Observers observers) {
    String movedAside = OutputDirectory.prepare(options.outDir());
    if (movedAside != null) {
      console.say("%s", movedAside);
    }
    Instant startedAt = Instant.now();
    try (Workbench bench = Workbench.open(scenario, options, console)) {
      LoadPlan plan = WorkloadPlans.plan(scenario.workload(),
          WorkloadKeys.read(scenario, bench.seeded(), options.seed(), console), pacing, options.seed());
      console.say("Load: %s through %s for %s", WorkloadPlans.describe(plan.traffic()),
          WorkloadPlans.pools(scenario.workload()), Durations.format(duration));
      Measurement m = new LoadWindow(scenario, plan, bench.seeded().database(), options.outDir(), console)
          .measure(new LoadWindow.Plan.LoadAlone(duration, observers));
      double seconds = m.runSeconds();
      Double target = plan.traffic() instanceof Traffic.OpenLoop
          ? m.tally().seconds().stream().mapToDouble(SecondFigures::targetOperations).sum() / seconds : null;
      LoadReport report = new LoadReport(LoadReport.SCHEMA_VERSION, scenario.name(),
          WorkloadPlans.describe(plan.traffic()), startedAt, Instant.now(), bench.serverInfo(),
          bench.seeded().tables(), seconds,
          LoadSummaryBuilder.build(m.tally(), seconds, target, plan.healthCheck() != null, m.integrity()),
          m.integrity(), TimelineBuilder.build(m.tally().seconds(), null, null, m.server()), m.complete(),
          m.complete() ? null : m.stopped() + "; figures cover what was observed until then",
          RunFigures.platform(m, Findings.maxConnections(bench.serverInfo() == null ? null
              : bench.serverInfo().settings())));
      Path json = options.outDir().resolve(JSON);
      try {
        ReportJson.write(report, json);
        OutputDirectory.record(options.outDir(), List.of(json, options.outDir().resolve(HISTOGRAM_LOG)));
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new InfrastructureException("could not write " + json + ": " + e.getMessage(), e);
      }
      return new Result(report, List.of(json, options.outDir().resolve(HISTOGRAM_LOG)));
    }
  }
}
