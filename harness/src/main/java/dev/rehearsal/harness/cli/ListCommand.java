package dev.rehearsal.harness.cli;

import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "list", description = "List the built-in scenarios.")
final class ListCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    for (String name : ScenarioLoader.builtinNames()) {
      Scenario s = ScenarioLoader.builtin(name);
      String description = s.description() == null ? "" : s.description().strip().replaceAll("\\s+", " ");
      System.out.printf("%-24s %s%n", name, description);
      System.out.printf("%-24s strategies: %s%n", "", String.join(", ",
          s.strategies().stream().map(st -> st.name()).toList()));
    }
    return 0;
  }
}
