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

  public Result run() {
    Scenario scenario = rehearsal.scenario();
    // every strategy is planned before a server starts: a bad one is bad input, found at once
    List<PlannedStrategy> strategies = MigrationPlanner.every(scenario, options.rollback());
    String movedAside = OutputDirectory.prepare(options.outDir());
    if (movedAside != null) {
      console.say("%s", movedAside);
    }
    Instant startedAt = Instant.now();
    console.say("Comparing %d strategies of %s on identical data: %s", strategies.size(), scenario.name(),
        String.join(", ", strategies.stream().map(PlannedStrategy::name).toList()));
    List<Rehearsal.Result> runs = new ArrayList<>();
    Map<String, String> dirs = new LinkedHashMap<>();
    try (Workbench bench = Workbench.open(scenario, options, console, strategies.size())) {
      for (PlannedStrategy strategy : strategies) {
        String dir = directoryName(strategy.name(), dirs.values());
        dirs.put(strategy.name(), dir);
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
    ComparisonReport comparison = StrategyRanking.compare(reports,
        r -> dirs.get(r.strategy()) + "/" + ReportFiles.JSON, startedAt, Instant.now());
    try {
      List<Path> files = ReportFiles.writeComparison(comparison, reports, dirs::get, options.outDir());
      OutputDirectory.record(options.outDir(), files);
      return new Result(comparison, runs, files);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InfrastructureException("could not write the comparison to " + options.outDir() + ": "
          + e.getMessage(), e);
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
