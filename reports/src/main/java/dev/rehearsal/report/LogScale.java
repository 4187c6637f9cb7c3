package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic y scale for latencies in milliseconds. Its ends are whole decades so
 * that every labelled gridline is a power of ten (1 ms, 10 ms, 100 ms, 1 s ...). Latency needs
 * a log scale: a 5 s lock wait and a 2 ms baseline must both be readable on one chart.
 */
final class LogScale implements YScale {

  /** Nothing below 1 µs is worth a decade of chart height. */
  private static final int LOWEST_DECADE = -3;

  private final int lowDecade;
  private final int highDecade;
  private final double topPx;
  private final double bottomPx;

  LogScale(int lowDecade, int highDecade, double topPx, double bottomPx) {
    if (highDecade <= lowDecade) {
      throw new IllegalArgumentException(
          "need at least one decade: " + lowDecade + ".." + highDecade);
    }
    this.lowDecade = lowDecade;
    this.highDecade = highDecade;
    this.topPx = topPx;
    this.bottomPx = bottomPx;
  }

  /**
   * The smallest whole-decade scale covering the positive finite values given; 1 ms to 1 s if
   * there are none. Zero and negative values cannot be shown on a log scale and are ignored
   * here (they are drawn on the bottom edge).
   */
  static LogScale coveringMs(Iterable<Double> valuesMs, double topPx, double bottomPx) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Double v : valuesMs) {
      if (v != null && Double.isFinite(v) && v > 0) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min == Double.POSITIVE_INFINITY) {
      return new LogScale(0, 3, topPx, bottomPx);
    }
    int low = Math.max(LOWEST_DECADE, (int) Math.floor(Math.log10(min)));
    int high = Math.max(low + 1, (int) Math.ceil(Math.log10(max)));
    return new LogScale(low, high, topPx, bottomPx);
  }

  @Override
  public double y(double valueMs) {
    double decade = valueMs > 0 ? Math.log10(valueMs) : lowDecade;
    double clamped = Math.max(lowDecade, Math.min(highDecade, decade));
    return bottomPx - (clamped - lowDecade) / (highDecade - lowDecade) * (bottomPx - topPx);
  }

  /** A labelled gridline per decade, unlabelled ones at 2x and 5x in between. */
  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    for (int decade = lowDecade; decade <= highDecade; decade++) {
      double value = Math.pow(10, decade);
      ticks.add(new Tick(value, decadeLabel(decade)));
      if (decade < highDecade) {
        ticks.add(new Tick(2 * value, null));
        ticks.add(new Tick(5 * value, null));
      }
    }
    return ticks;
  }

  /** "0.01 ms", "1 ms", "100 ms", "1 s", "100 s". */
  static String decadeLabel(int decade) {
    if (decade < 0) {
      return "0." + "0".repeat(-decade - 1) + "1 ms";
    }
    if (decade < 3) {
      return "1" + "0".repeat(decade) + " ms";
    }
    return "1" + "0".repeat(decade - 3) + " s";
  }
}
