package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.Verdict;
import dev.rehearsal.report.MetricCatalogue;
import dev.rehearsal.scenario.BudgetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges budgets. A figure breaches a threshold when it reaches it ({@code >=}: "lostWrites
 * critical 1" fails on the first lost write), or, for a {@code strict} budget, when it exceeds
 * it ({@code >}). Critical is checked before warn. A budget whose figure this run did not
 * measure is {@code unmeasured} and does not count.
 */
public final class BudgetJudge {

  public static final String PASS = "pass";
  public static final String WARN = "warn";
  public static final String FAIL = "fail";
  public static final String UNMEASURED = "unmeasured";

  private BudgetJudge() {}

  public static List<BudgetResult> judge(List<BudgetSpec> budgets, Summary summary) {
    Map<String, Double> figures = MetricCatalogue.figures(summary);
    List<BudgetResult> results = new ArrayList<>();
    for (BudgetSpec b : budgets) {
      Double value = figures.get(b.metric());
      String status;
      if (value == null || value.isNaN()) {
        status = UNMEASURED;
      } else if (breaches(value, b.critical(), b.isStrict())) {
        status = FAIL;
      } else if (breaches(value, b.warn(), b.isStrict())) {
        status = WARN;
      } else {
        status = PASS;
      }
      results.add(new BudgetResult(b.metric(), b.warn(), b.critical(), b.isStrict(),
          value == null ? Double.NaN : value, status, b.action(), b.owner()));
    }
    return results;
  }

  static boolean breaches(double value, Double threshold, boolean strict) {
    return threshold != null && (strict ? value > threshold : value >= threshold);
  }

  /**
   * The verdict with its cause first when the budgets breached: "Statement 1 (...) waited 2.0 s
   * for its lock ... Budgets: peakP99Ms = 2,041 (warn: ≥ 1,000)".
   *
   * @param cause what the migration did to the application, or null
   */
  public static Verdict verdict(List<BudgetResult> results, String cause) {
    Verdict verdict = verdict(results);
    if (cause == null || verdict.status().equals(PASS)) {
      return verdict;
    }
    return new Verdict(verdict.status(), cause + " Budgets: " + verdict.headline());
  }

  /** The worst status wins; the headline names what breached, worst first. */
  /**
   * The verdict of a run that stopped early: the budgets were judged on part of it, so a pass is
   * only "nothing breached so far", and the headline says so first.
   */
  public static Verdict incomplete(Verdict judged) {
    String prefix = judged.status().equals(FAIL)
        ? "Incomplete run, judged on what was measured until it stopped: "
        : "Incomplete run, judged on what was measured until it stopped (not a pass; rehearse again to the end): ";
    return new Verdict(judged.status(), prefix + judged.headline());
  }

  public static Verdict verdict(List<BudgetResult> results) {
    List<BudgetResult> failed = results.stream().filter(r -> r.status().equals(FAIL)).toList();
    List<BudgetResult> warned = results.stream().filter(r -> r.status().equals(WARN)).toList();
    if (!failed.isEmpty()) {
      return new Verdict(FAIL, describe(failed, true));
    }
    if (!warned.isEmpty()) {
      return new Verdict(WARN, describe(warned, false));
    }
    long judged = results.stream().filter(r -> !r.status().equals(UNMEASURED)).count();
    return new Verdict(PASS, "every budget held (" + judged + " judged)");
  }

  private static String describe(List<BudgetResult> breached, boolean critical) {
    List<String> parts = new ArrayList<>();
    for (BudgetResult r : breached) {
      Double threshold = critical ? r.critical() : r.warn();
      parts.add(String.format(Locale.ROOT, "%s = %s (%s: %s)", r.metric(), number(r.value()),
          critical ? "critical" : "warn", r.condition(threshold)));
    }
    return String.join("; ", parts);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.1f", v);
  }
}
