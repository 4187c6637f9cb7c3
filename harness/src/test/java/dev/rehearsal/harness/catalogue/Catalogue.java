package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.run.Comparison;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.RunOptions;
import dev.rehearsal.report.ComparisonReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.scenario.PhasesSpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a built-in scenario's comparison at small scale on the embedded server, the way
 * {@code rehearse compare NAME --rows N} does, with shorter phases so the catalogue's ITs stay
 * quick. Reports stay in {@code harness/target/catalogue/NAME/} to look at.
 */
final class Catalogue {

  private Catalogue() {}

  /** What a comparison produced, by strategy. */
  record Outcome(ComparisonReport comparison, Map<String, RehearsalReport> reports) {

    RehearsalReport strategy(String name) {
      RehearsalReport report = reports.get(name);
      assertThat(report).as("strategy %s rehearsed", name).isNotNull();
      return report;
    }

    /** A strategy's statement by its 1-based index. */
    StatementResult statement(String strategy, int index) {
      return strategy(strategy).statements().get(index - 1);
    }

    /** The application lock waits charged to a statement; 0 when none were. */
    long waitsCausedBy(String strategy, int index) {
      RehearsalReport.LockWaits blocked = statement(strategy, index).blocked();
      return blocked == null ? 0 : blocked.waits();
    }

    List<String> ranking() {
      return comparison.ranking().stream().map(ComparisonReport.Ranked::strategy).toList();
    }

    /** Every strategy's statements ran without an error and no acknowledged write was lost. */
    void everyStrategyCompletedWithoutLosingWrites() {
      reports.forEach((name, report) -> {
        assertThat(report.complete()).as("%s complete", name).isTrue();
        assertThat(report.statements()).as("%s statements", name)
            .allSatisfy(s -> assertThat(s.error()).as("%s statement %d error", name, s.index()).isNull());
        assertThat(report.summary().lostWrites()).as("%s lost writes (%s)", name, report.integrity().examples())
            .isZero();
      });
    }
  }

  /**
   * @param warmup null to keep the scenario's phases (when its periodic operations are timed to them)
   */
  static Outcome compare(String name, long rows, Duration warmup, Duration cooldown) {
    Scenario scenario = ScenarioLoader.builtin(name);
    if (warmup != null) {
      scenario = new Scenario(scenario.name(), scenario.description(), scenario.server(), scenario.schema(),
          scenario.dataset(), scenario.workload(), new PhasesSpec(warmup, cooldown), scenario.strategies(),
          scenario.budgets(), scenario.source(), scenario.baseDirectory());
    }
    Path out = Path.of("target", "catalogue", name);
    RunOptions options = new RunOptions(null, "embedded", 18, null, rows, null, null, null, 42L, out, null, false,
        false);
    Comparison.Result result = new Comparison(scenario, options, Console.stderr()).run();
    Map<String, RehearsalReport> reports = new LinkedHashMap<>();
    result.runs().forEach(run -> reports.put(run.report().strategy(), run.report()));
    return new Outcome(result.comparison(), reports);
  }

  /** The phases most catalogue ITs use: enough warm-up for a baseline, a short cool-down. */
  static Outcome compareQuickly(String name, long rows) {
    return compare(name, rows, Duration.ofSeconds(4), Duration.ofSeconds(3));
  }
}
