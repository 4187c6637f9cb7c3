package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.ServerInfo;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.TableInfo;
import dev.rehearsal.report.RehearsalReport.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * report.html: one self-contained page (inline CSS, inline SVG charts, no scripts, nothing
 * fetched from the network) that leads with the verdict and what to do next, then shows the
 * evidence: key figures, timeline charts, statements, budgets, server and dataset.
 *
 * <p>Every text that came from outside this class is passed through {@link Html#escape}: SQL,
 * error messages and names in a report are data, never markup.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /** The complete HTML document. */
  public static String render(RehearsalReport report) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(Html.CONTENT_SECURITY_POLICY)
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape("Rehearsal: " + Nulls.text(report.scenario()) + " / "
            + Nulls.text(report.strategy()) + " — " + verdictStatus(report)))
        .append("</title>\n<style>\n")
        .append(HtmlStyle.CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    header(page, report);
    nextSteps(page, report);
    figures(page, report);
    charts(page, report);
    statements(page, report);
    PlatformHtml.section(page, report);
    budgets(page, report);
    serverAndDataset(page, report);
    page.append("<footer>Rehearsal report, schema version ")
        .append(report.schemaVersion())
        .append(".</footer>\n</main>\n</body>\n</html>\n");
    return page.toString();
  }

  /** Writes {@link #render} to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(RehearsalReport report, Path file) throws IOException {
    Files.writeString(file, render(report), StandardCharsets.UTF_8);
  }

  private static void header(StringBuilder page, RehearsalReport report) {
    page.append("<h1>")
        .append(Html.escape(report.scenario()))
        .append(" <span class=\"muted\">/ strategy</span> ")
        .append(Html.escape(report.strategy()))
        .append("</h1>\n<p class=\"meta\">started ")
        .append(Html.escape(Fmt.instant(report.startedAt())))
        .append(" · finished ")
        .append(Html.escape(Fmt.instant(report.finishedAt())))
        .append(" · took ")
        .append(Html.escape(Fmt.elapsed(report.startedAt(), report.finishedAt())))
        .append("</p>\n");

    Verdict verdict = report.verdict();
    String status = verdict == null ? null : verdict.status();
    page.append("<header class=\"verdict ")
        .append(Html.statusClass(status))
        .append("\">\n<div class=\"verdict-status\" id=\"verdict\">")
        .append(Html.escape(verdictStatus(report)))
        .append("</div>\n<p class=\"headline\">")
        .append(Html.prose(verdict == null ? "" : verdict.headline()))
        .append("</p>\n</header>\n");

    if (!report.complete()) {
      page.append("<div class=\"banner\" id=\"incomplete\" role=\"alert\">")
          .append("<strong>INCOMPLETE run: figures cover only what was observed.</strong>")
          .append(Html.escape(report.failure() == null ? "No failure reason recorded."
              : report.failure()))
          .append("</div>\n");
    }
  }

  private static String verdictStatus(RehearsalReport report) {
    Verdict verdict = report.verdict();
    return verdict == null || verdict.status() == null || verdict.status().isBlank()
        ? "NO VERDICT"
        : verdict.status().toUpperCase(java.util.Locale.ROOT);
  }

  private static void nextSteps(StringBuilder page, RehearsalReport report) {
    List<RehearsalReport.NextStep> steps = Nulls.list(report.nextSteps());
    if (steps.isEmpty()) {
      return;
    }
    page.append("<h2>Next steps</h2>\n<ol class=\"next-steps\">\n");
    for (RehearsalReport.NextStep step : steps) {
      page.append("<li>").append(Html.prose(step.text())).append("</li>\n");
    }
    page.append("</ol>\n");
  }

  /** The summary as a grid of cards; a card whose budget warned or failed is coloured. */
  private static void figures(StringBuilder page, RehearsalReport report) {
    List<KeyFigures.Figure> figures = KeyFigures.of(report.summary());
    if (figures.isEmpty()) {
      return;
    }
    Map<String, String> statusByMetric = new HashMap<>();
    for (BudgetResult budget : Nulls.list(report.budgets())) {
      statusByMetric.put(budget.metric(), Html.statusClass(budget.status()));
    }
    page.append("<h2>Summary</h2>\n<div class=\"figures\">\n");
    for (KeyFigures.Figure figure : figures) {
      page.append("<div class=\"figure ")
          .append(statusByMetric.getOrDefault(figure.metric(), ""))
          .append("\"><div class=\"value\">")
          .append(Html.escape(figure.formatted()))
          .append("</div><div class=\"label\">")
          .append(Html.escape(figure.label()))
          .append("</div><div class=\"metric\"><code>")
          .append(Html.escape(figure.metric()))
          .append("</code></div></div>\n");
    }
    page.append("</div>\n");
    Map<String, Long> byClass = Nulls.map(report.summary().errorsByClass());
    if (!byClass.isEmpty()) {
      page.append("<p class=\"meta\">Errors by class: ");
      String separator = "";
      for (Map.Entry<String, Long> entry : new TreeMap<>(byClass).entrySet()) {
        page.append(separator)
            .append(Html.escape(entry.getKey()))
            .append(' ')
            .append(Fmt.count(entry.getValue() == null ? 0 : entry.getValue()));
        separator = " · ";
      }
      page.append("</p>\n");
    }
  }

  private static void charts(StringBuilder page, RehearsalReport report) {
    page.append("<h2>Timeline</h2>\n");
    for (TimelineCharts.Chart chart : TimelineCharts.of(report)) {
      page.append("<figure class=\"chart-box\"><h3>")
          .append(Html.escape(chart.heading()))
          .append("</h3>\n")
          .append(chart.svg())
          .append("\n</figure>\n");
    }
  }

  private static void statements(StringBuilder page, RehearsalReport report) {
    page.append("<h2>Migration statements</h2>\n");
    List<StatementResult> statements = Nulls.list(report.statements());
    if (statements.isEmpty()) {
      page.append("<p class=\"muted\">No statements ran.</p>\n");
      return;
    }
    page.append("<table class=\"statements\">\n<tr><th>#</th><th>SQL</th><th>start</th>")
        .append("<th>duration</th><th>locks held</th><th>what it did to the application</th>")
        .append("<th>SQLSTATE / error</th></tr>\n");
    String migration = null;
    for (StatementResult statement : statements) {
      String of = StatementFacts.migration(statement);
      if (of != null && !of.equals(migration)) { // the statements of one migration under its name
        page.append("<tr class=\"migration\"><td colspan=\"7\">").append(Html.escape(of))
            .append(" <span class=\"muted\">(").append(Html.escape(Nulls.text(statement.step())))
            .append(")</span></td></tr>\n");
      }
      migration = of;
      String where = StatementFacts.whereAndRows(statement);
      page.append("<tr><td class=\"num\">")
          .append(statement.index())
          .append("</td><td><pre>")
          .append(Html.escape(statement.sql()))
          .append("</pre>")
          .append(where == null ? "" : "<span class=\"muted\">" + Html.escape(where) + "</span>")
          .append("</td><td class=\"num\">")
          .append(Html.escape(Fmt.withUnit(statement.startSecond(), "s")))
          .append("</td><td class=\"num\">")
          .append(Html.escape(Fmt.withUnit(statement.durationMs(), "ms")))
          .append("</td><td>")
          .append(Html.escape(StatementFacts.locks(statement)))
          .append("</td><td>")
          .append(Html.escape(Nulls.text(StatementFacts.lockStory(statement))))
          .append("</td><td>");
      if (statement.sqlState() == null && statement.error() == null) {
        page.append("<span class=\"status pass\">ok</span>");
      } else {
        page.append("<span class=\"status fail\">")
            .append(Html.escape(statement.sqlState()))
            .append("</span> ")
            .append(Html.escape(statement.error()));
      }
      page.append("</td></tr>\n");
    }
    page.append("</table>\n");
  }

  private static void budgets(StringBuilder page, RehearsalReport report) {
    page.append("<h2>Budgets</h2>\n");
    List<BudgetResult> budgets = Nulls.list(report.budgets());
    if (budgets.isEmpty()) {
      page.append("<p class=\"muted\">No budgets were set for this scenario.</p>\n");
      return;
    }
    page.append("<table class=\"budgets\">\n<tr><th>metric</th><th>value</th><th>warn</th>")
        .append("<th>critical</th><th>status</th><th>action</th><th>owner</th></tr>\n");
    for (BudgetResult budget : budgets) {
      page.append("<tr><td><code>")
          .append(Html.escape(budget.metric()))
          .append("</code></td><td class=\"num\">")
          .append(Html.escape(Fmt.number(budget.value())))
          .append("</td><td class=\"num\">")
          .append(Html.escape(threshold(budget, budget.warn())))
          .append("</td><td class=\"num\">")
          .append(Html.escape(threshold(budget, budget.critical())))
          .append("</td><td><span class=\"status ")
          .append(Html.statusClass(budget.status()))
          .append("\">")
          .append(Html.escape(budget.status()))
          .append("</span></td><td>")
          .append(Html.escape(budget.action()))
          .append("</td><td>")
          .append(Html.escape(budget.owner()))
          .append("</td></tr>\n");
    }
    page.append("</table>\n");
  }

  /** "≥ 1,000" (breached at the threshold) or "> 1,000" (strict); a dash when there is none. */
  static String threshold(BudgetResult budget, Double value) {
    return value == null ? Fmt.NONE : budget.condition(value);
  }

  private static void serverAndDataset(StringBuilder page, RehearsalReport report) {
    page.append("<div class=\"columns\">\n<section>\n<h2>Server</h2>\n");
    ServerInfo server = report.server();
    if (server == null) {
      page.append("<p class=\"muted\">Not recorded.</p>\n");
    } else {
      page.append("<p>")
          .append(Html.escape(server.provider()))
          .append(" · PostgreSQL ")
          .append(Html.escape(server.version()));
      if (server.differsFromPinned()) {
        page.append(" · <strong>the scenario pins PostgreSQL ").append(server.pinnedVersion())
            .append(" (production)</strong>: index builds and locks differ between majors");
      } else if (server.pinnedVersion() != null) {
        page.append(" (pinned by the scenario as production's)");
      }
      page.append("</p>\n");
      Map<String, String> settings = new TreeMap<>(Nulls.map(server.settings()));
      if (!settings.isEmpty()) {
        page.append("<table class=\"settings\">\n<tr><th>setting</th><th>value</th></tr>\n");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
          page.append("<tr><td><code>")
              .append(Html.escape(setting.getKey()))
              .append("</code></td><td><code>")
              .append(Html.escape(setting.getValue()))
              .append("</code></td></tr>\n");
        }
        page.append("</table>\n");
      }
    }
    page.append("</section>\n<section>\n<h2>Dataset</h2>\n");
    List<TableInfo> tables = Nulls.list(report.dataset());
    if (tables.isEmpty()) {
      page.append("<p class=\"muted\">Not recorded.</p>\n");
    } else {
      RehearsalReport.SeedInfo seed = report.seed();
      if (seed != null) {
        page.append("<p>Fingerprint <code>").append(Html.escape(seed.fingerprint())).append("</code> (seed ")
            .append(seed.seed()).append(seed.fromCache() ? ", cloned from the seed cache" : "")
            .append("): seeded in ").append(Html.escape(Fmt.withUnit(seed.totalMillis() / 1000.0, "s")))
            .append(" — data ").append(Html.escape(Fmt.withUnit(seed.dataMillis() / 1000.0, "s")))
            .append(", vacuum ").append(Html.escape(Fmt.withUnit(seed.vacuumMillis() / 1000.0, "s")))
            .append(", indexes ").append(Html.escape(Fmt.withUnit(seed.indexMillis() / 1000.0, "s")));
        if (seed.cloneMillis() != null) {
          page.append("; cloned for this rehearsal in ").append(Html.escape(Fmt.withUnit(seed.cloneMillis() / 1000.0, "s")));
        }
        page.append(".</p>\n");
      }
      page.append("<table class=\"dataset\">\n<tr><th>table</th><th>rows</th>")
          .append("<th>load time</th><th>COPY</th><th>checksum</th></tr>\n");
      for (TableInfo table : tables) {
        page.append("<tr><td><code>")
            .append(Html.escape(table.name()))
            .append("</code></td><td class=\"num\">")
            .append(Fmt.count(table.rows()))
            .append("</td><td class=\"num\">")
            .append(Html.escape(Fmt.withUnit(table.seedMillis() / 1000.0, "s")))
            .append("</td><td>").append(Html.escape(String.valueOf(table.copyFormat())))
            .append("</td><td><code>").append(Html.escape(String.valueOf(table.checksum())))
            .append("</code></td></tr>\n");
      }
      page.append("</table>\n");
    }
    page.append("</section>\n</div>\n");
  }
}
