package dev.rehearsal.report;

import static dev.rehearsal.report.SvgChart.HEIGHT;
import static dev.rehearsal.report.SvgChart.PLOT_BOTTOM;
import static dev.rehearsal.report.SvgChart.PLOT_LEFT;
import static dev.rehearsal.report.SvgChart.PLOT_RIGHT;
import static dev.rehearsal.report.SvgChart.PLOT_TOP;
import static dev.rehearsal.report.SvgMarkup.horizontalLine;
import static dev.rehearsal.report.SvgMarkup.line;

/**
 * Draws the frame of a chart: the gridlines and labels of the y scale, the ticks and labels of
 * the time axis, the two axis lines and the axis titles. The frame depends only on the scales
 * and the label, not on what is plotted, and every chart of a page draws it the same way from
 * the same {@link TimeAxis}, which is what lines the charts up second for second.
 *
 * @param yLabel y axis label including the unit, e.g. "ms (log scale)"
 */
record ChartAxes(TimeAxis axis, YScale scale, String yLabel) {

  private static final String GRID_COLOUR = "#d0d7de";
  private static final String MINOR_GRID_COLOUR = "#eef1f4";
  private static final String AXIS_COLOUR = "#57606a";

  void appendGrid(StringBuilder svg) {
    for (YScale.Tick tick : scale.ticks()) {
      double y = scale.y(tick.value());
      svg.append(horizontalLine(y, tick.major() ? GRID_COLOUR : MINOR_GRID_COLOUR, null));
      if (tick.major()) {
        svg.append("<text class=\"y-tick\" x=\"")
            .append(Fmt.coord(PLOT_LEFT - 6))
            .append("\" y=\"")
            .append(Fmt.coord(y + 4))
            .append("\" text-anchor=\"end\">")
            .append(Html.escape(tick.label()))
            .append("</text>\n");
      }
    }
    for (double second : axis.tickSeconds()) {
      double x = axis.x(second);
      svg.append(line(x, PLOT_BOTTOM, x, PLOT_BOTTOM + 4, AXIS_COLOUR, 1, null));
      svg.append("<text class=\"x-tick\" x=\"")
          .append(Fmt.coord(x))
          .append("\" y=\"")
          .append(Fmt.coord(PLOT_BOTTOM + 16))
          .append("\" text-anchor=\"middle\">")
          .append(Html.escape(axis.tickLabel(second)))
          .append("</text>\n");
    }
  }

  void appendAxes(StringBuilder svg) {
    svg.append(line(PLOT_LEFT, PLOT_TOP, PLOT_LEFT, PLOT_BOTTOM, AXIS_COLOUR, 1, null));
    svg.append(line(PLOT_LEFT, PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM, AXIS_COLOUR, 1, null));
    double middleY = (PLOT_TOP + PLOT_BOTTOM) / 2;
    svg.append("<text class=\"y-label\" transform=\"translate(16 ")
        .append(Fmt.coord(middleY))
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(Html.escape(yLabel))
        .append("</text>\n");
    svg.append("<text class=\"x-label\" x=\"")
        .append(Fmt.coord((PLOT_LEFT + PLOT_RIGHT) / 2))
        .append("\" y=\"")
        .append(Fmt.coord(HEIGHT - 8))
        .append("\" text-anchor=\"middle\">").append(Html.escape(axis.title())).append("</text>\n");
  }
}
