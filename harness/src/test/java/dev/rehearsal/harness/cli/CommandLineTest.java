package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.seed.Seeder;
import dev.rehearsal.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Bad input never starts a server: these run in milliseconds and check exit code and message. */
class CommandLineTest {

  private String stderr;

  private int run(String... args) {
    CapturedRun run = CapturedRun.of(args);
    stderr = run.stderr();
    return run.exit();
  }

  @Test
  void aListOfValuesIsForSweepOnly(@TempDir Path out) {
    assertThat(run("run", "demo", "--rate", "100,500", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--rate 100,500: this command takes one value")
        .contains("rehearse sweep SCENARIO --rate A,B,...");
    assertThat(run("compare", "demo", "--pg-version", "17,18", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--pg-version 17,18: this command takes one value");
    assertThat(run("run", "demo", "--rows", "1M,10M", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).isEqualTo("error: --rows 1M,10M: this command takes one value\n"
        + "  fix: give one, or run every combination with 'rehearse sweep SCENARIO --rows A,B,...'\n");
    assertThat(run("load", "demo", "--rows", "1M,10M", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--rows 1M,10M: this command takes one value");
  }

  /** Bad --extrapolate-to is bad input, said before a server starts, as --rows is. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "lots | error: Invalid value for option '--extrapolate-to': 'lots' is not a row count (examples: 50000, 200k, 10M)",
      "0    | error: Invalid value for option '--extrapolate-to': '0': the row count must be at least 1",
      "-5M  | error: Invalid value for option '--extrapolate-to': '-5M': the row count must be at least 1"})
  void aBadExtrapolationTargetIsBadInput(String value, String message, @TempDir Path out) {
    assertThat(run("sweep", "demo", "--rows", "1k,2k,4k", "--extrapolate-to", value, "--out", out.toString()))
        .isEqualTo(2);
    assertThat(stderr).startsWith(message + "\n  fix: see 'rehearse sweep --help'");
    assertThat(out).isEmptyDirectory();
    assertThat(run("merge", out.toString(), "--out", out.resolve("m").toString(), "--extrapolate-to", value))
        .isEqualTo(2);
    assertThat(stderr).startsWith(message);
  }

  /** The options each command declares: only those it uses. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "run      | --postgres --pg-version --image --rows --scale --streams --seed --fresh --no-seed-cache --rate --out"
          + " --strategy --rollback --in-place --confirm-database",
      "compare  | --postgres --pg-version --image --rows --scale --streams --seed --fresh --no-seed-cache --rate --out"
          + " --rollback --plan --cell",
      "demo     | --postgres --pg-version --image --rows --scale --streams --seed --fresh --no-seed-cache --rate --out",
      "sweep    | --postgres --pg-version --image --rows --scale --streams --seed --fresh --no-seed-cache --rate --out"
          + " --strategy --plan --cell --extrapolate-to",
      "merge    | --out --extrapolate-to",
      "load     | --postgres --pg-version --image --rows --scale --streams --seed --fresh --no-seed-cache --rate --max"
          + " --out --duration --observe",
      "seed     | --postgres --pg-version --image --rows --scale --streams --seed --dataset --keep",
      "validate | ''",
      "list     | ''",
      "diff     | --tolerance --fail-on-regression --json"})
  void eachCommandTakesTheOptionsItUses(String command, String options) {
    Set<String> declared = new TreeSet<>();
    new CommandLine(new RehearseCommand()).getSubcommands().get(command).getCommandSpec().options()
        .forEach(option -> declared.add(option.longestName()));
    declared.removeAll(Set.of("--help", "--version"));
    Set<String> expected = new TreeSet<>(Arrays.asList(options.split(" +")));
    expected.remove("");
    assertThat(declared).isEqualTo(expected);
  }

  @Test
  void seedRefusesOptionsItWouldIgnore() {
    assertThat(run("seed", "demo", "--rate", "100")).isEqualTo(2);
    assertThat(stderr).contains("error: Unknown options: '--rate', '100'").contains("fix: see 'rehearse seed --help'");
    assertThat(run("seed", "demo", "--out", "x")).isEqualTo(2);
    assertThat(stderr).contains("Unknown options: '--out', 'x'");
  }

  @Test
  void rateAndMaxExcludeEachOther(@TempDir Path out) {
    for (List<String> both : List.of(List.of("--rate", "100", "--max"), List.of("--max", "--rate", "100"))) {
      List<String> args = new ArrayList<>(List.of("load", "demo", "--out", out.toString()));
      args.addAll(both);
      assertThat(run(args.toArray(String[]::new))).isEqualTo(2);
      assertThat(stderr).isEqualTo("error: --max and --rate both set the pace\n"
          + "  fix: use --rate OPS for an open-loop rate, or --max for the most the database can give\n");
    }
    assertThat(Files.exists(out.resolve("load.json"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "compare", "load", "seed", "demo", "sweep"})
  void rowsAndScaleExcludeEachOther(String command, @TempDir Path out) {
    List<String> args = new ArrayList<>(List.of(command));
    if (!command.equals("demo")) {
      args.add("demo");
    }
    args.addAll(List.of("--scale", "2", "--rows", "10k"));
    if (!command.equals("seed")) {
      args.addAll(List.of("--out", out.toString()));
    }
    assertThat(run(args.toArray(String[]::new))).isEqualTo(2);
    assertThat(stderr).isEqualTo("error: --rows and --scale both given\n"
        + "  fix: use one: --rows sets the largest table's row count, --scale multiplies every table's\n");
  }

  @Test
  void noCommandPrintsTheUsage() {
    CapturedRun run = CapturedRun.of();
    assertThat(run.exit()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).startsWith("Usage: rehearse ").contains("Commands:");
    for (String command : List.of("list", "validate", "run", "compare", "sweep", "seed", "load", "demo", "diff")) {
      assertThat(run.stdout()).containsPattern("(?m)^  " + command + " ");
    }
  }

  /** The list of commands shows each one's first sentence whole. */
  @Test
  void theUsageNeverCutsASentence() {
    String usage = oneLine(CapturedRun.of(Map.of("COLUMNS", "80")).stdout());
    new CommandLine(new RehearseCommand()).getSubcommands().forEach((name, command) -> {
      if (name.equals("help")) {
        return; // picocli's own
      }
      String first = command.getCommandSpec().usageMessage().description()[0];
      assertThat(first).as(name).endsWith(".");
      assertThat(usage).as(name).contains(" " + name + " " + first);
    });
  }

  @Test
  void onlySweepShowsListSyntax() {
    String run = help("run", 80);
    assertThat(run).doesNotContain("[,").contains("[--rows=N | --scale=F]", "--rate=OPS ", "--pg-version=N ");
    assertThat(help("compare", 80)).doesNotContain("[,");
    assertThat(help("load", 80)).doesNotContain("[,").contains("[--rate=OPS | --max]");
    String sweep = help("sweep", 80);
    assertThat(sweep).contains("--pg-version=N[,N...]", "--rate=OPS[,OPS...]", "--rows=N[,N...]",
        "[--rows=N[,N...] | --scale=F]");
  }

  /** Whatever the width, the synopsis breaks between options, never inside one. */
  @ParameterizedTest
  @ValueSource(ints = {55, 64, 80, 100, 132})
  void theSynopsisWrapsBetweenOptions(int width) {
    for (String command : List.of("run", "sweep", "load", "seed")) {
      List<String> whole = List.of(synopsis(help(command, 1000)).split(" +"));
      String wrapped = synopsis(help(command, width));
      assertThat(wrapped.lines()).as("%s at %d columns", command, width)
          .allSatisfy(line -> assertThat(line.length() <= width || !line.strip().contains(" ")).isTrue());
      assertThat(List.of(wrapped.strip().split("\\s+"))).as("%s at %d columns", command, width).isEqualTo(whole);
    }
  }

  @Test
  void streamsHelpGivesTheSeedersDefault() {
    for (String command : List.of("run", "seed", "load", "sweep")) {
      assertThat(oneLine(help(command, 80))).as(command).contains(
          "--streams=N COPY sessions per table while seeding (default: 1: one COPY FREEZE session fed by an encoder"
              + " per core, needing no VACUUM FREEZE after it; N > 1: N sessions side by side, then VACUUM (FREEZE))");
    }
    assertThat(Seeder.defaultStreams()).isEqualTo(1);
  }

  @Test
  void listWrapsToColumnsWithAHangingIndent() {
    CapturedRun run = CapturedRun.of(Map.of("COLUMNS", "60"), "list");
    assertThat(run.exit()).isZero();
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(60));
    assertThat(lines.get(0)).startsWith(String.format("%-25s", "demo"));
    int strategies = lines.indexOf(lines.stream().filter(l -> l.contains("strategies:")).findFirst().orElseThrow());
    int next = strategies + 1;
    while (lines.get(next).startsWith(" ")) {
      next++;
    }
    assertThat(strategies).as("the demo's description takes several lines").isGreaterThan(2);
    assertThat(lines.subList(1, next)).allSatisfy(line -> assertThat(line).startsWith(" ".repeat(25)));
    assertThat(oneLine(String.join(" ", lines.subList(0, strategies))))
        .isEqualTo("demo " + oneLine(ScenarioLoader.builtin("demo").description()));
    assertThat(oneLine(String.join(" ", lines.subList(strategies, next))))
        .isEqualTo("strategies: add-column-default, lock-timeout-retry");
    assertThat(lines.get(next)).startsWith("add-column-not-null ");

    assertThat(CapturedRun.of(Map.of("COLUMNS", "200"), "list").stdout().lines().findFirst().orElseThrow())
        .hasSizeGreaterThan(100).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void helpIsAsWideAsColumns() {
    assertThat(help("run", 120).lines().mapToInt(String::length).max().orElseThrow()).isBetween(100, 120);
    assertThat(help("run", 60).lines().mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(60);
    assertThat(help("run", 20).lines()).as("no narrower than picocli goes; an option longer than that on a line"
        + " of its own").allSatisfy(line -> assertThat(line.length() <= RehearseCommand.MINIMUM_WIDTH
            || !line.strip().contains(" ")).isTrue());
    assertThat(RehearseCommand.columns(Map.of("COLUMNS", "132"))).hasValue(132);
    assertThat(RehearseCommand.columns(Map.of("COLUMNS", "wide"))).isEmpty();
    assertThat(RehearseCommand.columns(Map.of("COLUMNS", "0"))).isEmpty();
    assertThat(RehearseCommand.columns(Map.of())).isEmpty();
  }

  @Test
  void inPlaceRefusesStreamsGivenOnly() {
    String url = "jdbc:postgresql://127.0.0.1:1/app";
    assertThat(run("run", "demo", "--postgres", url, "--in-place", "--confirm-database", "app", "--streams", "4"))
        .isEqualTo(2);
    assertThat(stderr).contains("--rows, --scale, --streams and --fresh shape the seeded data");
    // without --streams the seeder's default is no reason to refuse: it goes on, to the server (none there)
    assertThat(run("run", "demo", "--postgres", url, "--in-place", "--confirm-database", "app")).isEqualTo(2);
    assertThat(stderr).doesNotContain("shape the seeded data").contains("127.0.0.1:1/app: cannot connect");
  }

  private static String help(String command, int columns) {
    CapturedRun run = CapturedRun.of(Map.of("COLUMNS", String.valueOf(columns)), "help", command);
    assertThat(run.exit()).isZero();
    return run.stdout();
  }

  /** The synopsis: from "Usage:" to the line before the description. */
  private static String synopsis(String help) {
    List<String> lines = help.lines().toList();
    int end = 1;
    while (end < lines.size() && lines.get(end).startsWith(" ")) {
      end++;
    }
    return String.join("\n", lines.subList(0, end));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  @Test
  void sweepOfAnUnknownStrategyIsBadInputBeforeAnyServerStarts(@TempDir Path out) {
    assertThat(run("sweep", "demo", "--strategy", "nope", "--rate", "100,200", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--strategy nope: scenario demo has no such strategy");
  }

  @Test
  void missingScenarioFileIsBadInput() {
    assertThat(run("validate", "no-such-file.yaml")).isEqualTo(2);
    assertThat(stderr).contains("no-such-file.yaml").contains("not found");
  }

  @Test
  void builtinDemoValidates() {
    assertThat(run("validate", "demo")).isZero();
  }

  @Test
  void unknownStrategyIsBadInputBeforeAnyServerStarts(@TempDir Path out) {
    assertThat(run("run", "demo", "--strategy", "nope", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--strategy nope: scenario demo has no such strategy")
        .contains("add-column-default");
  }

  @Test
  void rollbackOfAStrategyWithoutDownStepsIsBadInputBeforeAnyServerStarts(@TempDir Path out) {
    assertThat(run("run", "demo", "--rollback", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--rollback: strategy add-column-default of demo declares no down steps")
        .contains("fix: add down: steps");
  }

  @Test
  void concurrentlyInsideABeginBlockIsBadInputWithItsLine(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("s.yaml");
    String demo;
    try (java.io.InputStream in = getClass().getResourceAsStream("/dev/rehearsal/scenario/builtin/demo.yaml")) {
      demo = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.nio.file.Files.writeString(scenario, demo.replace("      - sql: ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active'",
            "      - sql: |\n          BEGIN;\n          CREATE INDEX CONCURRENTLY users_plan ON users (plan);\n          COMMIT;"));
    assertThat(run("run", scenario.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);
    assertThat(stderr).contains("step 1, line 2: 'CREATE INDEX CONCURRENTLY users_plan ON users (plan)'")
        .contains("cannot run inside a transaction block").contains("fix:");
  }

  @Test
  void loadRefusesTwoPacesAndEmptyDurations(@TempDir Path out) {
    assertThat(run("load", "demo", "--max", "--rate", "100", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--max and --rate both set the pace").contains("fix:");
    assertThat(run("load", "demo", "--duration", "0s", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("'0s': the duration must be longer than 0");
    assertThat(run("load", "demo", "--duration", "soon", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("'soon' is not a duration").contains("10s");
  }

  @Test
  void loadObservesAsItIsTold(@TempDir Path out) {
    assertThat(run("load", "demo", "--observe", "locks", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).isEqualTo("error: --observe locks: unknown\n"
        + "  fix: use all (as in a rehearsal), server (the default) or none\n");
    assertThat(run("load", "demo", "--observe", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--observe").contains("fix:");
    LoadCommand load = new LoadCommand();
    new CommandLine(load).parseArgs("demo");
    assertThat(load.observe).isEqualTo(dev.rehearsal.harness.measure.LoadWindow.Observers.SERVER);
    new CommandLine(load).parseArgs("demo", "--observe", "ALL");
    assertThat(load.observe).isEqualTo(dev.rehearsal.harness.measure.LoadWindow.Observers.ALL);
    new CommandLine(load).parseArgs("demo", "--observe", "none");
    assertThat(load.observe).isEqualTo(dev.rehearsal.harness.measure.LoadWindow.Observers.NONE);
  }

  @Test
  void seedNeedsExactlyOneOfScenarioAndDataset() {
    assertThat(run("seed")).isEqualTo(2);
    assertThat(stderr).contains("seed needs either a SCENARIO or --dataset NAME").contains("fix:");
    assertThat(run("seed", "demo", "--dataset", "pgbench")).isEqualTo(2);
    assertThat(run("seed", "--dataset", "tpcc")).isEqualTo(2);
    assertThat(stderr).contains("--dataset tpcc: unknown built-in dataset").contains("--dataset pgbench");
  }

  @Test
  void rowsAndScaleTogetherIsBadInput(@TempDir Path out) {
    assertThat(run("run", "demo", "--rows", "10k", "--scale", "2", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--rows and --scale both given");
    assertThat(run("seed", "--dataset", "pgbench", "--scale", "0")).isEqualTo(2);
    assertThat(stderr).contains("the scale must be greater than 0");
  }

  @Test
  void zeroRateIsBadInput() {
    assertThat(run("run", "demo", "--rate", "0")).isEqualTo(2);
    assertThat(stderr).contains("the rate must be greater than 0");
  }

  @Test
  void unknownProviderIsBadInput(@TempDir Path out) {
    assertThat(run("run", "demo", "--postgres", "docker", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--postgres docker: unknown provider");
  }

  @Test
  void malformedUrlNeverEchoesThePassword(@TempDir Path out) {
    assertThat(run("run", "demo", "--postgres", "jdbc:postgresql://:1/x?password=hunter2", "--out", out.toString()))
        .isEqualTo(2);
    assertThat(stderr).contains("malformed JDBC URL").doesNotContain("hunter2");
  }

  @Test
  void unwritableOutputDirectoryIsBadInput(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertThat(run("run", "demo", "--out", file.resolve("sub").toString())).isEqualTo(2);
    assertThat(stderr).contains("cannot write reports there");
  }

  @Test
  void unknownPgVersionIsBadInput(@TempDir Path out) {
    assertThat(run("run", "demo", "--postgres", "embedded", "--pg-version", "12", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("PostgreSQL 12 has no embedded binaries");
  }
}
