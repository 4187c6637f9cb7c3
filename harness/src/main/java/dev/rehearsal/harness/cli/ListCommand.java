package dev.rehearsal.harness.cli;

import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "list", description = "List the built-in scenarios.")
final class ListCommand implements Callable<Integer> {

  /** Where a scenario's description starts: after its name. */
  static final int INDENT = 25;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    // as wide as the help: $COLUMNS, else the terminal, else 80
    print(System.out, spec.usageMessage().width());
    return 0;
  }

  static void print(PrintStream out, int width) {
    for (String name : ScenarioLoader.builtinNames()) {
      Scenario s = ScenarioLoader.builtin(name);
      String description = s.description() == null ? "" : s.description().strip();
      hanging(name, description, width).forEach(out::println);
      hanging("", "strategies: " + String.join(", ", s.strategies().stream().map(st -> st.name()).toList()), width)
          .forEach(out::println);
    }
  }

  /**
   * {@code label}, then {@code text} from column {@value #INDENT} on, wrapped between words to
   * {@code width} columns with every further line indented as far (a word longer than a line
   * keeps a line of its own).
   */
  static List<String> hanging(String label, String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(label);
    boolean wordless = true;
    for (String word : text.strip().split("\\s+")) {
      if (!wordless && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder();
      }
      line.append(line.length() < INDENT ? " ".repeat(INDENT - line.length()) : " ").append(word);
      wordless = false;
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }
}
