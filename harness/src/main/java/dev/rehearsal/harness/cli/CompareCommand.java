package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.run.Comparison;
import dev.rehearsal.harness.run.FanOut;
import dev.rehearsal.harness.Console;
import dev.rehearsal.scenario.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "compare",
    description = {"Rehearse every strategy of a scenario on identical seeded data and rank them.",
        "The data is seeded once and cloned for each strategy. A comparison (comparison.html, comparison.json) is "
            + "written beside each strategy's own reports.",
        "Fanned out over CI runners: --plan prints the strategies as a CI matrix, --cell ID rehearses one, and "
            + "`rehearse merge` puts their outputs together (docs/nightly.md).",
        "Exit 0 when some strategy stays within its critical budgets, 1 when none does."})
final class CompareCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file or built-in name")
  String scenario;

  @Option(names = "--rollback", description = "After each strategy's steps, rehearse its down steps under the same load")
  boolean rollback;

  @ArgGroup(exclusive = true)
  FanOutOptions fanOut;

  @Mixin
  RehearsalOptions options;

  @Mixin
  PaceOptions pace;

  @Override
  public Integer call() {
    Comparison comparison = new Comparison(ScenarioLoader.resolve(scenario),
        options.toRunOptions(null, rollback, pace.rate), Console.stderr());
    if (fanOut != null && fanOut.plan != null) {
      System.out.print(FanOut.plan(comparison.plan(), "compare", fanOut.plan));
      return 0;
    }
    Comparison.Result result = fanOut != null && fanOut.cell != null ? comparison.runCell(fanOut.cell)
        : comparison.run();
    ResultPrinter.print(result, System.out);
    return result.exitCode();
  }
}
