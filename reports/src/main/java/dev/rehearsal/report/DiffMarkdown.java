package dev.rehearsal.report;

import static dev.rehearsal.report.MarkdownSummary.cell;
import static dev.rehearsal.report.MarkdownSummary.inline;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.ReportDiff.BudgetDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff.Status;
import dev.rehearsal.report.ReportDiff.LoneStrategy;
import dev.rehearsal.report.ReportDiff.Side;
import dev.rehearsal.report.ReportDiff.StrategyDiff;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The diff as GitHub-flavoured Markdown, for a terminal and for $GITHUB_STEP_SUMMARY: the
 * outcome as the heading, then per strategy a table of the figures that changed beyond
 * tolerance, a table of budgets whose status changed, and one line for everything unchanged.
 * Like {@link MarkdownSummary}: no HTML, no emoji, report text escaped.
 */
public final class DiffMarkdown {

  /** The order figure rows appear in: regressions first, then lost coverage, then the rest. */
  private static final List<Status> SHOWN =
      List.of(Status.WORSE, Status.NO_LONGER_MEASURED, Status.BETTER, Status.NEWLY_MEASURED);

  private DiffMarkdown() {}

  public static String render(ReportDiff diff) {
    StringBuilder md = new StringBuilder(4096);
    md.append("## ").append(inline(diff.headline())).append("\n\n");
    side(md, "Baseline", diff.baseline());
    side(md, "Current", diff.current());
    md.append("- Tolerance: ").append(inline(diff.tolerance())).append('\n');
    for (String note : diff.notes()) {
      md.append("- **Note:** ").append(inline(note)).append('\n');
    }
    md.append('\n');
    for (StrategyDiff strategy : diff.strategies()) {
      strategy(md, strategy);
    }
    lone(md, "Strategies only in the current run (added)", diff.added());
    lone(md, "Strategies only in the baseline (removed)", diff.removed());
    return md.toString();
  }

  private static void side(StringBuilder md, String label, Side side) {
    md.append("- ").append(label).append(": ").append(inline(side.path())).append(" (scenario ")
        .append(inline(String.join(", ", side.scenarios())));
    if (side.startedAt() != null) {
      md.append(", run ").append(side.startedAt().truncatedTo(ChronoUnit.SECONDS));
    }
    md.append(")\n");
  }

  private static void strategy(StringBuilder md, StrategyDiff s) {
    md.append("### Strategy ").append(inline(s.strategy()));
    if (s.baselineStrategy() != null) {
      md.append(" (baseline: strategy ").append(inline(s.baselineStrategy())).append(')');
    }
    String before = status(s.baselineVerdict());
    String after = status(s.currentVerdict());
    md.append(": verdict ");
    if (before.equals(after)) {
      md.append(after).append(" (unchanged)");
    } else {
      md.append(before).append(" -> **").append(after).append("**");
    }
    md.append("\n\n");
    figures(md, s);
    budgets(md, s);
    unchanged(md, s);
  }

  private static void figures(StringBuilder md, StrategyDiff s) {
    List<FigureDiff> rows = new ArrayList<>();
    SHOWN.forEach(status -> rows.addAll(s.figures(status)));
    if (rows.isEmpty()) {
      return;
    }
    md.append("| figure | baseline | current | change | |\n|---|--:|--:|--:|---|\n");
    for (FigureDiff f : rows) {
      md.append("| ").append(cell(f.metric())).append(f.higherIsBetter() ? " (higher is better)" : "")
          .append(" | ").append(cell(value(f.baseline())))
          .append(" | ").append(cell(value(f.current())))
          .append(" | ").append(cell(f.changeText()))
          .append(" | ").append(f.status() == Status.WORSE ? "**worse**" : words(f.status().json()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void budgets(StringBuilder md, StrategyDiff s) {
    List<BudgetDiff> rows = s.budgets().stream().filter(b -> b.change() != BudgetDiff.Change.UNCHANGED).toList();
    if (rows.isEmpty()) {
      return;
    }
    md.append("| budget | baseline | current | change | thresholds |\n|---|---|---|---|---|\n");
    for (BudgetDiff b : rows) {
      boolean bad = b.change() == BudgetDiff.Change.NEWLY_FAILS || b.change() == BudgetDiff.Change.NEWLY_WARNS;
      String change = words(b.change().json());
      md.append("| ").append(cell(b.metric()))
          .append(" | ").append(cell(budgetStatus(b.baselineStatus(), b.baselineValue())))
          .append(" | ").append(cell(budgetStatus(b.currentStatus(), b.currentValue())))
          .append(" | ").append(bad ? "**" + change + "**" : change)
          .append(" | ").append(cell(thresholds(b)))
          .append(" |\n");
    }
    md.append('\n');
  }

  /** One line: how many figures stayed within tolerance, budgets kept their status, and which still fail. */
  private static void unchanged(StringBuilder md, StrategyDiff s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.figures(Status.WITHIN).size() + " figures within tolerance");
    List<BudgetDiff> same = s.budgets(BudgetDiff.Change.UNCHANGED);
    parts.add(same.size() + (same.size() == 1 ? " budget" : " budgets") + " with the same status");
    List<String> stillFailing = same.stream().filter(b -> BudgetComparison.FAIL.equals(b.currentStatus()))
        .map(BudgetDiff::metric).toList();
    if (!stillFailing.isEmpty()) {
      parts.add("still failing: " + String.join(", ", stillFailing));
    }
    List<String> unmeasured = s.figures(Status.NOT_MEASURED).stream().map(FigureDiff::metric).toList();
    if (!unmeasured.isEmpty()) {
      parts.add("not measured on either side: " + String.join(", ", unmeasured));
    }
    md.append("Unchanged: ").append(inline(String.join("; ", parts))).append(".\n\n");
  }

  private static void lone(StringBuilder md, String title, List<LoneStrategy> strategies) {
    if (strategies.isEmpty()) {
      return;
    }
    md.append("### ").append(title).append("\n\n");
    for (LoneStrategy s : strategies) {
      String verdict = status(s.verdict());
      md.append("- ").append(inline(s.strategy())).append(": verdict ")
          .append(BudgetComparison.FAIL.equals(s.verdict()) ? "**" + verdict + "**" : verdict);
      if (!s.failingBudgets().isEmpty()) {
        md.append(", failing budgets: ").append(inline(String.join(", ", s.failingBudgets())));
      }
      md.append(" (").append(inline(s.file())).append(")\n");
    }
    md.append('\n');
  }

  private static String status(String status) {
    return status == null ? "NONE" : status.toUpperCase(Locale.ROOT);
  }

  private static String value(Double value) {
    return value == null ? "not measured" : Fmt.number(value);
  }

  private static String budgetStatus(String status, Double value) {
    if (status == null) {
      return "absent";
    }
    return value == null ? status(status) : status(status) + " (" + Fmt.number(value) + ")";
  }

  private static String thresholds(BudgetDiff b) {
    List<String> parts = new ArrayList<>();
    if (b.warn() != null) {
      parts.add("warn " + BudgetResult.condition(b.strict(), b.warn()));
    }
    if (b.critical() != null) {
      parts.add("critical " + BudgetResult.condition(b.strict(), b.critical()));
    }
    return String.join(", ", parts) + (b.thresholdsChanged() ? " (changed)" : "");
  }

  /** "no-longer-measured" as "no longer measured". */
  private static String words(String json) {
    return json.replace('-', ' ');
  }
}
