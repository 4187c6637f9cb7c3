package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one horizontal axis all timeline charts share: seconds since load start mapped to pixels.
 * Using a single instance for every chart is what keeps a spike in latency directly above the
 * pool queue and the blocked sessions that caused it.
 */
final class TimeAxis {

  /** Tick spacings a reader can add up in their head. */
  private static final double[] TICK_STEPS_SECONDS = {
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200
  };

  private static final int MAX_TICKS = 12;

  private final double fromSecond;
  private final double toSecond;
  private final double leftPx;
  private final double rightPx;
  private final String title;

  TimeAxis(double fromSecond, double toSecond, double leftPx, double rightPx) {
    this(fromSecond, toSecond, leftPx, rightPx, "seconds since load start");
  }

  /** @param title what the seconds count from, shown under the axis */
  TimeAxis(double fromSecond, double toSecond, double leftPx, double rightPx, String title) {
    if (!(toSecond > fromSecond)) {
      throw new IllegalArgumentException("empty time range " + fromSecond + ".." + toSecond);
    }
    this.fromSecond = fromSecond;
    this.toSecond = toSecond;
    this.leftPx = leftPx;
    this.rightPx = rightPx;
    this.title = title;
  }

  String title() {
    return title;
  }

  /**
   * An axis from load start (or the first second, if earlier) to the last thing worth showing:
   * the end of the last timeline second, the end of the load phase, the end of the migration or the last
   * statement start. Never zero-width, so a single-second or empty timeline still draws.
   */
  static TimeAxis covering(RehearsalReport report, double leftPx, double rightPx) {
    double from = 0;
    double to = 0;
    for (RehearsalReport.TimelineSecond second : Nulls.list(report.timeline())) {
      from = Math.min(from, second.second());
      to = Math.max(to, second.second() + 1);
    }
    RehearsalReport.Phases phases = report.phases();
    if (phases != null && Double.isFinite(phases.endSecond()) && phases.endSecond() > to - 1) {
      // the load stopped part-way through its last second: the axis ends with it
      to = phases.endSecond();
    }
    if (phases != null) {
      to = maxFinite(to, phases.endSecond());
      to = maxFinite(to, phases.migrationEndSecond());
    }
    for (RehearsalReport.StatementResult statement : Nulls.list(report.statements())) {
      to = maxFinite(to, statement.startSecond());
    }
    if (to - from < 1) {
      to = from + 1;
    }
    return new TimeAxis(from, to, leftPx, rightPx);
  }

  private static double maxFinite(double current, double candidate) {
    return Double.isFinite(candidate) ? Math.max(current, candidate) : current;
  }

  double fromSecond() {
    return fromSecond;
  }

  double toSecond() {
    return toSecond;
  }

  double leftPx() {
    return leftPx;
  }

  double rightPx() {
    return rightPx;
  }

  /** Pixel x for a second; seconds outside the axis are clamped to its ends. */
  double x(double second) {
    double clamped = Math.max(fromSecond, Math.min(toSecond, second));
    return leftPx + (clamped - fromSecond) / (toSecond - fromSecond) * (rightPx - leftPx);
  }

  /** Pixels one second spans. */
  double pxPerSecond() {
    return (rightPx - leftPx) / (toSecond - fromSecond);
  }

  /** Tick positions in seconds: a round step chosen so there are at most a dozen. */
  List<Double> tickSeconds() {
    double span = toSecond - fromSecond;
    double step = TICK_STEPS_SECONDS[TICK_STEPS_SECONDS.length - 1];
    for (double candidate : TICK_STEPS_SECONDS) {
      if (span / candidate <= MAX_TICKS) {
        step = candidate;
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(fromSecond / step) * step; t <= toSecond + 1e-9; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  /** "0 s", "45 s", "600 s": always seconds, to match statement start times in the tables. */
  String tickLabel(double second) {
    return Math.round(second) + " s";
  }
}
