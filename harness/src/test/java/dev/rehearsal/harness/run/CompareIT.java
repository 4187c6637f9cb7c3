package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.cli.RehearseCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse compare} end to end on the embedded server without the seed cache (so the
 * untouched copy of the data is made in place): two strategies of the same ALTER behind a
 * report query, each on its own clone of identical data, ranked.
 */
class CompareIT {

  @TempDir
  static Path out;
  static int exitCode;
  static JsonNode comparison;
  static JsonNode naive;
  static JsonNode retry;
  static String console;

  @BeforeAll
  static void compare() throws Exception {
    Path scenario = Path.of(CompareIT.class.getResource("/scenarios/compare-two.yaml").toURI());
    // an earlier `run` into the same --out: its report must not sit beside the comparison
    OutputDirectory.record(out, List.of(Files.writeString(out.resolve("report.html"), "an earlier run"),
        Files.writeString(out.resolve("report.json"), "{}")));
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(new OutputStream() { // the console, kept for a look and still shown
      @Override
      public void write(int b) {
        captured.write(b);
        err.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        captured.write(b, off, len);
        err.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8));
    try {
      exitCode = RehearseCommand.execute("compare", scenario.toString(), "--postgres", "embedded", "--no-seed-cache",
          "--out", out.toString());
    } finally {
      System.setErr(err);
    }
    console = captured.toString(StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    comparison = json.readTree(out.resolve("comparison.json").toFile());
    naive = json.readTree(out.resolve("add-column-default/report.json").toFile());
    retry = json.readTree(out.resolve("lock-timeout-retry/report.json").toFile());
  }

  @Test
  void everyStrategyHasItsOwnReportsAndTheComparisonCoversThemAll() {
    assertThat(exitCode).as("a strategy stayed within its critical budgets").isZero();
    for (String strategy : List.of("add-column-default", "lock-timeout-retry")) {
      for (String f : List.of("report.json", "report.html", "junit.xml", "summary.md", "latency.hlog")) {
        assertThat(out.resolve(strategy).resolve(f)).isNotEmptyFile();
      }
    }
    for (String f : List.of("comparison.json", "comparison.html", "junit.xml", "summary.md")) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    assertThat(out.resolve("report.html")).as("the earlier run's report, listed by it, is gone").doesNotExist();
    assertThat(out.resolve("report.json")).doesNotExist();
  }

  @Test
  void secondsInWhichNothingCompletedPrintAsAStallNeverAsAFastPercentile() {
    // the naive ALTER queues every query of users behind the report query for ~2 s
    assertThat(console).contains("migration stalled: 0 completed, pool 10/10 busy, ");
    assertThat(console.lines()).noneMatch(l -> l.matches("\\s*t=\\s*\\d+s .*\\s0 ops  p99 .*"));
  }

  @Test
  void bothStrategiesRanOnIdenticalFreshData() {
    assertThat(naive.at("/seed/fingerprint").asText()).isNotBlank()
        .isEqualTo(retry.at("/seed/fingerprint").asText())
        .isEqualTo(comparison.get("datasetFingerprint").asText());
    // each ALTER found the table without the column: neither ran on the other's leftovers
    assertThat(naive.at("/statements/0/error").isNull()).isTrue();
    assertThat(retry.at("/statements/0/error").isNull()).isTrue();
    assertThat(retry.at("/seed/cloneMillis").isNumber()).isTrue();
  }

  @Test
  void theLockTimeoutStrategyRanksFirstBecauseItBlockedLess() {
    assertThat(retry.at("/statements/0/attempts").asInt()).isGreaterThan(1);
    double naiveBlocked = naive.at("/summary/blockedSessionSeconds").asDouble();
    double retryBlocked = retry.at("/summary/blockedSessionSeconds").asDouble();
    assertThat(naiveBlocked).isGreaterThan(2.0);
    assertThat(retryBlocked).isLessThan(naiveBlocked);
    assertThat(naive.at("/summary/longestWaitMs").asDouble()).isGreaterThan(800);
    assertThat(retry.at("/summary/longestWaitMs").asDouble()).isLessThan(400);
    assertThat(comparison.at("/ranking/0/strategy").asText()).isEqualTo("lock-timeout-retry");
    assertThat(comparison.at("/ranking/1/strategy").asText()).isEqualTo("add-column-default");
    assertThat(comparison.get("recommended").asText()).isEqualTo("lock-timeout-retry");
    assertThat(comparison.at("/ranking/1/report").asText()).isEqualTo("add-column-default/report.json");
  }

  @Test
  void theComparisonPageAndTheCiFilesNameBothStrategies() throws Exception {
    String html = Files.readString(out.resolve("comparison.html"));
    assertThat(html).contains("id=\"verdict\">USE lock-timeout-retry<", "href=\"add-column-default/report.html\"",
        "id=\"chart-compare-p99\"");
    String junit = Files.readString(out.resolve("junit.xml"));
    assertThat(junit).contains("rehearsal.compare-two.lock-timeout-retry", "rehearsal.compare-two.add-column-default");
    assertThat(Files.readString(out.resolve("summary.md"))).startsWith("## Rehearsal comparison: compare-two");
  }

  @Test
  void eachStrategyOnItsOwnRunnerMergesIntoTheSameComparison(@TempDir Path work) throws Exception {
    Path scenario = Path.of(CompareIT.class.getResource("/scenarios/compare-two.yaml").toURI());
    for (String cell : List.of("add-column-default", "lock-timeout-retry")) {
      assertThat(RehearseCommand.execute("compare", scenario.toString(), "--postgres", "embedded", "--no-seed-cache",
          "--cell", cell, "--out", work.resolve("runner-" + cell).toString())).isIn(0, 1);
    }
    assertThat(RehearseCommand.execute("merge", work.resolve("runner-add-column-default").toString(),
        work.resolve("runner-lock-timeout-retry").toString(), "--out", work.resolve("merged").toString())).isZero();

    JsonNode merged = new ObjectMapper().readTree(work.resolve("merged/comparison.json").toFile());
    assertThat(merged.get("recommended").asText()).isEqualTo(comparison.get("recommended").asText());
    assertThat(merged.at("/ranking/0/strategy").asText()).isEqualTo("lock-timeout-retry");
    assertThat(merged.at("/ranking/1/report").asText()).isEqualTo("add-column-default/report.json");
    // seeded apart, on identical data all the same
    assertThat(merged.get("datasetFingerprint").asText()).isEqualTo(comparison.get("datasetFingerprint").asText());
    assertThat(Files.readString(work.resolve("merged/comparison.html"))).contains("href=\"add-column-default/report.html\"");
    assertThat(Files.readString(work.resolve("merged/junit.xml"))).contains("rehearsal.compare-two.lock-timeout-retry",
        "rehearsal.compare-two.add-column-default");
    assertThat(work.resolve("merged/lock-timeout-retry/report.html")).isRegularFile();
  }
}
