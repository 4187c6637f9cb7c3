package dev.rehearsal.report;

import dev.rehearsal.report.ComparisonReport.Ranked;
import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * comparison.html: the strategies of one scenario side by side, best first. It leads with which
 * strategy to use and why the others lost, then the figures in one table (a cell coloured when its
 * budget warned or failed), then p99 latency and blocked sessions of every strategy overlaid on
 * one axis aligned on the migration's start, then each strategy's first next steps. Same rules as
 * report.html: one file, no script, nothing fetched, every outside text escaped.
 */
public final class ComparisonHtml {

  private static final String[] COLOURS = {"#1a7f37", "#cf222e", "#0969da", "#8250df", "#bc4c00", "#57606a"};

  /**
   * A figure compared: its metric, column heading and unit, the factor from the metric's own unit to
   * the column's, and whether the column is left out when no strategy measured it (a standby's lag).
   */
  private record Column(String metric, String heading, String unit, double scale, boolean onlyWhenMeasured) {
    Column(String metric, String heading, String unit) {
      this(metric, heading, unit, 1, false);
    }
  }

  /** The figures compared, in table order. */
  private static final List<Column> COLUMNS = List.of(
      new Column("blockedSessionSeconds", "blocked", "session·s"),
      new Column("longestWaitMs", "longest lock wait", "ms"),
      new Column("peakP99Ms", "peak p99", "ms"),
      new Column("spikeSeconds", "seconds in spike", "s"),
      new Column("poolTimeouts", "pool timeouts", ""),
      new Column("errors", "failed operations", ""),
      new Column("lostWrites", "lost writes", ""),
      new Column("migrationDurationMs", "migration took", "ms"),
      new Column("peakWalBytesPerSecond", "peak WAL rate", "MB/s", 1e-6, true),
      new Column("peakReplicaLagMs", "peak replica lag", "ms", 1, true));

  private ComparisonHtml() {}

  /**
   * @param reports every strategy's full report (for the overlaid timelines), any order
   * @param reportHtml link to a strategy's own report.html, relative to comparison.html
   */
  public static String render(ComparisonReport comparison, List<RehearsalReport> reports,
      Function<String, String> reportHtml) {
    Map<String, RehearsalReport> byStrategy = new HashMap<>();
    reports.forEach(r -> byStrategy.put(r.strategy(), r));
    List<Ranked> ranking = Nulls.list(comparison.ranking());
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(Html.CONTENT_SECURITY_POLICY)
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape("Rehearsal comparison: " + Nulls.text(comparison.scenario())))
        .append("</title>\n<style>\n").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
    page.append("<h1>").append(Html.escape(comparison.scenario()))
        .append(" <span class=\"muted\">/ ").append(ranking.size()).append(" strategies compared</span></h1>\n")
        .append("<p class=\"meta\">identical data in every run (fingerprint <code>")
        .append(Html.escape(comparison.datasetFingerprint())).append("</code>)");
    if (comparison.server() != null) {
      page.append(" · PostgreSQL ").append(Html.escape(comparison.server().version())).append(" (")
          .append(Html.escape(comparison.server().provider())).append(')');
    }
    page.append(" · took ").append(Html.escape(Fmt.elapsed(comparison.startedAt(), comparison.finishedAt())))
        .append("</p>\n");
    verdict(page, comparison, ranking);
    table(page, ranking, reportHtml);
    charts(page, ranking, byStrategy);
    nextSteps(page, ranking);
    page.append("<footer>Rehearsal comparison, schema version ").append(comparison.schemaVersion())
        .append(". Each strategy's full report is linked from the table.</footer>\n</main>\n</body>\n</html>\n");
    return page.toString();
  }

  /** Writes {@link #render} to {@code file} as UTF-8. */
  public static void write(ComparisonReport comparison, List<RehearsalReport> reports,
      Function<String, String> reportHtml, Path file) throws IOException {
    Files.writeString(file, render(comparison, reports, reportHtml), StandardCharsets.UTF_8);
  }

  private static void verdict(StringBuilder page, ComparisonReport comparison, List<Ranked> ranking) {
    String recommended = comparison.recommended();
    String status = recommended == null ? "fail" : ranking.stream()
        .filter(r -> recommended.equals(r.strategy())).map(r -> Html.statusClass(r.verdict())).findFirst()
        .orElse("unknown");
    page.append("<header class=\"verdict ").append(status).append("\">\n<div class=\"verdict-status\" id=\"verdict\">")
        .append(recommended == null ? "NO STRATEGY WITHIN BUDGET" : "USE " + Html.escape(recommended))
        .append("</div>\n<p class=\"headline\">").append(Html.prose(comparison.headline())).append("</p>\n</header>\n");
  }

  private static void table(StringBuilder page, List<Ranked> ranking, Function<String, String> reportHtml) {
    List<Map<String, Double>> figures = new ArrayList<>();
    for (Ranked r : ranking) {
      figures.add(r.summary() == null ? Map.of() : MetricCatalogue.figures(r.summary()));
    }
    List<Column> columns = COLUMNS.stream().filter(c -> !c.onlyWhenMeasured()
        || figures.stream().anyMatch(f -> f.get(c.metric()) != null && Double.isFinite(f.get(c.metric())))).toList();
    page.append("<h2>Strategies, best first</h2>\n<table class=\"comparison\" id=\"ranking\">\n<tr><th>#</th>")
        .append("<th>strategy</th><th>verdict</th>");
    for (Column column : columns) {
      page.append("<th>").append(Html.escape(column.heading())).append("</th>");
    }
    page.append("</tr>\n");
    for (int i = 0; i < ranking.size(); i++) {
      Ranked r = ranking.get(i);
      page.append("<tr><td class=\"num\">").append(r.rank()).append("</td><td class=\"name\"><a href=\"")
          .append(Html.escape(reportHtml.apply(r.strategy()))).append("\">").append(Html.escape(r.strategy()))
          .append("</a>").append(r.complete() ? "" : " <span class=\"status fail\">incomplete</span>")
          .append("</td><td><span class=\"status ").append(Html.statusClass(r.verdict())).append("\">")
          .append(Html.escape(r.verdict() == null ? "" : r.verdict().toUpperCase(java.util.Locale.ROOT)))
          .append("</span></td>");
      Map<String, String> budgetStatus = new HashMap<>();
      for (BudgetResult b : Nulls.list(r.budgets())) {
        budgetStatus.merge(b.metric(), Html.statusClass(b.status()), Html::worse);
      }
      for (Column column : columns) {
        Double value = figures.get(i).get(column.metric());
        boolean measured = value != null && !value.isNaN();
        page.append("<td class=\"num ").append(budgetStatus.getOrDefault(column.metric(), "")).append("\">")
            .append(Html.escape(measured ? Fmt.withUnit(value * column.scale(), column.unit()) : "not measured"))
            .append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n<p class=\"meta\">A coloured cell is a budget that warned or failed. Ranked by verdict, ")
        .append("then failed and warned budgets, blocked session-seconds, peak p99, failed operations, and the ")
        .append("migration's duration.</p>\n");
  }


  private static void charts(StringBuilder page, List<Ranked> ranking, Map<String, RehearsalReport> byStrategy) {
    List<RehearsalReport> runs = new ArrayList<>();
    for (Ranked r : ranking) {
      if (byStrategy.containsKey(r.strategy())) {
        runs.add(byStrategy.get(r.strategy()));
      }
    }
    double from = 0;
    double to = 1;
    double longestMigration = 0;
    for (RehearsalReport r : runs) {
      double start = migrationStart(r);
      for (TimelineSecond s : Nulls.list(r.timeline())) {
        from = Math.min(from, s.second() - start);
        to = Math.max(to, s.second() + 1 - start);
      }
      if (r.phases() != null && Double.isFinite(r.phases().migrationEndSecond())) {
        longestMigration = Math.max(longestMigration, r.phases().migrationEndSecond() - start);
      }
    }
    TimeAxis axis = new TimeAxis(from, Math.max(to, from + 1), SvgChart.PLOT_LEFT, SvgChart.PLOT_RIGHT,
        "seconds since the migration started");
    page.append("<h2>Overlaid, aligned on the migration's start (0 s)</h2>\n");

    List<Double> latencies = new ArrayList<>();
    runs.forEach(r -> Nulls.list(r.timeline()).forEach(s -> latencies.add(s.p99Ms())));
    SvgChart p99 = new SvgChart("chart-compare-p99", "p99 latency per second of every strategy, log scale",
        "ms (log scale)", axis, LogScale.coveringMs(latencies, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    double maxBlocked = runs.stream().flatMap(r -> Nulls.list(r.timeline()).stream())
        .mapToDouble(TimelineSecond::sessionsBlocked).max().orElse(0);
    SvgChart blocked = new SvgChart("chart-compare-blocked", "Application sessions blocked on a lock, every strategy",
        "sessions", axis, LinearScale.upTo(maxBlocked, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    for (int i = 0; i < runs.size(); i++) {
      RehearsalReport r = runs.get(i);
      String colour = COLOURS[i % COLOURS.length];
      p99.series(aligned(r, colour, TimelineSecond::p99Ms));
      blocked.series(aligned(r, colour, s -> (double) s.sessionsBlocked()));
    }
    for (SvgChart chart : List.of(p99, blocked)) {
      chart.band(0, Math.max(longestMigration, 0.01), "migrations: from 0 s to the end of the longest, "
          + Fmt.withUnit(longestMigration, "s"));
      if (runs.isEmpty()) {
        chart.emptyMessage("no timeline data recorded");
      }
    }
    page.append("<figure class=\"chart-box\"><h3>p99 latency (log scale)</h3>\n").append(p99.toSvg())
        .append("\n</figure>\n<figure class=\"chart-box\"><h3>Sessions blocked on a lock</h3>\n")
        .append(blocked.toSvg()).append("\n</figure>\n");
  }

  private static double migrationStart(RehearsalReport r) {
    return r.phases() != null && Double.isFinite(r.phases().migrationStartSecond())
        ? r.phases().migrationStartSecond() : 0;
  }

  private static SvgChart.Series aligned(RehearsalReport r, String colour, Function<TimelineSecond, Double> value) {
    double start = migrationStart(r);
    List<SvgChart.Point> points = new ArrayList<>();
    for (TimelineSecond s : Nulls.list(r.timeline())) {
      points.add(new SvgChart.Point(s.second() - start, value.apply(s)));
    }
    return new SvgChart.Series(r.strategy(), colour, points);
  }

  private static void nextSteps(StringBuilder page, List<Ranked> ranking) {
    page.append("<h2>Next steps per strategy</h2>\n");
    for (Ranked r : ranking) {
      List<NextStep> steps = Nulls.list(r.nextSteps());
      page.append("<h3>").append(r.rank()).append(". ").append(Html.escape(r.strategy()))
          .append(" <span class=\"status ").append(Html.statusClass(r.verdict())).append("\">")
          .append(Html.escape(r.verdict())).append("</span></h3>\n<ol class=\"next-steps\">\n");
      for (NextStep step : steps.subList(0, Math.min(3, steps.size()))) {
        page.append("<li>").append(Html.prose(step.text())).append("</li>\n");
      }
      page.append("</ol>\n");
    }
  }
}
