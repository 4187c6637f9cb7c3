package dev.rehearsal.harness.verdict;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.Verdict;
import dev.rehearsal.scenario.BudgetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges budgets: a figure at or above {@code critical} fails, at or above {@code warn} warns
 * (thresholds are inclusive: "lostWrites critical 1" fails on the first lost write). A budget
 * whose figure this run did not measure is reported as {@code unmeasured} and does not count.
 */
public final class BudgetJudge {

  public static final String PASS = "pass";
  public static final String WARN = "warn";
  public static final String FAIL = "fail";
  public static final String UNMEASURED = "unmeasured";

  private BudgetJudge() {}

  public static List<BudgetResult> judge(List<BudgetSpec> budgets, Summary summary) {
    Map<String, Double> figures = SummaryFigures.of(summary);
    List<BudgetResult> results = new ArrayList<>();
    for (BudgetSpec b : budgets) {
      Double value = figures.get(b.metric());
      String status;
      if (value == null) {
        status = UNMEASURED;
      } else if (b.critical() != null && value >= b.critical()) {
        status = FAIL;
      } else if (b.warn() != null && value >= b.warn()) {
        status = WARN;
      } else {
        status = PASS;
      }
      results.add(new BudgetResult(b.metric(), b.warn(), b.critical(), value == null ? Double.NaN : value,
          status, b.action(), b.owner()));
    }
    return results;
  }

  /** The worst status wins; the headline names what breached, worst first. */
  public static Verdict verdict(List<BudgetResult> results) {
    List<BudgetResult> failed = results.stream().filter(r -> r.status().equals(FAIL)).toList();
    List<BudgetResult> warned = results.stream().filter(r -> r.status().equals(WARN)).toList();
    if (!failed.isEmpty()) {
      return new Verdict(FAIL, describe(failed, true));
    }
    if (!warned.isEmpty()) {
      return new Verdict(WARN, describe(warned, false));
    }
    return new Verdict(PASS, "every budget held");
  }

  private static String describe(List<BudgetResult> breached, boolean critical) {
    List<String> parts = new ArrayList<>();
    for (BudgetResult r : breached) {
      double threshold = critical ? r.critical() : r.warn();
      parts.add(String.format(Locale.ROOT, "%s = %s (%s at %s)", r.metric(), number(r.value()),
          critical ? "critical" : "warn", number(threshold)));
    }
    return String.join("; ", parts);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
