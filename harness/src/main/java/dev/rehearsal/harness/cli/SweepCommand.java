package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.FanOut;
import dev.rehearsal.harness.run.Sweep;
import dev.rehearsal.report.SweepReport;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "sweep",
    description = {"Rehearse one strategy at every combination of --pg-version, --rows and --rate, to find where its "
        + "budgets start to fail.",
        "Each of the three takes a comma-separated list: a migration harmless in staging or at low traffic can take "
            + "production down. The data is seeded once per version and size, and cloned per rate. Writes sweep.html "
            + "(a matrix of verdicts per version) and sweep.json beside each rehearsal's own reports.",
        "Example: rehearse sweep SCENARIO --rate 100,500,2000 --rows 1M,10M",
        "With --extrapolate-to ROWS and at least 3 sizes (--rows 1M,4M,16M --extrapolate-to 200M), each statement's "
            + "figures are fitted against rows and carried to production's size, with their spread.",
        "Fanned out over CI runners: --plan prints the cells as a CI matrix, --cell ID rehearses one, and "
            + "`rehearse merge` puts their outputs together (docs/nightly.md).",
        "Exit 0 when every rehearsal finished (their verdicts are in the matrix), 3 when one was incomplete."})
final class SweepCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file or built-in name")
  String scenario;

  @Option(names = "--strategy", paramLabel = "S", description = "Strategy to sweep (default: the scenario's first)")
  String strategy;

  @Option(names = "--pg-version", paramLabel = "N[,N...]", converter = Quantities.Majors.class,
      description = "PostgreSQL major versions, 15-18, for embedded and container servers (default: the scenario's "
          + "server.version, else " + EmbeddedBinaries.DEFAULT_MAJOR + ")")
  Quantities.Axis<Integer> pgVersions;

  @ArgGroup(exclusive = true)
  RowCounts size;

  @Option(names = "--rate", paramLabel = "OPS[,OPS...]", converter = Quantities.Rates.class,
      description = "Operations per second, open loop; 1.5k is accepted (default: the scenario's)")
  Quantities.Axis<Double> rates;

  @Option(names = "--extrapolate-to", paramLabel = "ROWS", converter = Quantities.RowCount.class,
      description = "Fit each statement's duration, lock hold and blocked session-seconds against --rows (linear or "
          + "n log n, the better fit) and carry them to ROWS, e.g. production's 200M; needs at least 3 sizes, an R² "
          + "of 0.9 and ROWS above the largest swept, else it says why not (docs/scenarios.md#extrapolating-to-productions-size)")
  Long extrapolateTo;

  @ArgGroup(exclusive = true)
  FanOutOptions fanOut;

  @Mixin
  ServerOptions server;

  @Mixin
  DataOptions data;

  @Mixin
  CacheOptions cache;

  @Mixin
  OutputOptions output;

  /** {@code --rows N[,N...]} or {@code --scale F}. */
  static final class RowCounts extends DataOptions.Size {

    @Option(names = "--rows", paramLabel = "N[,N...]", converter = Quantities.RowCounts.class,
        description = "Rows of the largest table, others scaled alike; 200k and 10M are accepted "
            + "(default: the scenario's); not with --scale")
    Quantities.Axis<Long> rows;

    @Option(names = "--scale", paramLabel = "F", converter = Quantities.Scale.class, description = SCALE)
    Double scale;
  }

  @Override
  public Integer call() {
    Scenario swept = ScenarioLoader.resolve(scenario);
    Integer pinned = swept.server().version();
    List<Integer> versions = pgVersions != null ? pgVersions.values()
        : List.of(pinned != null ? pinned : EmbeddedBinaries.DEFAULT_MAJOR);
    Sweep.Axes axes = new Sweep.Axes(versions, orScenarios(size == null ? null : size.rows), orScenarios(rates));
    Double scale = size == null ? null : size.scale;
    Sweep sweep = new Sweep(swept, strategy, axes,
        cell -> new RunOptionsBuilder(server, data).scale(scale).cache(cache).out(output).strategy(strategy, false)
            .cell(cell.pgVersion(), cell.rows(), cell.rate()).build(),
        output.out, Console.stderr(), extrapolateTo);
    if (fanOut != null && fanOut.plan != null) {
      System.out.print(FanOut.plan(sweep.plan().stream().map(Sweep.PlannedCell::id).toList(), "sweep",
          fanOut.plan));
      return 0;
    }
    Sweep.Result result = fanOut != null && fanOut.cell != null ? sweep.runCell(fanOut.cell) : sweep.run();
    print(result, System.out);
    return result.exitCode();
  }

  /** An axis not given is one cell with the scenario's own value (null). */
  private static <T> List<T> orScenarios(Quantities.Axis<T> axis) {
    if (axis == null) {
      List<T> scenarios = new ArrayList<>();
      scenarios.add(null);
      return scenarios;
    }
    return axis.values();
  }

  static void print(Sweep.Result result, PrintStream out) {
    print(result.sweep(), result.files(), out);
  }

  static void print(SweepReport sweep, List<Path> files, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "Sweep of %s / %s%n", sweep.scenario(), sweep.strategy());
    out.printf(Locale.ROOT, "  %-5s %14s %10s  %-7s %10s %10s %8s%n", "PG", "rows", "ops/s", "verdict", "peak p99",
        "blocked s", "pool t/o");
    sweep.cells().forEach(c -> out.printf(Locale.ROOT, "  %-5d %,14d %10.0f  %-7s %7.0f ms %10.2f %8d%n",
        c.pgVersion(), c.rows(), c.rate(), c.verdict().toUpperCase(Locale.ROOT), c.summary().peakP99Ms(),
        c.summary().blockedSessionSeconds(), c.summary().poolTimeouts()));
    out.println(sweep.headline());
    sweep.differences().forEach(d -> out.println("  differs: " + d));
    printExtrapolation(sweep.extrapolation(), out);
    out.println("Reports:");
    for (Path p : files) {
      out.println("  " + p);
    }
  }

  /** A line per statement and figure, per version and rate; a refusal every series shares, once. */
  private static void printExtrapolation(SweepReport.Extrapolation extrapolation, PrintStream out) {
    if (extrapolation == null) {
      return;
    }
    List<String> refusals = extrapolation.series().stream().map(SweepReport.Series::refusal).distinct().toList();
    if (refusals.size() == 1 && refusals.get(0) != null) {
      out.printf(Locale.ROOT, "Extrapolation to %,d rows: not made: %s%n", extrapolation.targetRows(), refusals.get(0));
      return;
    }
    for (SweepReport.Series series : extrapolation.series()) {
      out.printf(Locale.ROOT, "Extrapolation to %,d rows (PG %d, %s ops/s, measured at %s rows):%n",
          extrapolation.targetRows(), series.pgVersion(), Sweep.plain(series.rate()),
          String.join(", ", series.rowsMeasured().stream().map(r -> String.format(Locale.ROOT, "%,d", r)).toList()));
      if (series.refusal() != null) {
        out.println("  not made: " + series.refusal());
        continue;
      }
      series.statements().forEach(s -> s.figures().forEach(f -> out.println("  " + f.sentence())));
    }
  }
}
