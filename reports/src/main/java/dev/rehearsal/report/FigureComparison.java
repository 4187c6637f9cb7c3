package dev.rehearsal.report;

import dev.rehearsal.report.ReportDiff.FigureDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff.Status;

/**
 * One summary figure, baseline against current, judged against its tolerance. Null and NaN
 * both mean "not measured". Infinite values compare by direction alone: a figure that became
 * infinite got worse (or better) beyond any tolerance.
 */
final class FigureComparison {

  /** Decimal fractions are inexact in binary: 1.0 to 1.1 is exactly 10%, not 10.000000000000009%. */
  private static final double ROUNDING = 1e-9;

  private FigureComparison() {}

  static FigureDiff compare(String metric, Double baseline, Double current, DiffTolerance tolerance) {
    Double b = measured(baseline);
    Double c = measured(current);
    boolean higherIsBetter = MetricCatalogue.higherIsBetter(metric);
    if (b == null || c == null) {
      Status status = b == null && c == null ? Status.NOT_MEASURED
          : b == null ? Status.NEWLY_MEASURED : Status.NO_LONGER_MEASURED;
      return new FigureDiff(metric, b, c, null, null, higherIsBetter, null, status);
    }
    double allowed = tolerance.allowed(metric, b);
    double change = b.equals(c) ? 0 : c - b;
    Double relative = b == 0 || Double.isInfinite(b) ? null : change / Math.abs(b);
    double worsening = higherIsBetter ? -change : change;
    Status status;
    if (change == 0) {
      status = Status.WITHIN;
    } else if (Double.isInfinite(change)) {
      status = worsening > 0 ? Status.WORSE : Status.BETTER;
    } else if (beyond(worsening, allowed)) {
      status = Status.WORSE;
    } else if (beyond(-worsening, allowed)) {
      status = Status.BETTER;
    } else {
      status = Status.WITHIN;
    }
    return new FigureDiff(metric, b, c, change, relative, higherIsBetter, allowed, status);
  }

  private static boolean beyond(double move, double allowed) {
    return move > allowed + ROUNDING * Math.max(1, Math.abs(allowed));
  }

  private static Double measured(Double value) {
    return value == null || value.isNaN() ? null : value;
  }
}
