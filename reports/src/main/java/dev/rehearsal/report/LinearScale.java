package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A y scale from 0 to a "nice" maximum (1, 2 or 5 times a power of ten), with about four
 * labelled gridlines.
 */
final class LinearScale implements YScale {

  private final double topValue;
  private final double stepValue;
  private final double topPx;
  private final double bottomPx;

  private LinearScale(double topValue, double stepValue, double topPx, double bottomPx) {
    this.topValue = topValue;
    this.stepValue = stepValue;
    this.topPx = topPx;
    this.bottomPx = bottomPx;
  }

  /**
   * A scale from 0 up to one step above {@code maxValue}.
   *
   * @param wholeNumbers true for counts (connections, sessions): no gridline at 0.5
   */
  static LinearScale upTo(double maxValue, boolean wholeNumbers, double topPx, double bottomPx) {
    if (!(Double.isFinite(maxValue) && maxValue > 0)) {
      return new LinearScale(1, 1, topPx, bottomPx);
    }
    double max = maxValue;
    double step = niceStep(max / 4);
    if (wholeNumbers) {
      step = Math.max(1, step);
    }
    // strictly above the largest value, so a plateau at the maximum does not merge with the frame
    double top = (Math.floor(max / step + 1e-9) + 1) * step;
    return new LinearScale(top, step, topPx, bottomPx);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  double topValue() {
    return topValue;
  }

  @Override
  public double y(double value) {
    double clamped = Math.max(0, Math.min(topValue, value));
    return bottomPx - clamped / topValue * (bottomPx - topPx);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    int steps = (int) Math.round(topValue / stepValue);
    for (int i = 0; i <= steps; i++) {
      double value = i * stepValue;
      ticks.add(new Tick(value, Fmt.number(value)));
    }
    return ticks;
  }
}
