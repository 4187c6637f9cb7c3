package dev.rehearsal.harness.cli;

import dev.rehearsal.scenario.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(mixinStandardHelpOptions = true, name = "demo", description = "Run the built-in demo scenario (about a minute on 2 cores): an instant ALTER stuck in the lock queue behind a report query.")
final class DemoCommand implements Callable<Integer> {

  @Mixin
  RehearsalOptions options;

  @Mixin
  PaceOptions pace;

  @Override
  public Integer call() {
    return RunCommand.rehearse(ScenarioLoader.builtin("demo"), options.toRunOptions(null, false, pace.rate));
  }
}
