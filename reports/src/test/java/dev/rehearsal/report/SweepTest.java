package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SweepReport.Cell;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  private static Cell cell(int version, long rows, double rate, String verdict) {
    RehearsalReport.Summary s = SummaryFixture.quiet().with("baselineP99Ms", 5).with("peakP99Ms", 2000)
        .with("p99Ratio", 400).with("spikeThresholdMs", 25).with("spikeSeconds", 2)
        .with("blockedSessionSeconds", 20).with("longestWaitMs", 2000).with("longestBlockedWindowMs", 2000)
        .with("maxSessionsBlocked", 10).with("poolTimeouts", 3).with("poolSaturatedSeconds", 2)
        .with("maxPoolWaiting", 100).with("operations", 9000).with("errors", 3)
        .with("healthCheckFailures", SummaryFixture.NULL).with("migrationDurationMs", 2100).build();
    return new Cell(version, rows, rate, verdict, verdict + " headline",
        "pg" + version + "/rows-" + rows + "/rate-" + (long) rate + "/report.json", s);
  }

  private static SweepReport sweep(List<Cell> cells) {
    return SweepMatrix.of("demo", "naive", START, START.plusSeconds(600), List.of(15, 18),
        List.of(1_000_000L, 10_000_000L), List.of(100.0, 500.0), cells);
  }

  @Test
  void theHeadlineNamesTheSmallestLoadThatFailsOnEachVersion() {
    SweepReport s = sweep(List.of(
        cell(15, 1_000_000, 100, "pass"), cell(15, 1_000_000, 500, "fail"),
        cell(15, 10_000_000, 100, "fail"), cell(15, 10_000_000, 500, "fail"),
        cell(18, 1_000_000, 100, "pass"), cell(18, 1_000_000, 500, "warn"),
        cell(18, 10_000_000, 100, "pass"), cell(18, 10_000_000, 500, "warn")));

    assertThat(s.headline()).isEqualTo("PG 15: fails from 1,000,000 rows at 500 ops/s (1 of 4 cells pass); "
        + "PG 18: warns from 1,000,000 rows at 500 ops/s (2 of 4 cells pass).");
    assertThat(s.differences()).containsExactly(
        "1,000,000 rows at 500 ops/s: PG 15 fail, PG 18 warn",
        "10,000,000 rows at 100 ops/s: PG 15 fail, PG 18 pass",
        "10,000,000 rows at 500 ops/s: PG 15 fail, PG 18 warn");
  }

  @Test
  void theMatrixPageHasACellPerCombinationLinkedToItsReport() {
    SweepReport s = sweep(List.of(cell(18, 1_000_000, 100, "pass"), cell(18, 1_000_000, 500, "fail")));

    String html = SweepHtml.render(s, c -> "pg18/rows-" + c.rows() + "/rate-" + (long) c.rate() + "/report.html");

    assertThat(html).contains("id=\"verdict\">FAILS SOMEWHERE<", "id=\"matrix-pg18\"",
        "<th>100 ops/s</th><th>500 ops/s</th>", "<th>1,000,000</th>",
        "<td class=\"cell fail\"><a href=\"pg18/rows-1000000/rate-500/report.html\">")
        .contains("default-src 'none'").doesNotContain("<script");
    assertThat(s.headline()).isEqualTo("PG 18: fails from 1,000,000 rows at 500 ops/s (1 of 2 cells pass).");
  }

  @Test
  void namesAreEscapedAndTheJsonRoundTrips() throws Exception {
    SweepReport s = SweepMatrix.of("<script>alert(1)</script>", "<img src=x>", START, START, List.of(18),
        List.of(1L), List.of(1.0), List.of(cell(18, 1, 1, "pass")));

    assertThat(SweepHtml.render(s, c -> "x").toLowerCase()).doesNotContain("<script", "<img");
    assertThat(ReportJson.sweepFromJson(ReportJson.toJson(s))).isEqualTo(s);
  }
}
