package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static final List<String> CHART_IDS =
      List.of("chart-throughput", "chart-latency", "chart-pool", "chart-blocked");

  @Test
  void hasFourChartsOfTheSameSize() {
    String html = HtmlReport.render(ReportFixture.realistic());

    assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(4);
    for (String id : CHART_IDS) {
      assertThat(html).contains("id=\"" + id + "\"");
    }
    assertThat(all(html, "<svg class=\"chart\" id=\"[^\"]+\" viewBox=\"([^\"]+)\""))
        .containsOnly("0 0 960 220");
  }

  @Test
  void aStandbysLagIsACardAndAChartOnlyWhenARunHadOne() {
    String with = HtmlReport.render(new ReportFixture().withStandby(240).build());
    assertThat(with).contains("id=\"chart-replica-lag\"", "Replica lag (ms)", "<code>peakReplicaLagMs</code>",
        "most a standby fell behind (replay lag)", "240 ms behind in replaying, 60 ms in writing");
    assertThat(count(with, "<svg class=\"chart\"")).isEqualTo(5);

    String without = HtmlReport.render(new ReportFixture().withoutStandby().build());
    assertThat(without).doesNotContain("chart-replica-lag", "Replica lag", "peakReplicaLagMs");
  }

  @Test
  void everyChartShadesTheMigrationWindowAtTheSamePlace() {
    String html = HtmlReport.render(ReportFixture.realistic());

    List<String> bandPositions =
        all(html, "<rect class=\"migration-band\" x=\"([^\"]+)\" y=\"[^\"]+\" width=\"([^\"]+)\"");
    assertThat(bandPositions).hasSize(4);
    assertThat(bandPositions).containsOnly(bandPositions.get(0));
    // 15-18 s on a 0-40 s axis that is 864 px wide starting at 72 px
    assertThat(bandPositions.get(0)).isEqualTo(
        Fmt.coord(72 + 15 * 864 / 40.0) + "|" + Fmt.coord(3 * 864 / 40.0));
  }

  @Test
  void everyChartShadesEachStatementFromItsStartToItsEndWithItsSql() {
    String html = HtmlReport.render(ReportFixture.realistic());

    // statement 1: 15 s, 3,100 ms, on a 0-40 s axis 864 px wide from 72 px
    String band = "<g class=\"statement-band\"><title>statement 1 at 15 s, 3,100 ms: "
        + Html.escape(ReportFixture.ALTER_SQL) + "</title><rect x=\"" + Fmt.coord(72 + 15 * 864 / 40.0)
        + "\" y=\"";
    assertThat(count(html, band)).isEqualTo(4);
    assertThat(html).contains("width=\"" + Fmt.coord(3.1 * 864 / 40.0) + "\"");
  }

  @Test
  void aServerOfAnotherMajorThanThePinnedOneIsSaidBesideTheVersion() {
    ReportFixture fixture = new ReportFixture();
    fixture.server = new RehearsalReport.ServerInfo("embedded", "18.6", java.util.Map.of(), 15);
    assertThat(fixture.server.differsFromPinned()).isTrue();
    assertThat(HtmlReport.render(fixture.build()))
        .contains("PostgreSQL 18.6 · <strong>the scenario pins PostgreSQL 15 (production)</strong>");

    fixture.server = new RehearsalReport.ServerInfo("embedded", "15.19", java.util.Map.of(), 15);
    assertThat(fixture.server.differsFromPinned()).isFalse();
    assertThat(HtmlReport.render(fixture.build())).contains("PostgreSQL 15.19 (pinned by the scenario as production's)");
    assertThat(new RehearsalReport.ServerInfo("external", "16.4 (Debian 16.4-1)", java.util.Map.of()).differsFromPinned())
        .isFalse();
  }

  @Test
  void thePinnedVersionSurvivesJson() throws Exception {
    ReportFixture fixture = new ReportFixture();
    fixture.server = new RehearsalReport.ServerInfo("embedded", "18.6", java.util.Map.of(), 15);
    RehearsalReport report = fixture.build();
    assertThat(ReportJson.toJson(report)).contains("\"pinnedVersion\": 15").doesNotContain("differsFromPinned");
    assertThat(ReportJson.fromJson(ReportJson.toJson(report)).server().pinnedVersion()).isEqualTo(15);
  }

  @Test
  void anInstantStatementStillGetsAVisibleBand() {
    ReportFixture fixture = new ReportFixture();
    fixture.statements = List.of(new RehearsalReport.StatementResult(1, "ALTER TABLE t ADD COLUMN c int", 15.0, 0.4,
        null, null));
    String html = HtmlReport.render(fixture.build());

    assertThat(html).contains("<rect x=\"396.0\" y=\"36.0\" width=\"2.0\" height=");
  }

  @Test
  void verdictComesBeforeTheCharts() {
    String html = HtmlReport.render(ReportFixture.realistic());

    int verdict = html.indexOf("id=\"verdict\">FAIL<");
    assertThat(verdict).isPositive();
    assertThat(verdict).isLessThan(html.indexOf("<svg"));
    assertThat(html.indexOf("Next steps")).isBetween(verdict, html.indexOf("<svg"));
    assertThat(html).contains("<header class=\"verdict fail\">");
  }

  @Test
  void latencyChartIsLogScaleWithDecadeLabelsAndSpikeThreshold() {
    String latency = chart(HtmlReport.render(ReportFixture.realistic()), "chart-latency");

    for (String decade : List.of("1 ms", "10 ms", "100 ms", "1 s", "10 s")) {
      assertThat(latency).contains("text-anchor=\"end\">" + decade + "</text>");
    }
    assertThat(latency).contains("ms (log scale)");
    assertThat(latency).contains("<g class=\"threshold\"><title>spike threshold 40 ms</title>")
        .contains("stroke-dasharray=\"6 4\"");
    for (String legend : List.of(">p50<", ">p95<", ">p99<", ">max<")) {
      assertThat(latency).contains(legend);
    }
  }

  @Test
  void secondWithoutCompletedOperationsIsAGapInTheLatencyLines() {
    String latency = chart(HtmlReport.render(ReportFixture.realistic()), "chart-latency");

    // p99 is null at second 16: one run over seconds 0-15, another over 17-39
    String p99Path = all(latency, "<path class=\"series\" d=\"([^\"]+)\"[^>]*><title>p99<")
        .get(0);
    assertThat(count(p99Path, "M")).isEqualTo(2);
  }

  @Test
  void summaryFiguresCarryUnitsAndBudgetColours() {
    String html = HtmlReport.render(ReportFixture.realistic());

    assertThat(html).contains("<div class=\"value\">4,100 ms</div>")
        .contains("<div class=\"value\">12.5 session·s</div>")
        .contains("<div class=\"figure fail\"><div class=\"value\">12.5 session·s</div>")
        .contains("<div class=\"figure warn\"><div class=\"value\">3</div>");
    for (String metric : List.of("baselineP99Ms", "peakP99Ms", "p99Ratio", "spikeSeconds",
        "blockedSessionSeconds", "longestWaitMs", "longestBlockedWindowMs", "maxSessionsBlocked",
        "poolTimeouts", "poolSaturatedSeconds", "maxPoolWaiting", "errors", "droppedOperations",
        "lostWrites", "migrationDurationMs")) {
      assertThat(html).contains("<code>" + metric + "</code>");
    }
  }

  @Test
  void tablesShowStatementsBudgetsServerAndDataset() {
    String html = HtmlReport.render(ReportFixture.realistic());

    assertThat(html).contains("<table class=\"statements\">", "<table class=\"budgets\">",
        "<table class=\"settings\">", "<table class=\"dataset\">");
    assertThat(html).contains("<span class=\"status fail\">fail</span>")
        .contains("<span class=\"status warn\">warn</span>")
        .contains("<td class=\"num\">2,000,000</td>")
        .contains("<code>shared_buffers</code>");
  }

  @Test
  void pageReferencesNothingOutsideItself() {
    String html = HtmlReport.render(ReportFixture.realistic());

    assertThat(html.toLowerCase()).doesNotContain("http://", "https://", "<script", "src=",
        "href=", "url(", "@import", "xmlns", "<link", "<img", "<iframe", "javascript:");
  }

  @Test
  void everyUserTextIsEscaped() {
    String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>'&amp;";
    String html = HtmlReport.render(new ReportFixture().withTextEverywhere(payload).build());

    assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "onerror=alert(1)>");
    String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x "
        + "onerror=alert(1)&gt;&#39;&amp;amp;";
    assertThat(html).contains(escaped);
    // title, h1 x2, verdict x2, banner, next steps x2, error class, statement sql/state/error,
    // marker tooltips x4, budget metric/action/owner/status x3, server x4, dataset
    assertThat(count(html, escaped)).isGreaterThanOrEqualTo(30);
  }

  @Test
  void backtickedPartsOfNextStepsAreCodeAndStillEscaped() {
    ReportFixture fixture = new ReportFixture();
    fixture.nextSteps = ReportFixture.steps("Set `lock_timeout = '2s'` and retry", "or `<b>` `x");
    String html = HtmlReport.render(fixture.build());

    assertThat(html).contains("<li>Set <code>lock_timeout = &#39;2s&#39;</code> and retry</li>")
        .contains("<li>or <code>&lt;b&gt;</code> `x</li>");
  }

  @Test
  void incompleteRunShowsABannerWithTheFailure() {
    ReportFixture fixture = new ReportFixture();
    fixture.complete = false;
    fixture.failure = "connection to server lost at 31 s";
    String html = HtmlReport.render(fixture.build());

    assertThat(html).contains("INCOMPLETE run").contains("connection to server lost at 31 s");
    assertThat(html.indexOf("INCOMPLETE run")).isLessThan(html.indexOf("<svg"));
    assertThat(HtmlReport.render(ReportFixture.realistic())).doesNotContain("INCOMPLETE");
  }

  @Test
  void emptyTimelineRendersFourChartsWithoutNan() {
    ReportFixture fixture = new ReportFixture();
    fixture.timeline = List.of();
    String html = HtmlReport.render(fixture.build());

    assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(4);
    assertThat(count(html, "no timeline data recorded")).isEqualTo(4);
    assertThat(html).doesNotContain("NaN", "Infinity");
  }

  @Test
  void singleSecondTimelineRendersWithoutNan() {
    ReportFixture fixture = new ReportFixture();
    fixture.timeline = ReportFixture.timeline(1);
    fixture.phases = null;
    fixture.statements = List.of();
    String html = HtmlReport.render(fixture.build());

    assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(4);
    // one second is a step across the whole axis (72 to 936 px), not an invisible point
    assertThat(html).doesNotContain("NaN", "Infinity").contains("<path class=\"series\" d=\"M72.0 ")
        .contains(" H936.0\"");
  }

  @Test
  void aSecondInWhichNothingCompletedIsMarkedOnTheLatencyChart() {
    String latency = chart(HtmlReport.render(ReportFixture.realistic()), "chart-latency");

    assertThat(count(latency, "<rect class=\"stall\"")).isEqualTo(1);
    assertThat(latency).contains("<rect class=\"stall\" x=\"" + Fmt.coord(72 + 16 * 21.6) + "\"")
        .contains("<title>16 s: no request completed while 30 waited for a connection and 12 sessions were blocked")
        .contains(">nothing completed<");
  }

  @Test
  void aLastSecondCutShortEndsWhereTheLoadStopped() {
    ReportFixture fixture = new ReportFixture();
    fixture.phases = new RehearsalReport.Phases(15.0, 15.0, 18.0, 39.25);
    String pool = chart(HtmlReport.render(fixture.build()), "chart-pool");

    // the axis ends at 39.25 s (936 px); the last step runs from 39 s to there, not a second on
    String active = all(pool, "<path class=\"series\" d=\"([^\"]+)\"[^>]*><title>active connections<").get(0);
    assertThat(active).endsWith("H936.0");
    assertThat(active).contains("H" + Fmt.coord(72 + 39 * 864 / 39.25) + " ");
  }

  @Test
  void perSecondValuesAreDrawnAsStepsAcrossTheirSecond() {
    String pool = chart(HtmlReport.render(ReportFixture.realistic()), "chart-pool");

    // 30 requests waited in second 16 (16-17 s) of the 0-40 s axis: 21.6 px a second from 72 px
    String waiting = all(pool, "<path class=\"series\" d=\"([^\"]+)\"[^>]*><title>waiting for a connection<")
        .get(0);
    String y30 = waiting.replaceAll(".*H" + Fmt.coord(72 + 16 * 21.6) + " V([0-9.]+) H" + Fmt.coord(72 + 17 * 21.6)
        + " .*", "$1");
    assertThat(y30).as("second 16 is a level step from 417.6 to 439.2 px").matches("[0-9.]+");
  }

  @Test
  void reportWithMissingPartsStillRenders() {
    RehearsalReport bare = new RehearsalReport(1, null, null, null, null, false, null, null, null, null,
        null, null, null, null, null, null, null, null);

    assertThatCode(() -> HtmlReport.render(bare)).doesNotThrowAnyException();
    assertThat(HtmlReport.render(bare)).contains("NO VERDICT", "INCOMPLETE run")
        .doesNotContain("NaN");
  }

  @Test
  void writesUtf8File(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReport.write(ReportFixture.realistic(), file);

    assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("session·s");
  }

  @Test
  void aDayLongRunMakesAPageNoLargerThanAnHoursAndKeepsItsOneSecondSpike() {
    String hour = HtmlReport.render(longRun(3_600));
    String day = HtmlReport.render(longRun(86_400));

    // beyond one second per pixel the charts draw one step per pixel column: the page stops growing
    assertThat(day.length()).isLessThan(hour.length() * 3 / 2);
    assertThat(day.length()).isLessThan(2_000_000);
    // the one second at 4.1 s p99 is drawn as high as on a short run, where each second has its pixels
    String brief = HtmlReport.render(longRun(600));
    assertThat(highestPoint(day, "p99")).isEqualTo(highestPoint(brief, "p99"));
    assertThat(highestPoint(hour, "p99")).isEqualTo(highestPoint(brief, "p99"));
  }

  /** The smallest y (the highest value) the named latency series reaches. */
  private static double highestPoint(String html, String series) {
    Matcher path = Pattern.compile("<path class=\"series\" d=\"([^\"]+)\"[^>]*><title>" + series + "</title>")
        .matcher(chart(html, "chart-latency"));
    assertThat(path.find()).isTrue();
    double highest = Double.POSITIVE_INFINITY;
    Matcher y = Pattern.compile("(?:M\\S+ |V)([0-9.]+)").matcher(path.group(1));
    while (y.find()) {
      highest = Math.min(highest, Double.parseDouble(y.group(1)));
    }
    return highest;
  }

  /** A run of {@code seconds} at 2 ms p99, but for one second at 4.1 s. */
  private static RehearsalReport longRun(int seconds) {
    ReportFixture fixture = new ReportFixture();
    List<RehearsalReport.TimelineSecond> timeline = new ArrayList<>(seconds);
    for (int s = 0; s < seconds; s++) {
      double p99 = s == 50_000 % seconds ? 4_100.0 : 2.0 + (s % 7) * 0.1;
      timeline.add(new RehearsalReport.TimelineSecond(s, "cooldown", 500, java.util.Map.of(), 0, 1.0, 1.5, p99,
          p99 + 1, java.util.Map.of(), 4, 0, 0, 500.0, 0));
    }
    fixture.timeline = timeline;
    fixture.phases = new RehearsalReport.Phases(15.0, 15.0, 18.0, seconds);
    return fixture.build();
  }

  private static String chart(String html, String id) {
    int start = html.indexOf("<svg class=\"chart\" id=\"" + id + "\"");
    assertThat(start).isNotNegative();
    return html.substring(start, html.indexOf("</svg>", start));
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      count++;
    }
    return count;
  }

  /** Every match of {@code regex}, its groups joined with "|". */
  private static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      StringBuilder groups = new StringBuilder();
      for (int g = 1; g <= m.groupCount(); g++) {
        groups.append(g > 1 ? "|" : "").append(m.group(g));
      }
      found.add(groups.toString());
    }
    return found;
  }
}
