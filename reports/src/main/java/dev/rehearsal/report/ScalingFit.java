package dev.rehearsal.report;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A figure measured at several data sizes, fitted against rows and carried to a larger size.
 *
 * <p>Two models of two parameters each, fitted by ordinary least squares: linear, {@code a + b·n}
 * (a scan, a rewrite, a backfill: work per row), and n log n, {@code a + b·n·ln n} (a sort: an
 * index build). The one with the higher R² is chosen: with as many parameters each, R² compares
 * them fairly; a tie goes to linear, the simpler of the two.
 *
 * <p>The spread is the chosen model's 95% prediction interval at the target, {@code ŷ ± t(0.975,
 * k−2)·s·√(1 + 1/k + (f₀−f̄)²/Sff)} (k points, s the residual standard error, f the model's term
 * n or n·ln n), joined with the other model's own 95% prediction interval when that model fits too
 * (R² ≥ {@value #MIN_R_SQUARED}): far beyond the sizes measured, which model is right is often the
 * larger uncertainty. Its low end is floored at 0: no figure here is negative.
 *
 * <p>It refuses, with the reason and no number: fewer than {@value #MIN_SIZES} distinct row counts
 * (two points fit any line exactly, leaving no residual to judge it by); a target not above the
 * largest size measured (interpolation: the cells measured say more than a fit); the same value at
 * every size (nothing grows to fit); R² below {@value #MIN_R_SQUARED} on both models; a figure
 * that shrinks as rows grow.
 */
public final class ScalingFit {

  /** Fewer distinct row counts leave no residual: any two points fit a line exactly. */
  public static final int MIN_SIZES = 3;

  /** Below this R² on both models, the measurements are more noise than growth. */
  public static final double MIN_R_SQUARED = 0.9;

  /** Where the spread comes from, for sweep.json and the page. */
  public static final String SPREAD_METHOD = "the chosen model's 95% prediction interval, joined with the other "
      + "model's when that one fits too (R² ≥ " + MIN_R_SQUARED + ")";

  /** t(0.975, df) for df 1..30; beyond, df 30's (slightly wide, never narrow). */
  private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
      2.056, 2.052, 2.048, 2.045, 2.042};

  private ScalingFit() {}

  /** How a figure grows with rows. */
  public enum Model {
    LINEAR("linear"),
    N_LOG_N("n log n");

    private final String label;

    Model(String label) {
      this.label = label;
    }

    /** "linear", "n log n": as sweep.json and the page name it. */
    public String label() {
      return label;
    }

    /** The model's term at {@code rows}: n, or n·ln n. */
    double term(double rows) {
      return this == LINEAR ? rows : rows * Math.log(rows);
    }
  }

  /** One measurement: the figure's value in a cell of {@code rows}. */
  public record Point(long rows, double value) {}

  /** A fitted model: {@code intercept + slope·term(n)}. */
  public record Line(Model model, double intercept, double slope, double rSquared) {

    double at(long rows) {
      return intercept + slope * model.term(rows);
    }
  }

  /**
   * The fit, or why there is none.
   *
   * @param chosen the model with the higher R²; null when refused before fitting
   * @param alternative the other model
   * @param predictedValue the chosen model at the target rows; null when refused
   * @param lowValue the spread's low end (floored at 0)
   * @param refusal why nothing is predicted, or null
   */
  public record Result(Line chosen, Line alternative, Double predictedValue, Double lowValue, Double highValue,
      String refusal) {

    static Result refused(Line chosen, Line alternative, String why) {
      return new Result(chosen, alternative, null, null, null, why);
    }
  }

  /**
   * Why sizes {@code rows} cannot be extrapolated to {@code targetRows}, whatever was measured;
   * null when they can.
   */
  public static String sizesRefusal(Collection<Long> rows, long targetRows) {
    TreeSet<Long> distinct = new TreeSet<>(rows);
    if (distinct.size() < MIN_SIZES) {
      return String.format(Locale.ROOT, "measured at %d distinct row count%s (%s); a fit needs at least %d, or any "
              + "line fits exactly: sweep at least %d sizes, e.g. --rows 1M,4M,16M", distinct.size(),
          distinct.size() == 1 ? "" : "s", distinct.stream().map(Fmt::count).collect(Collectors.joining(", ")),
          MIN_SIZES, MIN_SIZES);
    }
    if (targetRows <= distinct.last()) {
      return String.format(Locale.ROOT, "%s rows is not above the largest size measured (%s rows): that is "
          + "interpolation, not extrapolation; read the measured cells instead, or extrapolate to more than %s",
          Fmt.count(targetRows), Fmt.count(distinct.last()), Fmt.count(distinct.last()));
    }
    return null;
  }

  /** Fits {@code points} and predicts the figure at {@code targetRows}, or says why not. */
  public static Result fit(List<Point> points, long targetRows) {
    String sizes = sizesRefusal(points.stream().map(Point::rows).toList(), targetRows);
    if (sizes != null) {
      return Result.refused(null, null, sizes);
    }
    double mean = points.stream().mapToDouble(Point::value).average().orElse(0);
    double totalSquares = points.stream().mapToDouble(p -> (p.value() - mean) * (p.value() - mean)).sum();
    if (totalSquares <= 1e-12 * Math.max(1, mean * mean) * points.size()) {
      return Result.refused(null, null, "it is the same (" + Fmt.number(mean) + ") at every size measured: nothing "
          + "grows with rows to fit");
    }
    Line linear = line(Model.LINEAR, points, totalSquares);
    Line nLogN = line(Model.N_LOG_N, points, totalSquares);
    // the higher R² wins; a tie (within rounding) goes to linear, the simpler story
    boolean linearWins = linear.rSquared() >= nLogN.rSquared() - 1e-12;
    Line chosen = linearWins ? linear : nLogN;
    Line alternative = linearWins ? nLogN : linear;
    if (chosen.rSquared() < MIN_R_SQUARED) {
      return Result.refused(chosen, alternative, String.format(Locale.ROOT, "the fit is poor: R² %s (linear) and %s "
              + "(n log n), both below %s; the sizes measured vary more than they grow", rSquared(linear),
          rSquared(nLogN), MIN_R_SQUARED));
    }
    if (chosen.slope() < 0) {
      return Result.refused(chosen, alternative, "it shrinks as rows grow (" + chosen.model().label() + " slope "
          + "below 0): no model of growth to carry further");
    }
    double predicted = chosen.at(targetRows);
    double halfWidth = predictionHalfWidth(chosen, points, targetRows);
    double low = predicted - halfWidth;
    double high = predicted + halfWidth;
    if (alternative.rSquared() >= MIN_R_SQUARED) {
      double other = alternative.at(targetRows);
      double otherHalfWidth = predictionHalfWidth(alternative, points, targetRows);
      low = Math.min(low, other - otherHalfWidth);
      high = Math.max(high, other + otherHalfWidth);
    }
    return new Result(chosen, alternative, Math.max(0, predicted), Math.max(0, low), Math.max(0, high), null);
  }

  /** "0.998": R² as the page and the console show it. */
  public static String rSquared(Line line) {
    return String.format(Locale.ROOT, "%.3f", line.rSquared());
  }

  /** Ordinary least squares of value on the model's term. */
  private static Line line(Model model, List<Point> points, double totalSquares) {
    double termMean = points.stream().mapToDouble(p -> model.term(p.rows())).average().orElse(0);
    double valueMean = points.stream().mapToDouble(Point::value).average().orElse(0);
    double termSquares = 0;
    double crossProducts = 0;
    for (Point p : points) {
      double dt = model.term(p.rows()) - termMean;
      termSquares += dt * dt;
      crossProducts += dt * (p.value() - valueMean);
    }
    double slope = crossProducts / termSquares;
    double intercept = valueMean - slope * termMean;
    Line unrated = new Line(model, intercept, slope, 0);
    double residualSquares = residualSquares(unrated, points);
    return new Line(model, intercept, slope, 1 - residualSquares / totalSquares);
  }

  private static double residualSquares(Line line, List<Point> points) {
    return points.stream().mapToDouble(p -> Math.pow(p.value() - line.at(p.rows()), 2)).sum();
  }

  /** Half the 95% prediction interval's width at {@code targetRows}. */
  private static double predictionHalfWidth(Line line, List<Point> points, long targetRows) {
    int k = points.size();
    int degreesOfFreedom = k - 2;
    double residualStdError = Math.sqrt(residualSquares(line, points) / degreesOfFreedom);
    double termMean = points.stream().mapToDouble(p -> line.model().term(p.rows())).average().orElse(0);
    double termSquares = points.stream().mapToDouble(p -> Math.pow(line.model().term(p.rows()) - termMean, 2)).sum();
    double distance = line.model().term(targetRows) - termMean;
    double t = T_975[Math.min(degreesOfFreedom, T_975.length) - 1];
    return t * residualStdError * Math.sqrt(1 + 1.0 / k + distance * distance / termSquares);
  }
}
