package dev.rehearsal.report;

import dev.rehearsal.report.ReportDiff.BudgetDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff;
import dev.rehearsal.report.ReportDiff.LoneStrategy;
import dev.rehearsal.report.ReportDiff.Outcome;
import dev.rehearsal.report.ReportDiff.StrategyDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff's outcome and the one line a reader sees first, e.g. "REGRESSION: budget
 * poolTimeouts newly fails for strategy naive". New failures come first, then figures that got
 * worse and budgets that newly warn; at most {@link #SHOWN} causes are named.
 */
record DiffHeadline(Outcome outcome, String text) {

  static final int SHOWN = 3;

  static DiffHeadline of(List<StrategyDiff> strategies, List<LoneStrategy> added) {
    List<String> failures = new ArrayList<>();
    List<String> worse = new ArrayList<>();
    int better = 0;
    int fixed = 0;
    for (StrategyDiff s : strategies) {
      String of = " for strategy " + s.strategy();
      List<BudgetDiff> newlyFailing = s.budgets(BudgetDiff.Change.NEWLY_FAILS);
      newlyFailing.forEach(b -> failures.add("budget " + b.metric() + " newly fails" + of));
      if (s.verdictNewlyFails() && newlyFailing.isEmpty()) {
        failures.add("verdict" + of + " became fail");
      }
      s.figures(FigureDiff.Status.WORSE).forEach(f -> worse.add(f.metric() + " " + f.shortChangeText() + of));
      s.budgets(BudgetDiff.Change.NEWLY_WARNS).forEach(b -> worse.add("budget " + b.metric() + " newly warns" + of));
      better += s.figures(FigureDiff.Status.BETTER).size();
      fixed += s.budgets(BudgetDiff.Change.FIXED).size() + s.budgets(BudgetDiff.Change.IMPROVED).size();
    }
    for (LoneStrategy s : added) {
      if (BudgetComparison.FAIL.equals(s.verdict()) || !s.failingBudgets().isEmpty()) {
        failures.add("new strategy " + s.strategy() + " fails"
            + (s.failingBudgets().isEmpty() ? "" : " (budget " + String.join(", ", s.failingBudgets()) + ")"));
      }
    }
    if (!failures.isEmpty()) {
      return new DiffHeadline(Outcome.REGRESSION, "REGRESSION: " + list(failures));
    }
    if (!worse.isEmpty()) {
      return new DiffHeadline(Outcome.WORSE, "WORSE: " + list(worse) + "; no budget newly fails");
    }
    String gains = better + fixed == 0 ? ""
        : "; " + count(better, "figure") + " better, " + count(fixed, "budget") + " fixed or improved";
    return new DiffHeadline(Outcome.NO_REGRESSION,
        "NO REGRESSION: no budget newly fails, no figure got worse beyond tolerance" + gains);
  }

  private static String list(List<String> causes) {
    String shown = String.join("; ", causes.subList(0, Math.min(SHOWN, causes.size())));
    return causes.size() > SHOWN ? shown + "; and " + (causes.size() - SHOWN) + " more" : shown;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
