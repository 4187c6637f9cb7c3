package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.Rehearsal;
import dev.rehearsal.harness.run.RunOptions;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "run", description = "Rehearse one strategy of a scenario: provision, seed, load, migrate under load, judge, report.")
final class RunCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file or built-in name")
  String scenario;

  @Option(names = "--strategy", paramLabel = "S", description = "Strategy to rehearse (default: the scenario's first)")
  String strategy;

  @Option(names = "--rollback", description = "After the strategy's steps, rehearse its down steps under the same load")
  boolean rollback;

  @Mixin
  RehearsalOptions options;

  @Mixin
  PaceOptions pace;

  @Mixin
  InPlaceOptions inPlace;

  @Override
  public Integer call() {
    RunOptions run = inPlace.apply(options.toRunOptions(strategy, rollback, pace.rate));
    return rehearse(ScenarioLoader.resolve(scenario), run);
  }

  static int rehearse(Scenario scenario, RunOptions options) {
    Rehearsal.Result result = new Rehearsal(scenario, options, Console.stderr()).run();
    ResultPrinter.print(result, System.out);
    return result.exitCode();
  }
}
