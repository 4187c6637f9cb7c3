package dev.rehearsal.report;

import dev.rehearsal.report.ReportDiff.BudgetDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff;
import dev.rehearsal.report.ReportDiff.LoneStrategy;
import dev.rehearsal.report.ReportDiff.MetricTolerance;
import dev.rehearsal.report.ReportDiff.Side;
import dev.rehearsal.report.ReportDiff.StrategyDiff;
import dev.rehearsal.report.ReportSet.Loaded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two sides of the nightly check. Reports pair by strategy name; when each side is a
 * single report they pair whatever their names (a note says so when the names differ), so two
 * strategies' report.json files can be compared directly.
 */
public final class ReportDiffer {

  private ReportDiffer() {}

  /**
   * @throws DiffInputException when no strategy is on both sides
   */
  public static ReportDiff diff(ReportSet baseline, ReportSet current, DiffTolerance tolerance) {
    List<String> notes = new ArrayList<>();
    if (!new HashSet<>(baseline.scenarios()).equals(new HashSet<>(current.scenarios()))) {
      notes.add("different scenarios: the baseline is " + names(baseline.scenarios()) + ", the current run "
          + names(current.scenarios()) + "; compared anyway, strategy by strategy");
    }
    Map<Loaded, Loaded> pairs = pair(baseline, current);
    if (pairs.isEmpty()) {
      throw new DiffInputException("nothing to compare: no strategy is on both sides (the baseline has "
          + strategies(baseline.reports()) + ", the current run " + strategies(current.reports()) + ")",
          "diff reports of the same scenario; to compare two different strategies, pass their two report.json files");
    }
    List<StrategyDiff> strategies = new ArrayList<>();
    pairs.forEach((b, c) -> strategies.add(strategy(b, c, tolerance, notes)));
    List<LoneStrategy> added = current.reports().stream().filter(c -> !pairs.containsValue(c))
        .map(ReportDiffer::lone).toList();
    List<LoneStrategy> removed = baseline.reports().stream().filter(b -> !pairs.containsKey(b))
        .map(ReportDiffer::lone).toList();
    DiffHeadline headline = DiffHeadline.of(strategies, added);
    boolean figuresWorse = strategies.stream().anyMatch(s -> !s.figures(FigureDiff.Status.WORSE).isEmpty());
    return new ReportDiff(ReportDiff.DIFF_VERSION, headline.outcome(), headline.text(),
        headline.outcome() == ReportDiff.Outcome.REGRESSION, figuresWorse, side(baseline), side(current),
        List.copyOf(notes), tolerance.describe(), tolerances(tolerance), List.copyOf(strategies), added, removed);
  }

  /** Baseline report to current report, in the current side's order. */
  private static Map<Loaded, Loaded> pair(ReportSet baseline, ReportSet current) {
    Map<Loaded, Loaded> pairs = new LinkedHashMap<>();
    if (baseline.single() && current.single()) {
      pairs.put(baseline.reports().get(0), current.reports().get(0));
      return pairs;
    }
    for (Loaded c : current.reports()) {
      baseline.reports().stream().filter(b -> b.strategy().equals(c.strategy())).findFirst()
          .ifPresent(b -> pairs.put(b, c));
    }
    return pairs;
  }

  private static StrategyDiff strategy(Loaded b, Loaded c, DiffTolerance tolerance, List<String> notes) {
    if (!b.strategy().equals(c.strategy())) {
      notes.add("different strategies: " + b.strategy() + " in the baseline, " + c.strategy()
          + " in the current run; compared with each other");
    }
    incomplete("baseline", b, notes);
    incomplete("current", c, notes);
    Map<String, Double> before = figures(b.report());
    Map<String, Double> after = figures(c.report());
    List<FigureDiff> figures = new ArrayList<>();
    for (String metric : after.keySet()) {
      figures.add(FigureComparison.compare(metric, before.get(metric), after.get(metric), tolerance));
    }
    List<BudgetDiff> budgets = BudgetComparison.compare(b.report().budgets(), c.report().budgets());
    String verdictBefore = verdict(b.report());
    String verdictAfter = verdict(c.report());
    boolean newlyFails = BudgetComparison.FAIL.equals(verdictAfter) && !BudgetComparison.FAIL.equals(verdictBefore);
    return new StrategyDiff(c.strategy(), b.strategy().equals(c.strategy()) ? null : b.strategy(),
        b.file().toString(), c.file().toString(), b.report().complete(), c.report().complete(),
        verdictBefore, verdictAfter, newlyFails, List.copyOf(figures), budgets);
  }

  private static void incomplete(String side, Loaded loaded, List<String> notes) {
    if (!loaded.report().complete()) {
      notes.add("the " + side + " run of strategy " + loaded.strategy() + " is incomplete ("
          + Objects.requireNonNullElse(loaded.report().failure(), "no reason recorded")
          + "): its figures cover only what was observed");
    }
  }

  /** Every metric, null where not measured; all null when the report has no summary. */
  private static Map<String, Double> figures(RehearsalReport report) {
    if (report.summary() != null) {
      return MetricCatalogue.figures(report.summary());
    }
    Map<String, Double> none = new LinkedHashMap<>();
    MetricCatalogue.names().forEach(m -> none.put(m, null));
    return none;
  }

  private static String verdict(RehearsalReport report) {
    return report.verdict() == null || report.verdict().status() == null ? null
        : report.verdict().status().strip().toLowerCase(Locale.ROOT);
  }

  private static LoneStrategy lone(Loaded loaded) {
    List<String> failing = Nulls.list(loaded.report().budgets()).stream()
        .filter(b -> BudgetComparison.FAIL.equals(BudgetComparison.status(b)))
        .map(b -> Nulls.text(b.metric())).toList();
    return new LoneStrategy(loaded.strategy(), loaded.file().toString(), verdict(loaded.report()), failing);
  }

  private static Side side(ReportSet set) {
    Instant startedAt = set.reports().stream().map(r -> r.report().startedAt()).filter(Objects::nonNull)
        .min(Instant::compareTo).orElse(null);
    return new Side(set.path().toString(), set.scenarios(), startedAt);
  }

  private static List<MetricTolerance> tolerances(DiffTolerance tolerance) {
    return MetricCatalogue.names().stream()
        .map(m -> new MetricTolerance(m, tolerance.relative(m), tolerance.absolute(m))).toList();
  }

  private static String names(List<String> names) {
    return String.join(" and ", names);
  }

  private static String strategies(List<Loaded> reports) {
    return reports.stream().map(Loaded::strategy).toList().toString();
  }
}
