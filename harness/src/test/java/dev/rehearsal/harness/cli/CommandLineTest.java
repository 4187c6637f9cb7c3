package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(stderr).contains("--rate 100.0,500.0: this command takes one value")
        .contains("rehearse sweep SCENARIO --rate A,B,...");
    assertThat(run("compare", "demo", "--pg-version", "17,18", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr).contains("--pg-version 17,18: this command takes one value");
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
