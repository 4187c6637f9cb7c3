package dev.rehearsal.harness.run;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.migrate.MigrationPlanner;
import dev.rehearsal.harness.migrate.MigrationPlanner.PlannedStrategy;
import dev.rehearsal.report.ComparisonReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.ReportFiles;
import dev.rehearsal.report.StrategyRanking;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rehearse compare}: every strategy of a scenario, one after another, each on its own
 * clone of the same seeded data (seed once, clone per strategy), under the same load. Each run
 * writes its own reports into {@code OUT/<strategy>/}; the comparison (ranked, side by side,
 * p99 overlaid) goes to {@code OUT/comparison.html} and {@code comparison.json}, with
 * {@code junit.xml} and {@code summary.md} covering every strategy.
 */
public final class Comparison {

  private final Rehearsal rehearsal;
  private final RunOptions options;
  private final Console console;

  public Comparison(Scenario scenario, RunOptions options, Console console) {
    this.rehearsal = new Rehearsal(scenario, options, console);
    this.options = options;
    this.console = console;
  }

  /**
   * What a comparison produced.
   *
   * @param runs each strategy's own result, in scenario order
   * @param files the comparison's files
   */
  public record Result(ComparisonReport comparison, List<Rehearsal.Result> runs, List<Path> files) {

    /**
     * 0 when some strategy stayed within its critical budgets (there is a safe way to ship the
     * change), 1 when none did, 3 when a run was stopped before its end. A failing naive form beside
     * a passing safe one is the expected outcome of a comparison, not a failure of it.
     */
    public int exitCode() {
      if (runs.stream().anyMatch(r -> !r.report().complete())) {
        return 3;
      }
      return comparison.recommended() == null ? 1 : 0;
    }
  }

  /** The cells of a fanned-out comparison: each strategy's directory name, in scenario order. No server is started. */
  public List<String> plan() {
    List<String> dirs = new ArrayList<>();
    for (PlannedStrategy strategy : MigrationPlanner.every(rehearsal.scenario(), options.rollback())) {
      dirs.add(directoryName(strategy.name(), dirs));
    }
    return dirs;
  }

  public Result run() {
    return run(null);
  }

  /**
   * One strategy only ({@code --cell ID}, a CI runner's share of a fanned-out comparison), on
   * data seeded the same way as on every other runner: its reports in its directory, and a
   * {@link CellManifest} beside them for {@code rehearse merge}.
   */
  public Result runCell(String id) {
    List<String> cells = plan();
    FanOut.find(cells, id, c -> c, "compare");
    Result result = run(id);
    Rehearsal.Result only = result.runs().get(0);
    Path written = FanOut.writeManifest(CellManifest.compareCell(rehearsal.scenario().name(),
        only.report().strategy(), cells, id), options.outDir());
    OutputDirectory.record(options.outDir(), List.of(written));
    List<Path> files = new ArrayList<>(result.files());
    files.add(written);
    return new Result(result.comparison(), result.runs(), files);
  }

  /** @param onlyCell the one strategy directory to rehearse, or null for every strategy */
  private Result run(String onlyCell) {
    Scenario scenario = rehearsal.scenario();
    // every strategy is planned before a server starts: a bad one is bad input, found at once
    List<PlannedStrategy> strategies = new ArrayList<>();
    Map<String, String> dirs = new LinkedHashMap<>();
    for (PlannedStrategy strategy : MigrationPlanner.every(scenario, options.rollback())) {
      String dir = directoryName(strategy.name(), dirs.values());
      dirs.put(strategy.name(), dir);
      if (onlyCell == null || onlyCell.equals(dir)) {
        strategies.add(strategy);
      }
    }
    String movedAside = OutputDirectory.prepare(options.outDir());
    if (movedAside != null) {
      console.say("%s", movedAside);
    }
    Instant startedAt = Instant.now();
    console.say("Comparing %d strategies of %s on identical data: %s", strategies.size(), scenario.name(),
        String.join(", ", strategies.stream().map(PlannedStrategy::name).toList()));
    List<Rehearsal.Result> runs = new ArrayList<>();
    try (Workbench bench = Workbench.open(scenario, options, console, strategies.size())) {
      for (PlannedStrategy strategy : strategies) {
        String dir = dirs.get(strategy.name());
        console.say("");
        console.say("[%d/%d] Rehearsing strategy %s%s", runs.size() + 1, strategies.size(), strategy.name(),
            strategy.strategy().description() == null ? "" : ": " + strategy.strategy().description());
        RehearsalReport report = bench.onFreshData(data -> {
          runs.add(rehearsal.rehearse(strategy, data, bench.serverInfo(), options.outDir().resolve(dir),
              Instant.now()));
          return runs.get(runs.size() - 1).report();
        });
        if (!report.complete()) {
          console.say("  %s: INCOMPLETE — %s; the strategies after it are not rehearsed", strategy.name(),
              report.failure());
          break;
        }
        console.say("  %s: %s — %s", strategy.name(), report.verdict().status().toUpperCase(Locale.ROOT),
            report.verdict().headline());
      }
    }
    List<RehearsalReport> reports = runs.stream().map(Rehearsal.Result::report).toList();
    Written written = write(reports, dirs, startedAt, Instant.now(), options.outDir());
    return new Result(written.comparison(), runs, written.files());
  }

  /** A comparison and the files it was written to. */
  record Written(ComparisonReport comparison, List<Path> files) {}

  /**
   * Ranks {@code reports} and writes the comparison's files into {@code outDir}, recorded there.
   *
   * @param dirs each strategy's directory, relative to {@code outDir}, by strategy name
   */
  static Written write(List<RehearsalReport> reports, Map<String, String> dirs, Instant startedAt,
      Instant finishedAt, Path outDir) {
    ComparisonReport comparison = StrategyRanking.compare(reports,
        r -> dirs.get(r.strategy()) + "/" + ReportFiles.JSON, startedAt, finishedAt);
    try {
      List<Path> files = ReportFiles.writeComparison(comparison, reports, dirs::get, outDir);
      OutputDirectory.record(outDir, files);
      return new Written(comparison, files);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InfrastructureException("could not write the comparison to " + outDir + ": " + e.getMessage(), e);
    }
  }

  /** A directory name for a strategy: its name where the file system allows, unique among the others. */
  static String directoryName(String strategy, java.util.Collection<String> taken) {
    String base = strategy.replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "strategy" + base;
    }
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }
}
