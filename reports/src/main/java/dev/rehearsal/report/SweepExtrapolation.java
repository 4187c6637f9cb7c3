package dev.rehearsal.report;

import dev.rehearsal.report.SweepReport.Cell;
import dev.rehearsal.report.SweepReport.Extrapolation;
import dev.rehearsal.report.SweepReport.FigureFit;
import dev.rehearsal.report.SweepReport.Series;
import dev.rehearsal.report.SweepReport.StatementFigures;
import dev.rehearsal.report.SweepReport.StatementFit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * sweep.json's {@code extrapolation}: per PostgreSQL version and rate, each migration statement
 * (matched across cells by its index) has its duration, lock hold and blocked session-seconds
 * fitted against rows and carried to the size asked for, or the reason it is not.
 */
public final class SweepExtrapolation {

  /** A statement's figure, with how a sentence names it. */
  private record Figure(String name, Function<StatementFigures, Double> value) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("durationSeconds", StatementFigures::durationSeconds),
      new Figure("lockHoldSeconds", StatementFigures::lockHoldSeconds),
      new Figure("blockedSessionSeconds", StatementFigures::blockedSessionSeconds));

  private SweepExtrapolation() {}

  public static Extrapolation of(List<Cell> cells, long targetRows) {
    Map<String, List<Cell>> bySeries = new LinkedHashMap<>();
    cells.stream().filter(c -> c.statements() != null)
        .forEach(c -> bySeries.computeIfAbsent(c.pgVersion() + "/" + c.rate(), k -> new ArrayList<>()).add(c));
    List<Series> series = new ArrayList<>();
    for (List<Cell> same : bySeries.values()) {
      List<Cell> bySize = same.stream().sorted(Comparator.comparingLong(Cell::rows)).toList();
      List<Long> rows = new ArrayList<>(new TreeSet<>(bySize.stream().map(Cell::rows).toList()));
      series.add(new Series(bySize.get(0).pgVersion(), bySize.get(0).rate(), rows,
          ScalingFit.sizesRefusal(rows, targetRows), statements(bySize, targetRows)));
    }
    return new Extrapolation(targetRows, ScalingFit.MIN_R_SQUARED, ScalingFit.SPREAD_METHOD, series);
  }

  /** Every statement index any cell ran, in order, each with its figures fitted. */
  private static List<StatementFit> statements(List<Cell> bySize, long targetRows) {
    TreeSet<Integer> indexes = new TreeSet<>();
    bySize.forEach(c -> c.statements().forEach(s -> indexes.add(s.index())));
    List<StatementFit> fits = new ArrayList<>();
    for (int index : indexes) {
      List<Cell> having = new ArrayList<>();
      List<StatementFigures> seen = new ArrayList<>();
      for (Cell c : bySize) {
        c.statements().stream().filter(s -> s.index() == index).findFirst().ifPresent(s -> {
          having.add(c);
          seen.add(s);
        });
      }
      // the largest size's text and lock: the nearest to production's
      StatementFigures largest = seen.get(seen.size() - 1);
      List<FigureFit> figures = new ArrayList<>();
      for (Figure figure : FIGURES) {
        List<ScalingFit.Point> points = new ArrayList<>();
        for (int i = 0; i < seen.size(); i++) {
          Double value = figure.value().apply(seen.get(i));
          if (value != null) {
            points.add(new ScalingFit.Point(having.get(i).rows(), value));
          }
        }
        if (!points.isEmpty()) {
          figures.add(figureFit(figure.name(), largest, points, targetRows));
        }
      }
      fits.add(new StatementFit(index, largest.sql(), largest.lock(), figures));
    }
    return fits;
  }

  private static FigureFit figureFit(String figure, StatementFigures statement, List<ScalingFit.Point> points,
      long targetRows) {
    ScalingFit.Result fit = ScalingFit.fit(points, targetRows);
    ScalingFit.Line chosen = fit.chosen();
    ScalingFit.Line other = fit.alternative();
    return new FigureFit(figure, points, chosen == null ? null : chosen.model().label(),
        chosen == null ? null : chosen.intercept(), chosen == null ? null : chosen.slope(),
        chosen == null ? null : chosen.rSquared(), other == null ? null : other.model().label(),
        other == null ? null : other.rSquared(), fit.predictedValue(), fit.lowValue(), fit.highValue(),
        fit.refusal(), sentence(figure, statement, fit, targetRows));
  }

  /**
   * "at 200M rows, statement 2 (ALTER TABLE ...) would hold ACCESS EXCLUSIVE for ~38 s (28-51 s
   * from the fit's spread; n log n, R² 0.998)", or "statement 2 (ALTER TABLE ...): ACCESS EXCLUSIVE
   * hold not extrapolated to 200M rows: ..." with the reason.
   */
  static String sentence(String figure, StatementFigures statement, ScalingFit.Result fit, long targetRows) {
    String which = String.format(Locale.ROOT, "statement %d (%s)", statement.index(), statement.sql());
    String lock = statement.lock() == null ? "its lock" : LockModes.words(statement.lock());
    if (fit.refusal() != null) {
      String what = switch (figure) {
        case "durationSeconds" -> "duration";
        case "lockHoldSeconds" -> lock + " hold";
        default -> "blocked session-seconds";
      };
      return which + ": " + what + " not extrapolated to " + rows(targetRows) + " rows: " + fit.refusal();
    }
    String unit = figure.equals("blockedSessionSeconds") ? " session-seconds" : " s";
    String would = switch (figure) {
      case "durationSeconds" -> "take ~";
      case "lockHoldSeconds" -> "hold " + lock + " for ~";
      default -> "block application sessions for ~";
    };
    return String.format(Locale.ROOT, "at %s rows, %s would %s%s%s (%s-%s%s from the fit's spread; %s, R² %s)",
        rows(targetRows), which, would, approx(fit.predictedValue()), unit, approx(fit.lowValue()),
        approx(fit.highValue()), unit, fit.chosen().model().label(), ScalingFit.rSquared(fit.chosen()));
  }

  /** 200M, 5k, 1B, or 12,345: a row count as --rows takes it. */
  static String rows(long rows) {
    if (rows >= 1_000_000_000 && rows % 1_000_000_000 == 0) {
      return rows / 1_000_000_000 + "B";
    }
    if (rows >= 1_000_000 && rows % 1_000_000 == 0) {
      return rows / 1_000_000 + "M";
    }
    if (rows >= 1_000 && rows % 1_000 == 0) {
      return rows / 1_000 + "k";
    }
    return Fmt.count(rows);
  }

  /** As many digits as an extrapolation deserves: 38, 4.2, 0.35. */
  static String approx(double value) {
    return String.format(Locale.ROOT, value >= 10 ? "%,.0f" : value >= 1 ? "%.1f" : "%.2f", value);
  }
}
