package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  private static Summary summary(double blockedSessionSeconds, double peakP99Ms, long errors, double migrationMs) {
    return SummaryFixture.quiet().with("baselineP99Ms", 8).with("peakP99Ms", peakP99Ms)
        .with("p99Ratio", peakP99Ms / 8).with("spikeThresholdMs", 28)
        .with("blockedSessionSeconds", blockedSessionSeconds).with("operations", 9000).with("errors", errors)
        .with("healthCheckFailures", SummaryFixture.NULL).with("migrationDurationMs", migrationMs)
        .with("peakReplicaLagMs", SummaryFixture.NULL).build();
  }

  private static RehearsalReport report(String strategy, String verdict, Summary summary, String... budgetStatuses) {
    ReportFixture f = new ReportFixture();
    f.strategy = strategy;
    f.verdict = new Verdict(verdict, verdict.equals("pass") ? "every budget held" : strategy + " breached");
    f.summary = summary;
    f.budgets = java.util.Arrays.stream(budgetStatuses)
        .map(s -> new BudgetResult("peakP99Ms", 1000.0, 5000.0, summary.peakP99Ms(), s, "act", "owner")).toList();
    return f.build();
  }

  @Test
  void verdictRanksFirstThenBudgetsThenWhatTheApplicationFelt() {
    RehearsalReport naive = report("naive", "fail", summary(20, 2000, 3, 2000), "fail");
    RehearsalReport slowSafe = report("batched", "pass", summary(0.5, 30, 0, 60_000), "pass");
    RehearsalReport fastSafe = report("concurrent", "pass", summary(0.1, 25, 0, 9_000), "pass");
    RehearsalReport warned = report("retry", "warn", summary(0, 10, 0, 100), "warn");

    assertThat(StrategyRanking.rank(List.of(naive, slowSafe, warned, fastSafe)))
        .extracting(RehearsalReport::strategy).containsExactly("concurrent", "batched", "retry", "naive");
  }

  @Test
  void lessBlockedTimeBeatsAShorterMigrationAndAnIncompleteRunRanksLast() {
    RehearsalReport blocking = report("rewrite", "pass", summary(3, 40, 0, 1_000), "pass");
    RehearsalReport gentle = report("expand-contract", "pass", summary(0, 40, 0, 90_000), "pass");
    ReportFixture f = new ReportFixture();
    f.strategy = "broken";
    f.complete = false;
    f.verdict = new Verdict("pass", "every budget held");
    f.summary = summary(0, 1, 0, 1);
    f.budgets = List.of();

    assertThat(StrategyRanking.rank(List.of(f.build(), blocking, gentle))).extracting(RehearsalReport::strategy)
        .containsExactly("expand-contract", "rewrite", "broken");
  }

  @Test
  void theRecommendationIsTheBestStrategyWithinItsCriticalBudgets() {
    ComparisonReport c = StrategyRanking.compare(List.of(
        report("naive", "fail", summary(20, 2000, 3, 2000), "fail"),
        report("retry", "warn", summary(1, 300, 0, 2100), "warn")), r -> r.strategy() + "/report.json", START,
        START.plusSeconds(95));

    assertThat(c.recommended()).isEqualTo("retry");
    assertThat(c.headline()).isEqualTo("retry warns (peakP99Ms 300); naive fails (peakP99Ms 2,000).");
    assertThat(c.ranking()).extracting(ComparisonReport.Ranked::rank, ComparisonReport.Ranked::strategy,
        ComparisonReport.Ranked::report).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "retry", "retry/report.json"),
            org.assertj.core.groups.Tuple.tuple(2, "naive", "naive/report.json"));
    assertThat(c.datasetFingerprint()).isEqualTo("bcd3baea0213d048");
  }

  @Test
  void whenEveryStrategyFailsThereIsNoRecommendation() {
    ComparisonReport c = StrategyRanking.compare(List.of(report("a", "fail", summary(1, 1, 1, 1), "fail"),
        report("b", "fail", summary(2, 1, 1, 1), "fail")), r -> "x", START, START);

    assertThat(c.recommended()).isNull();
    assertThat(c.headline()).startsWith("No strategy stayed within its critical budgets: a fails");
    assertThat(ComparisonHtml.render(c, List.of(), s -> s)).contains("id=\"verdict\">NO STRATEGY WITHIN BUDGET<");
  }

  @Test
  void theComparisonPageLeadsWithTheChoiceAndOverlaysEveryStrategyAlignedOnItsMigration() {
    RehearsalReport naive = report("naive", "fail", summary(20, 2000, 3, 2000), "fail");
    RehearsalReport safe = report("safe", "pass", summary(0, 30, 0, 9_000), "pass");
    ComparisonReport c = StrategyRanking.compare(List.of(naive, safe), r -> r.strategy() + "/report.json", START,
        START.plusSeconds(95));

    String html = ComparisonHtml.render(c, List.of(naive, safe), s -> s + "/report.html");

    assertThat(html.indexOf("id=\"verdict\">USE safe<")).isPositive().isLessThan(html.indexOf("id=\"ranking\""));
    assertThat(html.indexOf("id=\"ranking\"")).isLessThan(html.indexOf("id=\"chart-compare-p99\""));
    assertThat(html).contains("<a href=\"safe/report.html\">safe</a>", "id=\"chart-compare-blocked\"",
        "seconds since the migration started");
    // the fixture's migration starts at 15 s of a 40 s timeline: the axis runs from -15 s
    assertThat(html).contains(">-15 s<");
    // a failed budget on peakP99Ms colours naive's peak p99 cell
    assertThat(html).contains("<td class=\"num fail\">2,000 ms</td>");
    assertThat(html).contains("default-src 'none'").doesNotContain("<script", "http://", "https://");
  }

  @Test
  void hostileStrategyNamesRenderInert() {
    String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
    RehearsalReport hostile = report(payload, "fail", summary(20, 2000, 3, 2000), "fail");
    ComparisonReport c = StrategyRanking.compare(List.of(hostile), r -> "x/report.json", START, START);

    String html = ComparisonHtml.render(c, List.of(hostile), s -> s);
    String md = MarkdownSummary.renderComparison(c, List.of(hostile));

    assertThat(html.toLowerCase()).doesNotContain("<script", "<img");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(md).doesNotContain("<script", "<img");
  }

  @Test
  void theComparisonFilesRoundTripAndCoverEveryStrategy(@TempDir Path dir) throws Exception {
    RehearsalReport naive = report("naive", "fail", summary(20, 2000, 3, 2000), "fail");
    RehearsalReport safe = report("safe", "pass", summary(0, 30, 0, 9_000), "pass");
    ComparisonReport c = StrategyRanking.compare(List.of(naive, safe), r -> r.strategy() + "/report.json", START,
        START.plusSeconds(95));

    List<Path> files = ReportFiles.writeComparison(c, List.of(naive, safe), s -> s, dir);

    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("comparison.json", "comparison.html", "junit.xml", "summary.md");
    assertThat(ReportJson.comparisonFromJson(Files.readString(dir.resolve("comparison.json")))).isEqualTo(c);
    String junit = Files.readString(dir.resolve("junit.xml"));
    assertThat(junit).contains("name=\"rehearsal.add-column-not-null.safe\"",
        "name=\"rehearsal.add-column-not-null.naive\"");
    assertThat(junit.indexOf(".safe\"")).isLessThan(junit.indexOf(".naive\""));
    String md = Files.readString(dir.resolve("summary.md"));
    assertThat(md).startsWith("## Rehearsal comparison: add-column-not-null\n\n**safe passes; naive fails")
        .contains("| 1 | safe | PASS | 0 | 0 ms | 30 ms | 0 | 0 | 0 | 9,000 ms |");
  }

  /** A backfill strategy's report with a standby: its lag, WAL rate, batches, and the lag budget. */
  private static RehearsalReport lagging(String strategy, double lagMs, long walBytesPerSecond, Integer batches) {
    ReportFixture f = new ReportFixture();
    f.strategy = strategy;
    f.verdict = new Verdict(lagMs < 500 ? "pass" : "warn", strategy);
    f.summary = SummaryFixture.quiet().with("baselineP99Ms", 8).with("peakP99Ms", 30.0)
        .with("healthCheckFailures", SummaryFixture.NULL).with("peakReplicaLagMs", lagMs)
        .with("peakWalBytesPerSecond", walBytesPerSecond).with("migrationDurationMs", 9_000.0).build();
    f.budgets = List.of(new BudgetResult("peakReplicaLagMs", 500.0, null, lagMs, lagMs < 500 ? "pass" : "warn",
        "longer pauses", "owner"));
    f.statements = List.of(new RehearsalReport.StatementResult(1, "UPDATE users SET email_lower = lower(email)",
        12.0, 9_000, null, null, "up", "step 1", batches == null ? "sql" : "backfill", null, null, null, 1, 0,
        200_000L, batches, true, List.of(), List.of(), null, null, null));
    return f.build();
  }

  @Test
  void theHeadlineSaysWhichStrategiesKeptTheStandbyWithinTheLagBudgetMeasured() {
    List<RehearsalReport> reports = List.of(lagging("one-update", 1_004, 48_000_000L, null),
        lagging("batches-10k", 159, 22_900_000L, 20), lagging("batches-100k", 646, 35_000_000L, 2));
    ComparisonReport c = StrategyRanking.compare(reports, r -> r.strategy() + "/report.json", START, START);
    assertThat(c.headline()).endsWith("Replica lag, against the 500 ms peakReplicaLagMs budget: within it "
        + "batches-10k 159 ms (10,000 rows a batch, one every 450 ms, WAL 22.9 MB/s at peak); over it batches-100k "
        + "646 ms (100,000 rows a batch, one every 4,500 ms, WAL 35.0 MB/s at peak), one-update 1,004 ms (WAL 48.0 "
        + "MB/s at peak).");
    String html = ComparisonHtml.render(c, reports, s -> s + "/report.html");
    assertThat(html).contains("<th>peak replica lag</th>", "<th>peak WAL rate</th>", "1,004 ms", "22.9 MB/s");
  }

  @Test
  void withoutAStandbyNothingIsSaidOfReplicaLag() {
    RehearsalReport a = report("naive", "fail", summary(20, 2000, 3, 2000), "fail");
    RehearsalReport b = report("batched", "pass", summary(0.5, 30, 0, 60_000), "pass");
    ComparisonReport c = StrategyRanking.compare(List.of(a, b), r -> r.strategy(), START, START);
    assertThat(c.headline()).doesNotContain("Replica lag");
    assertThat(ComparisonHtml.render(c, List.of(a, b), s -> s)).doesNotContain("peak replica lag");
  }
}
