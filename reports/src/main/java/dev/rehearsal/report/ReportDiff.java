package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Two rehearsals compared: the nightly regression check ({@code rehearse diff}), written as
 * JSON by {@code --json}. Built by {@link ReportDiffer}, shown by {@link DiffMarkdown}.
 *
 * @param diffVersion {@link #DIFF_VERSION}
 * @param outcome regression, worse or no-regression
 * @param headline the outcome and what caused it, in one line of plain text
 * @param newlyFails a budget newly fails, or a verdict newly became fail (exit code 1)
 * @param figuresWorse a figure got worse beyond its tolerance (exit code 1 with
 *     --fail-on-regression)
 * @param notes what the reader should know about the comparison itself: different scenarios,
 *     different strategy names compared, incomplete runs
 * @param tolerance the tolerance in words, with the --tolerance settings given
 * @param tolerances the tolerance of every metric, as applied
 * @param strategies the strategies present on both sides
 * @param added strategies only in the current run
 * @param removed strategies only in the baseline
 */
public record ReportDiff(
    int diffVersion,
    Outcome outcome,
    String headline,
    boolean newlyFails,
    boolean figuresWorse,
    Side baseline,
    Side current,
    List<String> notes,
    String tolerance,
    List<MetricTolerance> tolerances,
    List<StrategyDiff> strategies,
    List<LoneStrategy> added,
    List<LoneStrategy> removed) {

  public static final int DIFF_VERSION = 1;

  /** The overall result, worst first. */
  public enum Outcome {
    /** A budget newly fails or a verdict newly became fail. */
    REGRESSION,
    /** No new failure, but figures got worse beyond tolerance or budgets newly warn. */
    WORSE,
    /** Nothing got worse beyond tolerance. */
    NO_REGRESSION;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One side as given on the command line.
   *
   * @param path the path given
   * @param scenarios the scenario names of its reports
   * @param startedAt when its earliest report's run started, or null
   */
  public record Side(String path, List<String> scenarios, Instant startedAt) {}

  /** One metric's tolerance: a change counts when it exceeds both (see {@link DiffTolerance}). */
  public record MetricTolerance(String metric, double relative, double absolute) {}

  /**
   * One strategy on both sides.
   *
   * @param strategy its name in the current run
   * @param baselineStrategy its name in the baseline when that differs (two single reports
   *     compared whatever their names), else null
   * @param baselineVerdict pass, warn, fail, or null when the report has no verdict
   * @param figures every summary figure, in {@link MetricCatalogue} order
   * @param budgets every budget on either side, current order first
   */
  public record StrategyDiff(
      String strategy,
      String baselineStrategy,
      String baselineFile,
      String currentFile,
      boolean baselineComplete,
      boolean currentComplete,
      String baselineVerdict,
      String currentVerdict,
      boolean verdictNewlyFails,
      List<FigureDiff> figures,
      List<BudgetDiff> budgets) {

    public List<FigureDiff> figures(FigureDiff.Status status) {
      return figures.stream().filter(f -> f.status() == status).toList();
    }

    public List<BudgetDiff> budgets(BudgetDiff.Change change) {
      return budgets.stream().filter(b -> b.change() == change).toList();
    }
  }

  /**
   * One summary figure, baseline against current.
   *
   * @param baseline null when not measured (null or NaN in the report)
   * @param change current minus baseline; null unless both were measured
   * @param relativeChange change over |baseline|; null when the baseline is 0, infinite or
   *     not measured
   * @param allowed the change the tolerance allows from this baseline
   */
  public record FigureDiff(
      String metric,
      Double baseline,
      Double current,
      Double change,
      Double relativeChange,
      boolean higherIsBetter,
      Double allowed,
      Status status) {

    /** "+900 (+22%)", "-3", "+0.4 (+5%)"; empty when either side was not measured. */
    public String changeText() {
      if (change == null) {
        return "";
      }
      String text = signed(change);
      return relativeChange == null ? text : text + " (" + percent() + ")";
    }

    /** "+22%" when there is a relative change, else the change itself ("+3"). */
    public String shortChangeText() {
      return change == null ? "" : relativeChange == null ? signed(change) : percent();
    }

    private String percent() {
      return signed(relativeChange * 100) + "%";
    }

    private static String signed(double value) {
      return (value > 0 ? "+" : "") + Fmt.number(value);
    }

    /** What happened to the figure. */
    public enum Status {
      /** Moved the wrong way by more than the tolerance. */
      WORSE,
      /** Moved the right way by more than the tolerance. */
      BETTER,
      /** Moved by no more than the tolerance (or not at all). */
      WITHIN,
      /** Measured in the baseline, not in the current run: coverage lost. */
      NO_LONGER_MEASURED,
      /** Measured in the current run only. */
      NEWLY_MEASURED,
      /** Measured on neither side. */
      NOT_MEASURED;

      @JsonValue
      public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
    }
  }

  /**
   * One budget, baseline against current. Budgets pair by metric (and by order among budgets
   * of the same metric).
   *
   * @param baselineStatus pass, warn, fail or unmeasured; null when the baseline has no such
   *     budget
   * @param currentStatus likewise for the current run
   * @param baselineValue the figure judged; null when absent or not measured
   * @param warn the current thresholds (the baseline's when the budget was removed)
   * @param thresholdsChanged warn, critical or strictness differ between the two sides
   */
  public record BudgetDiff(
      String metric,
      String baselineStatus,
      String currentStatus,
      Double baselineValue,
      Double currentValue,
      Double warn,
      Double critical,
      boolean strict,
      boolean thresholdsChanged,
      Change change) {

    /** What happened to the budget's status. */
    public enum Change {
      /** Fails now; did not fail in the baseline, or was not there. */
      NEWLY_FAILS,
      /** Warns now; passed, was unmeasured or was not there in the baseline. */
      NEWLY_WARNS,
      /** Passes now; warned or failed in the baseline. */
      FIXED,
      /** Warns now; failed in the baseline. */
      IMPROVED,
      /** Unmeasured now; judged in the baseline. */
      NO_LONGER_MEASURED,
      /** Only in the current run, and passing or unmeasured. */
      ADDED,
      /** Only in the baseline. */
      REMOVED,
      /** Same status on both sides (or newly judged and passing). */
      UNCHANGED;

      @JsonValue
      public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
    }
  }

  /**
   * A strategy on one side only.
   *
   * @param verdict pass, warn, fail, or null
   * @param failingBudgets the metrics of its budgets that fail
   */
  public record LoneStrategy(String strategy, String file, String verdict, List<String> failingBudgets) {}
}
