package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws one data series of a chart as an SVG path of steps. How a line is drawn is the chart's
 * most delicate part: per-second values drawn as steps so a queue does not appear to start
 * before its cause, gaps left open, and many seconds in one pixel column folded into one step,
 * so that a day-long run draws as quickly as a short one and a one-second spike still shows.
 *
 * @param endSecond where the data ends: the last second's step stops there
 */
record SeriesPath(TimeAxis axis, YScale scale, double endSecond) {

  /**
   * A series as one path of connected runs. A null or non-finite value, or a missing second,
   * breaks the line instead of drawing a misleading slope across the hole.
   */
  void append(StringBuilder svg, SvgChart.Series line) {
    StringBuilder path = new StringBuilder();
    List<SvgChart.Point> run = new ArrayList<>();
    SvgChart.Point previous = null;
    for (SvgChart.Point point : line.points()) {
      boolean drawable = point.value() != null && Double.isFinite(point.value());
      boolean contiguous = previous != null && point.second() - previous.second() <= 1.0 + 1e-9;
      if (!drawable || !contiguous) {
        flushRun(run, path);
      }
      if (drawable) {
        run.add(point);
        previous = point;
      } else {
        previous = null;
      }
    }
    flushRun(run, path);
    if (path.length() > 0) {
      svg.append("<path class=\"series\" d=\"")
          .append(path.toString().trim())
          .append("\" fill=\"none\" stroke=\"")
          .append(line.colour())
          .append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\"><title>")
          .append(Html.escape(line.label()))
          .append("</title></path>\n");
    }
  }

  /**
   * Draws a run as steps: each value is what happened during its second, so it holds from the
   * second's start to its end. Lines between per-second points would start a queue a second
   * before the statement that caused it.
   *
   * <p>Seconds that start in the same pixel column (a run longer than the plot is wide) are
   * drawn as one step that spans their lowest and highest value and ends at the last: a
   * one-second spike stays visible, and a day-long run's page stays the size of a short one's.
   */
  private void flushRun(List<SvgChart.Point> run, StringBuilder path) {
    int i = 0;
    while (i < run.size()) {
      SvgChart.Point first = run.get(i);
      long column = (long) Math.floor(axis.x(first.second()));
      double low = first.value();
      double high = first.value();
      int next = i + 1;
      while (next < run.size() && (long) Math.floor(axis.x(run.get(next).second())) == column) {
        low = Math.min(low, run.get(next).value());
        high = Math.max(high, run.get(next).value());
        next++;
      }
      SvgChart.Point last = run.get(next - 1);
      String y = Fmt.coord(scale.y(first.value()));
      if (i == 0) {
        path.append('M').append(Fmt.coord(axis.x(first.second()))).append(' ').append(y).append(' ');
      } else {
        path.append('V').append(y).append(' ');
      }
      if (next - i > 1) {
        path.append('V').append(Fmt.coord(scale.y(high))).append(' ')
            .append('V').append(Fmt.coord(scale.y(low))).append(' ')
            .append('V').append(Fmt.coord(scale.y(last.value()))).append(' ');
      }
      path.append('H').append(Fmt.coord(axis.x(Math.min(last.second() + 1, Math.max(endSecond, last.second())))))
          .append(' ');
      i = next;
    }
    run.clear();
  }
}
