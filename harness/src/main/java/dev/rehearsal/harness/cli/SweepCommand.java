package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.Sweep;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "sweep",
    description = {"Rehearse one strategy at every combination of --pg-version, --rows and --rate (each a",
        "comma-separated list), to find where its budgets start to fail: a migration harmless in staging or at low",
        "traffic can take production down. Writes sweep.html (a matrix of verdicts per version) and sweep.json",
        "beside each rehearsal's own reports. Example: rehearse sweep SCENARIO --rate 100,500,2000 --rows 1M,10M",
        "Exit 0 when the sweep ran (its verdicts are in the matrix)."})
final class SweepCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file or built-in name")
  String scenario;

  @Option(names = "--strategy", paramLabel = "S", description = "Strategy to sweep (default: the scenario's first)")
  String strategy;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Sweep.Axes axes = new Sweep.Axes(
        common.pgVersions == null || common.pgVersions.isEmpty() ? List.of(EmbeddedBinaries.DEFAULT_MAJOR)
            : common.pgVersions,
        orScenarios(common.rowsList), orScenarios(common.rates));
    Sweep.Result result = new Sweep(ScenarioLoader.resolve(scenario), strategy, axes,
        key -> common.toRunOptions(strategy, false, key.pgVersion(), key.rows(), key.rate()), common.out,
        Console.stderr()).run();
    print(result, System.out);
    return result.exitCode();
  }

  /** An axis not given is one cell with the scenario's own value (null). */
  private static <T> List<T> orScenarios(List<T> values) {
    if (values == null || values.isEmpty()) {
      List<T> scenarios = new ArrayList<>();
      scenarios.add(null);
      return scenarios;
    }
    return values;
  }

  private static void print(Sweep.Result result, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "Sweep of %s / %s%n", result.sweep().scenario(), result.sweep().strategy());
    out.printf(Locale.ROOT, "  %-5s %14s %10s  %-7s %10s %10s %8s%n", "PG", "rows", "ops/s", "verdict", "peak p99",
        "blocked s", "pool t/o");
    result.sweep().cells().forEach(c -> out.printf(Locale.ROOT, "  %-5d %,14d %10.0f  %-7s %7.0f ms %10.2f %8d%n",
        c.pgVersion(), c.rows(), c.rate(), c.verdict().toUpperCase(Locale.ROOT), c.summary().peakP99Ms(),
        c.summary().blockedSessionSeconds(), c.summary().poolTimeouts()));
    out.println(result.sweep().headline());
    result.sweep().differences().forEach(d -> out.println("  differs: " + d));
    out.println("Reports:");
    for (Path p : result.files()) {
      out.println("  " + p);
    }
  }
}
