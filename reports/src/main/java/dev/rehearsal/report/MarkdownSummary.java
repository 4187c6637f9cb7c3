package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * summary.md: a short GitHub-flavoured Markdown summary for PR comments and CI step summaries
 * ($GITHUB_STEP_SUMMARY). Per strategy: the verdict as bold text, the headline, next steps,
 * key figures, budget results and the migration statements.
 *
 * <p>No emoji and no HTML, so it reads the same in a terminal. Text from the report is
 * escaped: table cells cannot contain a raw {@code |}, backtick or newline, and nothing may
 * open an HTML tag when the comment is rendered.
 */
public final class MarkdownSummary {

  private MarkdownSummary() {}

  public static String render(List<RehearsalReport> reports) {
    StringBuilder md = new StringBuilder(4096);
    if (reports.isEmpty()) {
      return "## Rehearsal\n\nNo rehearsal reports.\n";
    }
    String scenario = Nulls.text(reports.get(0).scenario());
    md.append("## Rehearsal: ").append(inline(scenario)).append("\n\n");
    for (RehearsalReport report : reports) {
      section(md, report);
    }
    return md.toString();
  }

  /**
   * A comparison: the headline and a ranking table first, then each strategy's section, best
   * first.
   */
  public static String renderComparison(ComparisonReport comparison, List<RehearsalReport> ranked) {
    StringBuilder md = new StringBuilder(4096);
    md.append("## Rehearsal comparison: ").append(inline(comparison.scenario())).append("\n\n**")
        .append(inline(comparison.headline())).append("**\n\n")
        .append("| # | strategy | verdict | blocked session-s | longest wait | peak p99 | pool timeouts | errors | ")
        .append("lost writes | migration |\n|--:|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
    for (ComparisonReport.Ranked r : Nulls.list(comparison.ranking())) {
      RehearsalReport.Summary s = r.summary();
      md.append("| ").append(r.rank()).append(" | ").append(cell(r.strategy())).append(" | ")
          .append(cell(Nulls.text(r.verdict()).toUpperCase(Locale.ROOT))).append(" | ");
      if (s == null) {
        md.append("| | | | | | |\n");
        continue;
      }
      md.append(cell(Fmt.number(s.blockedSessionSeconds()))).append(" | ")
          .append(cell(Fmt.withUnit(s.longestWaitMs(), "ms"))).append(" | ")
          .append(cell(Fmt.withUnit(s.peakP99Ms(), "ms"))).append(" | ")
          .append(s.poolTimeouts()).append(" | ").append(s.errors()).append(" | ")
          .append(s.lostWrites() == null ? "not measured" : s.lostWrites()).append(" | ")
          .append(cell(Fmt.withUnit(s.migrationDurationMs(), "ms"))).append(" |\n");
    }
    md.append('\n');
    for (RehearsalReport report : ranked) {
      section(md, report);
    }
    return md.toString();
  }

  /** Writes {@link #render} to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(List<RehearsalReport> reports, Path file) throws IOException {
    Files.writeString(file, render(reports), StandardCharsets.UTF_8);
  }

  private static void section(StringBuilder md, RehearsalReport report) {
    String status = report.verdict() == null || report.verdict().status() == null
        ? "NO VERDICT" : report.verdict().status().toUpperCase(Locale.ROOT);
    md.append("### **").append(inline(status)).append("** strategy ")
        .append(inline(report.strategy()));
    if (!report.complete()) {
      md.append(" (INCOMPLETE run)");
    }
    md.append("\n\n");
    if (report.verdict() != null && report.verdict().headline() != null) {
      md.append(inline(report.verdict().headline())).append("\n\n");
    }
    if (!report.complete()) {
      md.append("**INCOMPLETE run:** ")
          .append(inline(report.failure() == null ? "no reason recorded" : report.failure()))
          .append("\n\n");
    }
    List<RehearsalReport.NextStep> steps = Nulls.list(report.nextSteps());
    if (!steps.isEmpty()) {
      md.append("Next steps:\n\n");
      for (int i = 0; i < steps.size(); i++) {
        md.append(i + 1).append(". ").append(inline(steps.get(i).text())).append('\n');
      }
      md.append('\n');
    }
    figures(md, report);
    budgets(md, report);
    statements(md, report);
  }

  private static void figures(StringBuilder md, RehearsalReport report) {
    List<KeyFigures.Figure> figures = KeyFigures.of(report.summary()).stream()
        .filter(KeyFigures.Figure::headline).toList();
    if (figures.isEmpty()) {
      return;
    }
    md.append("| figure | value |\n|---|--:|\n");
    for (KeyFigures.Figure figure : figures) {
      md.append("| ").append(cell(figure.label())).append(" | ")
          .append(cell(figure.formatted())).append(" |\n");
    }
    md.append('\n');
  }

  private static void budgets(StringBuilder md, RehearsalReport report) {
    List<BudgetResult> budgets = Nulls.list(report.budgets());
    if (budgets.isEmpty()) {
      return;
    }
    md.append("| budget | value | warn | critical | status | action |\n")
        .append("|---|--:|--:|--:|---|---|\n");
    for (BudgetResult budget : budgets) {
      String status = budget.status() == null ? "" : budget.status().toUpperCase(Locale.ROOT);
      md.append("| ").append(cell(budget.metric()))
          .append(" | ").append(cell(Fmt.number(budget.value())))
          .append(" | ").append(cell(HtmlReport.threshold(budget, budget.warn())))
          .append(" | ").append(cell(HtmlReport.threshold(budget, budget.critical())))
          .append(" | ").append("pass".equalsIgnoreCase(budget.status())
              ? cell(status) : "**" + cell(status) + "**")
          .append(" | ").append(cell(budget.action()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void statements(StringBuilder md, RehearsalReport report) {
    List<StatementResult> statements = Nulls.list(report.statements());
    if (statements.isEmpty()) {
      return;
    }
    md.append("| # | statement | duration | locks | impact | error |\n|--:|---|--:|---|---|---|\n");
    for (StatementResult statement : statements) {
      String error = statement.sqlState() == null && statement.error() == null ? "ok"
          : Nulls.text(statement.sqlState()) + " " + Nulls.text(statement.error());
      md.append("| ").append(statement.index())
          .append(" | ").append(cell((StatementFacts.migration(statement) == null ? ""
              : StatementFacts.migration(statement) + (statement.line() == null ? "" : ":" + statement.line()) + ": ")
              + statement.sql()))
          .append(" | ").append(cell(Fmt.withUnit(statement.durationMs(), "ms")))
          .append(" | ").append(cell(StatementFacts.locks(statement)))
          .append(" | ").append(cell(Nulls.text(StatementFacts.lockStory(statement))))
          .append(" | ").append(cell(error.trim()))
          .append(" |\n");
    }
    md.append('\n');
  }

  /**
   * Text for a table cell: one line, and no character that ends the cell ({@code |}), opens
   * code ({@code `}) or starts HTML ({@code <}, {@code &}).
   */
  static String cell(String text) {
    return inline(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`");
  }

  /**
   * Text on a line of its own or in a list item: newlines folded to spaces so it cannot start
   * a heading or a new block, and HTML neutralised. Backticks stay, so a headline can say
   * "set `lock_timeout`" and render it as code.
   */
  static String inline(String text) {
    return Nulls.text(text)
        .replaceAll("\\s*[\\r\\n]+\\s*", " ")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .strip();
  }
}
