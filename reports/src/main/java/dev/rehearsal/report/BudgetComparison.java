package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.ReportDiff.BudgetDiff;
import dev.rehearsal.report.ReportDiff.BudgetDiff.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Budgets of one strategy, baseline against current: which newly fail, newly warn, got fixed.
 * Budgets pair by metric; a scenario may hold two budgets on one metric, and those pair in order.
 */
final class BudgetComparison {

  static final String PASS = "pass";
  static final String WARN = "warn";
  static final String FAIL = "fail";
  static final String UNMEASURED = "unmeasured";

  private BudgetComparison() {}

  /** Every budget of either side: the current run's in order, then those only in the baseline. */
  static List<BudgetDiff> compare(List<BudgetResult> baseline, List<BudgetResult> current) {
    Map<String, BudgetResult> before = keyed(baseline);
    Map<String, BudgetResult> after = keyed(current);
    List<BudgetDiff> diffs = new ArrayList<>();
    after.forEach((key, c) -> diffs.add(compare(before.get(key), c)));
    before.forEach((key, b) -> {
      if (!after.containsKey(key)) {
        diffs.add(compare(b, null));
      }
    });
    return diffs;
  }

  /** "poolTimeouts#0", "poolTimeouts#1", ...: the n-th budget on a metric. */
  private static Map<String, BudgetResult> keyed(List<BudgetResult> budgets) {
    Map<String, BudgetResult> keyed = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (BudgetResult budget : Nulls.list(budgets)) {
      String metric = Nulls.text(budget.metric());
      keyed.put(metric + "#" + seen.merge(metric, 1, Integer::sum), budget);
    }
    return keyed;
  }

  private static BudgetDiff compare(BudgetResult b, BudgetResult c) {
    BudgetResult shown = c != null ? c : b;
    String before = b == null ? null : status(b);
    String after = c == null ? null : status(c);
    boolean thresholdsChanged = b != null && c != null && (!Objects.equals(b.warn(), c.warn())
        || !Objects.equals(b.critical(), c.critical()) || b.strict() != c.strict());
    return new BudgetDiff(Nulls.text(shown.metric()), before, after, value(b), value(c), shown.warn(),
        shown.critical(), shown.strict(), thresholdsChanged, change(before, after));
  }

  static Change change(String before, String after) {
    if (after == null) {
      return Change.REMOVED;
    }
    boolean failedBefore = FAIL.equals(before);
    boolean breachedBefore = failedBefore || WARN.equals(before);
    switch (after) {
      case FAIL:
        return failedBefore ? Change.UNCHANGED : Change.NEWLY_FAILS;
      case WARN:
        return failedBefore ? Change.IMPROVED : WARN.equals(before) ? Change.UNCHANGED : Change.NEWLY_WARNS;
      case PASS:
        return breachedBefore ? Change.FIXED : before == null ? Change.ADDED : Change.UNCHANGED;
      default: // unmeasured: the figure did not exist in this run
        if (before == null) {
          return Change.ADDED;
        }
        return breachedBefore || PASS.equals(before) ? Change.NO_LONGER_MEASURED : Change.UNCHANGED;
    }
  }

  /** The status lower-cased; a missing one reads as unmeasured (it did not count). */
  static String status(BudgetResult budget) {
    return budget.status() == null ? UNMEASURED : budget.status().strip().toLowerCase(Locale.ROOT);
  }

  private static Double value(BudgetResult budget) {
    return budget == null || Double.isNaN(budget.value()) ? null : budget.value();
  }
}
