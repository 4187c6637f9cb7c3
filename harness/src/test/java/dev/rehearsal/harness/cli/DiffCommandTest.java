package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.report.SummaryFixture;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse diff} in-process, on report.json files written into a temporary directory. */
class DiffCommandTest {

  @TempDir Path dir;

  private String stdout;
  private String stderr;

  private int run(String... args) {
    CapturedRun run = CapturedRun.of(args);
    stdout = run.stdout();
    stderr = run.stderr();
    return run.exit();
  }

  /** A finished rehearsal of {@code strategy}: peak p99 and pool timeouts as given, budgets judged on them. */
  private static RehearsalReport report(String scenario, String strategy, double peakP99Ms, long poolTimeouts) {
    Summary summary = SummaryFixture.quiet().with("baselineP99Ms", 8.0).with("peakP99Ms", peakP99Ms)
        .with("p99Ratio", peakP99Ms / 8.0).with("spikeThresholdMs", 40.0).with("spikeSeconds", 2)
        .with("blockedSessionSeconds", 1.5).with("longestWaitMs", 900.0).with("longestBlockedWindowMs", 950.0)
        .with("maxSessionsBlocked", 4).with("poolTimeouts", poolTimeouts).with("poolSaturatedSeconds", 2)
        .with("maxPoolWaiting", 12).with("operations", 17_500).with("errors", poolTimeouts)
        .with("errorsByClass", Map.of("poolTimeout", poolTimeouts))
        .with("healthCheckFailures", SummaryFixture.NULL).with("migrationDurationMs", 1_200.0).build();
    String pool = poolTimeouts >= 10 ? "fail" : poolTimeouts >= 1 ? "warn" : "pass";
    List<BudgetResult> budgets = List.of(
        new BudgetResult("peakP99Ms", 1000.0, 5000.0, true, peakP99Ms, peakP99Ms > 1000 ? "warn" : "pass",
            "set lock_timeout", "team-db"),
        new BudgetResult("poolTimeouts", 1.0, 10.0, poolTimeouts, pool, "raise the pool size", "team-api"),
        new BudgetResult("healthCheckFailures", null, 1.0, Double.NaN, "unmeasured", null, null));
    String verdict = pool.equals("fail") ? "fail" : pool.equals("warn") || peakP99Ms > 1000 ? "warn" : "pass";
    return new RehearsalReport(RehearsalReport.SCHEMA_VERSION, scenario, strategy,
        Instant.parse("2026-01-10T02:00:00Z"), Instant.parse("2026-01-10T02:01:00Z"), true,
        new RehearsalReport.ServerInfo("embedded", "18.6", Map.of()), List.of(), null, null, List.of(), List.of(),
        summary, null, budgets, new RehearsalReport.Verdict(verdict, verdict), List.of(), null);
  }

  private Path write(String relative, RehearsalReport report) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    ReportJson.write(report, file);
    return file;
  }

  private String path(String relative) {
    return dir.resolve(relative).toString();
  }

  @Test
  void noChangeExitsZeroWithTheOutcomeFirst() throws Exception {
    write("last/report.json", report("demo", "naive", 800, 3));
    write("now/report.json", report("demo", "naive", 820, 3));

    assertThat(run("diff", path("last"), path("now/report.json"))).isZero();
    assertThat(stdout).startsWith("## NO REGRESSION: no budget newly fails, no figure got worse beyond tolerance\n")
        .contains("### Strategy naive: verdict WARN (unchanged)\n")
        .contains("Unchanged: 34 figures within tolerance; 3 budgets with the same status; "
            + "not measured on either side: healthCheckFailures.");
    assertThat(stderr).isEmpty();
  }

  @Test
  void aNewlyFailingBudgetExitsOne() throws Exception {
    write("last/report.json", report("demo", "naive", 800, 3));
    write("now/report.json", report("demo", "naive", 800, 12));

    assertThat(run("diff", path("last"), path("now"))).isEqualTo(1);
    assertThat(stdout).startsWith("## REGRESSION: budget poolTimeouts newly fails for strategy naive\n")
        .contains("### Strategy naive: verdict WARN -> **FAIL**\n")
        .contains("| poolTimeouts | 3 | 12 | +9 (+300%) | **worse** |\n")
        .contains("| poolTimeouts | WARN (3) | FAIL (12) | **newly fails** | warn ≥ 1, critical ≥ 10 |\n");
  }

  @Test
  void worseFiguresExitZeroUnlessAskedAndToleranceCanExcuseThem() throws Exception {
    write("last/report.json", report("demo", "naive", 800, 0));
    write("now/report.json", report("demo", "naive", 960, 0));

    assertThat(run("diff", path("last"), path("now"))).isZero();
    assertThat(stdout).startsWith("## WORSE: peakP99Ms +20% for strategy naive; p99Ratio +20% for strategy naive; "
        + "no budget newly fails\n");
    assertThat(run("diff", path("last"), path("now"), "--fail-on-regression")).isEqualTo(1);
    assertThat(run("diff", path("last"), path("now"), "--fail-on-regression",
        "--tolerance", "peakP99Ms=25%,p99Ratio=25%")).isZero();
    assertThat(stdout).startsWith("## NO REGRESSION").contains("--tolerance peakP99Ms=25%,p99Ratio=25%");
    assertThat(run("diff", path("last"), path("now"), "--fail-on-regression", "--tolerance", "25%")).isZero();
  }

  @Test
  void jsonIsWrittenBesideTheMarkdown() throws Exception {
    write("last/report.json", report("demo", "naive", 800, 3));
    write("now/report.json", report("demo", "naive", 800, 12));

    assertThat(run("diff", path("last"), path("now"), "--json", path("out/diff.json"))).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/diff.json").toFile());
    assertThat(json.get("outcome").asText()).isEqualTo("regression");
    assertThat(json.get("headline").asText()).isEqualTo("REGRESSION: budget poolTimeouts newly fails for strategy naive");
    assertThat(json.get("strategies").get(0).get("budgets").get(1).get("change").asText()).isEqualTo("newly-fails");
    assertThat(stdout).startsWith("## REGRESSION");
  }

  @Test
  void compareDirectoriesPairByStrategyAndListAddedAndRemoved() throws Exception {
    write("last/naive/report.json", report("demo", "naive", 800, 3));
    write("last/old/report.json", report("demo", "old", 800, 0));
    write("now/naive/report.json", report("demo", "naive", 800, 3));
    write("now/expand-contract/report.json", report("demo", "expand-contract", 300, 0));

    assertThat(run("diff", path("last"), path("now"))).isZero();
    assertThat(stdout).contains("### Strategy naive: verdict WARN (unchanged)")
        .contains("### Strategies only in the current run (added)\n\n- expand-contract: verdict PASS")
        .contains("### Strategies only in the baseline (removed)\n\n- old: verdict PASS");
  }

  @Test
  void differentScenariosAreSaidOnStderrAndStillDiffed() throws Exception {
    write("last/report.json", report("demo", "naive", 800, 3));
    write("now/report.json", report("pgbench", "naive", 800, 3));

    assertThat(run("diff", path("last"), path("now"))).isZero();
    assertThat(stderr).isEqualTo("warning: different scenarios: the baseline is demo, the current run pgbench; "
        + "compared anyway, strategy by strategy" + System.lineSeparator());
    assertThat(stdout).startsWith("## NO REGRESSION").contains("**Note:** different scenarios");
  }

  @Test
  void missingFilesAndNonReportsAreBadInput() throws Exception {
    Path good = write("now/report.json", report("demo", "naive", 800, 3));

    assertThat(run("diff", path("nope"), good.toString())).isEqualTo(2);
    assertThat(stderr).startsWith("error: BASELINE " + path("nope") + ": no such file or directory\n  fix: pass a report.json");
    assertThat(stdout).isEmpty();

    Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThat(run("diff", good.toString(), path("notes.txt"))).isEqualTo(2);
    assertThat(stderr).contains("error: CURRENT " + path("notes.txt") + ": not a Rehearsal report: Unrecognized token 'hello'")
        .contains("fix: pass a report.json written by rehearse");

    Files.writeString(dir.resolve("newer.json"), "{\"schemaVersion\": 3, \"strategy\": \"naive\"}");
    assertThat(run("diff", path("newer.json"), good.toString())).isEqualTo(2);
    assertThat(stderr).contains("report has schemaVersion 3 but this Rehearsal reads schemaVersion 2 or older");

    assertThat(run("diff", good.toString())).isEqualTo(2);
    assertThat(stderr).contains("Missing required parameter: 'CURRENT'");
  }

  @Test
  void nothingToPairIsBadInput() throws Exception {
    write("last/a/report.json", report("demo", "a", 800, 3));
    write("now/b/report.json", report("demo", "b", 800, 3));

    assertThat(run("diff", path("last"), path("now"))).isEqualTo(2);
    assertThat(stderr).contains("error: nothing to compare: no strategy is on both sides").contains("fix:");
  }

  @Test
  void badTolerancesAreBadInputThatListsTheMetrics() throws Exception {
    Path good = write("now/report.json", report("demo", "naive", 800, 3));

    assertThat(run("diff", good.toString(), good.toString(), "--tolerance", "p99=50%")).isEqualTo(2);
    assertThat(stderr).startsWith("error: --tolerance p99=50%: unknown metric 'p99'\n  fix: name one of ")
        .contains("peakP99Ms").contains("blockedSessionSeconds");
    assertThat(run("diff", good.toString(), good.toString(), "--tolerance", "peakP99Ms=lots")).isEqualTo(2);
    assertThat(stderr).contains("'lots' is not a tolerance");
    assertThat(stdout).isEmpty();
  }

  @Test
  void helpShowsTheToleranceSyntax() {
    assertThat(run("diff", "--help")).isZero();
    assertThat(stdout).contains("Usage: rehearse diff").contains("25% (every figure)").contains("--fail-on-regression");
    assertThat(stderr).doesNotContain("WARN");
  }

  @Test
  void twoSingleReportsOfDifferentStrategiesAreComparedWithANote() throws Exception {
    write("naive/report.json", report("demo", "naive", 4_000, 12));
    write("expand/report.json", report("demo", "expand-contract", 300, 0));

    assertThat(run("diff", path("naive"), path("expand"))).isZero();
    assertThat(stderr).contains("warning: different strategies: naive in the baseline, expand-contract in the current run");
    assertThat(stdout).startsWith("## NO REGRESSION").contains("### Strategy expand-contract (baseline: strategy naive): "
        + "verdict FAIL -> **PASS**");
  }
}
