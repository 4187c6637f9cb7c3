package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.LoadOnly;
import dev.rehearsal.harness.measure.LoadWindow;
import dev.rehearsal.harness.measure.WorkloadPlans;
import dev.rehearsal.report.LoadReport;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true, description = {
    "Run a scenario's workload alone (no migration): provision, seed, drive the load, report what it felt like.",
    "A line per second shows ops/s, latency (p50/p99/max from each operation's intended start), errors and the pool.",
    "Examples: rehearse load demo --duration 30s;  rehearse load pgbench --scale 10 --max --duration 60s"})
final class LoadCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file or built-in name")
  String scenario;

  @Option(names = "--duration", paramLabel = "D", converter = Quantities.Span.class, defaultValue = "30s",
      description = "How long to drive the load (default: ${DEFAULT-VALUE})")
  Duration duration;

  @ArgGroup(exclusive = true)
  PaceOptions.OrMax pace;

  @Option(names = "--observe", paramLabel = "WHAT", converter = ObserversConverter.class, defaultValue = "server",
      description = "Which of the harness's own sessions sample the server meanwhile: all (the server sampler and "
          + "the lock observer, as in a rehearsal), server (WAL and connections only) or none; compare them to see "
          + "what the harness costs the server (default: ${DEFAULT-VALUE})")
  LoadWindow.Observers observe;

  @Mixin
  RehearsalOptions options;

  @Override
  public Integer call() {
    WorkloadPlans.Pacing pacing = pace == null ? WorkloadPlans.Pacing.SCENARIO
        : new WorkloadPlans.Pacing(pace.rate, pace.max);
    LoadOnly.Result result = new LoadOnly(ScenarioLoader.resolve(scenario),
        options.toRunOptions(null, false, pacing.ratePerSecond()), Console.stderr()).run(duration, pacing, observe);
    print(result.report(), result.files().get(0), System.out);
    return result.exitCode();
  }

  /** all, server or none; anything else is bad input that says what it takes. */
  static final class ObserversConverter implements ITypeConverter<LoadWindow.Observers> {
    @Override
    public LoadWindow.Observers convert(String value) {
      for (LoadWindow.Observers o : LoadWindow.Observers.values()) {
        if (o.name().equalsIgnoreCase(value)) {
          return o;
        }
      }
      throw new BadInputException("--observe " + value + ": unknown\n"
          + "  fix: use all (as in a rehearsal), server (the default) or none");
    }
  }

  static void print(LoadReport r, Path json, PrintStream out) {
    LoadReport.LoadSummary s = r.summary();
    out.printf(Locale.ROOT, "Load %s: %s for %.1f s on PostgreSQL %s (%s)%n", r.scenario(), r.traffic(),
        r.durationSeconds(), r.server().version(), r.server().provider());
    if (!r.complete()) {
      out.printf("  INCOMPLETE: %s%n", r.failure());
    }
    out.printf(Locale.ROOT, "  throughput %,.1f ops/s%s, %,d ok, %,d errors %s, %,d dropped%n",
        s.achievedOpsPerSecond(), s.targetOpsPerSecond() == null ? ""
            : String.format(Locale.ROOT, " (target %,.1f)", s.targetOpsPerSecond()),
        s.operations(), s.errors(), s.errorsByClass(), s.droppedOperations());
    if (s.latency() != null) {
      out.printf(Locale.ROOT, "  latency   p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms (from intended start)%n",
          s.latency().p50Ms(), s.latency().p95Ms(), s.latency().p99Ms(), s.latency().maxMs());
      out.printf(Locale.ROOT, "  service   p50 %.2f ms, p99 %.2f ms (from connection in hand)%n",
          s.serviceTime().p50Ms(), s.serviceTime().p99Ms());
    }
    if (s.schedulerLagP99Ms() != null) {
      out.printf(Locale.ROOT, "  scheduler lag p99 %.3f ms%n", s.schedulerLagP99Ms());
    }
    out.printf(Locale.ROOT, "  pool      %d timeouts, at most %d waiting%n", s.poolTimeouts(), s.maxPoolWaiting());
    out.printf("  health    %s%n", s.healthCheckFailures() == null ? "no probe" : s.healthCheckFailures() + " failed probes");
    out.printf("  writes    %s%n", r.integrity() == null
        ? (r.complete() ? "not checked (no operation keeps a ledger)" : "not checked (the load stopped early)")
        : dev.rehearsal.harness.check.IntegrityCheck.line(r.integrity().acknowledgedWrites(), r.integrity().rowsChecked(),
            r.integrity().rowsInDoubt(), r.integrity().lostWrites()).substring("Integrity: ".length()));
    out.printf("  report    %s%n", json);
  }
}
