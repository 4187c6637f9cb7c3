package dev.rehearsal.report;

import dev.rehearsal.report.SweepReport.Cell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * sweep.html: per PostgreSQL version, a matrix of verdicts — data size down, rate across — each
 * cell coloured by its verdict with the figures that decide it and a link to its report. It leads
 * with where the verdict turns and where versions differ. Same rules as report.html.
 */
public final class SweepHtml {

  private SweepHtml() {}

  /** @param cellHtml link to a cell's own report.html, relative to sweep.html */
  public static String render(SweepReport sweep, Function<Cell, String> cellHtml) {
    StringBuilder page = new StringBuilder(16 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(Html.CONTENT_SECURITY_POLICY)
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape("Rehearsal sweep: " + Nulls.text(sweep.scenario()) + " / " + Nulls.text(sweep.strategy())))
        .append("</title>\n<style>\n").append(HtmlStyle.CSS)
        .append("td.cell { text-align: center; white-space: nowrap; }\ntd.cell.pass { background: #dafbe1; }\n")
        .append("td.cell .status { display: block; font-size: 15px; }\n</style>\n</head>\n<body>\n<main>\n");
    List<Cell> cells = Nulls.list(sweep.cells());
    page.append("<h1>").append(Html.escape(sweep.scenario())).append(" <span class=\"muted\">/ strategy</span> ")
        .append(Html.escape(sweep.strategy())).append(" <span class=\"muted\">— ").append(cells.size())
        .append(" rehearsals</span></h1>\n<p class=\"meta\">took ")
        .append(Html.escape(Fmt.elapsed(sweep.startedAt(), sweep.finishedAt()))).append("</p>\n");
    String worst = cells.stream().map(c -> Html.statusClass(c.verdict())).reduce("pass", Html::worse);
    page.append("<header class=\"verdict ").append(worst).append("\">\n<div class=\"verdict-status\" id=\"verdict\">")
        .append(worst.equals("pass") ? "PASSES EVERYWHERE" : worst.equals("fail") ? "FAILS SOMEWHERE" : "WARNS SOMEWHERE")
        .append("</div>\n<p class=\"headline\">").append(Html.escape(sweep.headline())).append("</p>\n</header>\n");
    List<String> differences = Nulls.list(sweep.differences());
    if (!differences.isEmpty()) {
      page.append("<h2>Where PostgreSQL versions differ</h2>\n<ul id=\"differences\">\n");
      differences.forEach(d -> page.append("<li>").append(Html.escape(d)).append("</li>\n"));
      page.append("</ul>\n");
    }
    for (Integer version : new LinkedHashSet<>(cells.stream().map(Cell::pgVersion).toList())) {
      matrix(page, version, cells.stream().filter(c -> c.pgVersion() == version).toList(), cellHtml);
    }
    page.append("<p class=\"meta\">Each cell: verdict, peak p99, blocked session-seconds, pool timeouts; ")
        .append("its link opens that rehearsal's report.</p>\n");
    SweepExtrapolationHtml.append(page, sweep.extrapolation());
    page.append("<footer>Rehearsal sweep, schema version ")
        .append(sweep.schemaVersion()).append(".</footer>\n</main>\n</body>\n</html>\n");
    return page.toString();
  }

  public static void write(SweepReport sweep, Function<Cell, String> cellHtml, Path file) throws IOException {
    Files.writeString(file, render(sweep, cellHtml), StandardCharsets.UTF_8);
  }

  private static void matrix(StringBuilder page, int version, List<Cell> cells, Function<Cell, String> cellHtml) {
    Set<Long> rows = new LinkedHashSet<>(cells.stream().map(Cell::rows).sorted().toList());
    Set<Double> rates = new LinkedHashSet<>(cells.stream().map(Cell::rate).sorted().toList());
    page.append("<h2>PostgreSQL ").append(version).append("</h2>\n<table class=\"matrix\" id=\"matrix-pg")
        .append(version).append("\">\n<tr><th>rows \\ rate</th>");
    for (Double rate : rates) {
      page.append("<th>").append(Html.escape(Fmt.number(rate))).append(" ops/s</th>");
    }
    page.append("</tr>\n");
    for (Long n : rows) {
      page.append("<tr><th>").append(Html.escape(Fmt.count(n))).append("</th>");
      for (Double rate : rates) {
        Cell cell = cells.stream().filter(c -> c.rows() == n && c.rate() == rate).findFirst().orElse(null);
        if (cell == null) {
          page.append("<td class=\"cell\">—</td>");
          continue;
        }
        String status = Html.statusClass(cell.verdict());
        page.append("<td class=\"cell ").append(status).append("\"><a href=\"").append(Html.escape(cellHtml.apply(cell)))
            .append("\"><span class=\"status ").append(status).append("\">")
            .append(Html.escape(Nulls.text(cell.verdict()).toUpperCase(Locale.ROOT))).append("</span></a>");
        if (cell.summary() != null) {
          page.append(Html.escape(Fmt.withUnit(cell.summary().peakP99Ms(), "ms"))).append(" p99<br>")
              .append(Html.escape(Fmt.number(cell.summary().blockedSessionSeconds()))).append(" blocked s<br>")
              .append(cell.summary().poolTimeouts()).append(" pool timeouts");
        }
        page.append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n");
  }

}
