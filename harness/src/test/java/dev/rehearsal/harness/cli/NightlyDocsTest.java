package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * docs/nightly.md's CI files are valid YAML, and every {@code ./rehearse} command line in them
 * (and in its shell scripts) names a command and options the CLI declares and parses: the
 * workflows are meant to be copied as they are.
 */
class NightlyDocsTest {

  private static final Path DOC = Path.of("..", "docs", "nightly.md");

  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");
  private static final Pattern INVOCATION = Pattern.compile("(?<![\\w/.])\\./rehearse\\s+");
  private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");

  /** A fenced block of the document: its language and text. */
  private record Block(String language, String text) {
    String firstLine() {
      return text.lines().findFirst().orElse("");
    }
  }

  /** One {@code ./rehearse} command line: the words after {@code ./rehearse}, and where it was. */
  private record Invocation(List<String> words, String source) {
    @Override
    public String toString() {
      return "./rehearse " + String.join(" ", words) + "  (in " + source + ")";
    }
  }

  private static List<Block> blocks(String... languages) throws Exception {
    Set<String> wanted = Set.of(languages);
    List<Block> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(Files.readString(DOC));
    while (m.find()) {
      if (wanted.contains(m.group(1))) {
        blocks.add(new Block(m.group(1), m.group(2)));
      }
    }
    return blocks;
  }

  private static Object parse(Block block) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(block.text());
  }

  @Test
  void everyYamlBlockIsValidYaml() throws Exception {
    List<Block> yaml = blocks("yaml");
    assertThat(yaml).as("```yaml blocks in " + DOC).hasSizeGreaterThanOrEqualTo(3);
    List<String> invalid = new ArrayList<>();
    for (Block block : yaml) {
      try {
        assertThat(parse(block)).as(block.firstLine()).isInstanceOf(Map.class);
      } catch (RuntimeException e) {
        invalid.add(block.firstLine() + ": " + e.getMessage());
      }
    }
    assertThat(invalid).as("```yaml blocks of " + DOC + " SnakeYAML rejects").isEmpty();
  }

  @Test
  void everyRehearseCommandLineUsesOnlyDeclaredOptions() throws Exception {
    // the variables the CI files define (GitHub's env:, GitLab's variables:), e.g. $OPTIONS
    Map<String, String> variables = new LinkedHashMap<>();
    List<Invocation> invocations = new ArrayList<>();
    List<Block> yaml = blocks("yaml");
    List<Object> parsed = new ArrayList<>();
    for (Block block : yaml) {
      Object document = parse(block);
      parsed.add(document);
      if (document instanceof Map<?, ?> map) {
        for (String key : List.of("env", "variables")) {
          if (map.get(key) instanceof Map<?, ?> vars) {
            vars.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
          }
        }
      }
    }
    for (int i = 0; i < yaml.size(); i++) {
      List<String> scalars = new ArrayList<>();
      strings(parsed.get(i), scalars);
      for (String scalar : scalars) {
        invocations.addAll(invocations(scalar, variables, yaml.get(i).firstLine()));
      }
    }
    for (Block block : blocks("sh", "bash")) {
      invocations.addAll(invocations(block.text(), variables, "```" + block.language() + " " + block.firstLine()));
    }

    Set<String> commands = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (Invocation invocation : invocations) {
      CommandLine cli = new CommandLine(new RehearseCommand());
      String command = invocation.words().isEmpty() ? "" : invocation.words().get(0);
      CommandLine sub = cli.getSubcommands().get(command);
      if (sub == null) {
        problems.add(invocation + ": no command '" + command + "'");
        continue;
      }
      commands.add(command);
      int before = problems.size();
      for (String word : invocation.words().subList(1, invocation.words().size())) {
        if (word.startsWith("-") && word.length() > 1) {
          String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
          if (sub.getCommandSpec().findOption(option) == null) {
            problems.add(invocation + ": '" + command + "' has no option " + option);
          }
        }
      }
      if (problems.size() > before) {
        continue;
      }
      try {
        // arity, required options and values as picocli reads them; nothing runs
        cli.parseArgs(invocation.words().toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        problems.add(invocation + ": " + e.getMessage());
      }
    }
    assertThat(invocations).as("./rehearse command lines in " + DOC).hasSizeGreaterThanOrEqualTo(10);
    assertThat(commands).as("commands used in " + DOC).contains("run", "compare", "merge", "diff");
    assertThat(problems).as("./rehearse command lines in " + DOC + " the CLI does not accept").isEmpty();
  }

  /**
   * What a CI job does with merge's and diff's exit codes: merge's 1 (no strategy held its
   * budgets) lets the job go on to the diff, and a diff piped into tee keeps its exit code.
   */
  @Test
  void theCiJobsKeepTheExitCodesThatMatter() throws Exception {
    int merges = 0;
    int pipedDiffs = 0;
    for (Block block : blocks("yaml")) {
      Object document = parse(block);
      List<String> scalars = new ArrayList<>();
      strings(document, scalars);
      for (String scalar : scalars) {
        for (String line : scalar.split("\n")) {
          if (line.contains("./rehearse merge ")) {
            merges++;
            assertThat(line).as(block.firstLine() + ": merge's exit 1 must not end the job before the diff")
                .contains("|| [ $? -eq 1 ]");
          }
        }
      }
      if (document instanceof Map<?, ?> workflow && workflow.get("jobs") instanceof Map<?, ?> jobs) {
        for (Object job : jobs.values()) {
          for (Object step : list(map(job).get("steps"))) {
            Object run = map(step).get("run");
            if (run instanceof String script && script.matches("(?s).*\\./rehearse diff [^\\n]*\\|[^|].*")) {
              pipedDiffs++;
              Object shell = map(step).containsKey("shell") ? map(step).get("shell")
                  : map(map(map(job).get("defaults")).get("run")).get("shell");
              assertThat("bash".equals(shell) || script.contains("set -o pipefail"))
                  .as(block.firstLine() + ": a diff piped into tee must keep its exit code (shell: bash, or "
                      + "set -o pipefail); GitHub's default bash -e takes tee's")
                  .isTrue();
            }
          }
        }
      }
    }
    assertThat(merges).as("./rehearse merge in the CI files").isGreaterThanOrEqualTo(2);
    assertThat(pipedDiffs).as("./rehearse diff piped into the GitHub job summary").isGreaterThanOrEqualTo(1);
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  /** Every string scalar under {@code node} (values, not keys). */
  private static void strings(Object node, List<String> into) {
    if (node instanceof String s) {
      into.add(s);
    } else if (node instanceof Map<?, ?> map) {
      map.values().forEach(v -> strings(v, into));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> strings(v, into));
    }
  }

  /** The {@code ./rehearse} command lines in a shell script, its known variables substituted. */
  private static List<Invocation> invocations(String script, Map<String, String> variables, String source) {
    String text = script.replace("\\\n", " ");
    text = VARIABLE.matcher(text).replaceAll(m -> {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      return Matcher.quoteReplacement(variables.getOrDefault(name, m.group()));
    });
    List<Invocation> found = new ArrayList<>();
    Matcher m = INVOCATION.matcher(text);
    while (m.find()) {
      found.add(new Invocation(words(text, m.end()), source));
    }
    return found;
  }

  /**
   * The words of a shell command line from {@code start}, quotes removed, up to the end of the
   * line or an unquoted operator ({@code | & ; < > )}) or comment.
   */
  private static List<String> words(String text, int start) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if ("\n|&;<>)`".indexOf(c) >= 0 || c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
