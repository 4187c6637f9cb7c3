package dev.rehearsal.report;

import static dev.rehearsal.report.SvgChart.PLOT_BOTTOM;
import static dev.rehearsal.report.SvgChart.PLOT_LEFT;
import static dev.rehearsal.report.SvgChart.PLOT_RIGHT;
import static dev.rehearsal.report.SvgChart.PLOT_TOP;

/**
 * The SVG elements a chart is drawn with that are not specific to one part of it: a line, a
 * dashed line across the plot, and a rectangle over the plot's full height (a column, for a
 * band, a stall, a statement or a hover area). The chart's axes, its series and its overlays
 * all draw with these, so that each element is written one way, with its coordinates rounded
 * by {@link Fmt#coord}.
 */
final class SvgMarkup {

  private SvgMarkup() {}

  /**
   * The opening of a rectangle over the plot's full height from {@code x}, {@code width} pixels
   * wide; the caller closes it, with or without a tooltip.
   *
   * @param cssClass a class, or null
   * @param opacity fill-opacity, or null
   */
  static String column(String cssClass, double x, double width, String fill, String opacity) {
    return "<rect" + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + " x=\"" + Fmt.coord(x) + "\" y=\""
        + Fmt.coord(PLOT_TOP) + "\" width=\"" + Fmt.coord(width) + "\" height=\"" + Fmt.coord(PLOT_BOTTOM - PLOT_TOP)
        + "\" fill=\"" + fill + "\"" + (opacity == null ? "" : " fill-opacity=\"" + opacity + "\"");
  }

  /** Closes a {@link #column} with a tooltip. */
  static String titled(String tooltip) {
    return "><title>" + Html.escape(tooltip) + "</title></rect>\n";
  }

  static String horizontalLine(double y, String colour, String dash) {
    return line(PLOT_LEFT, y, PLOT_RIGHT, y, colour, 1, dash);
  }

  static String line(double x1, double y1, double x2, double y2, String colour,
      double width, String dash) {
    return "<line x1=\"" + Fmt.coord(x1) + "\" y1=\"" + Fmt.coord(y1) + "\" x2=\""
        + Fmt.coord(x2) + "\" y2=\"" + Fmt.coord(y2) + "\" stroke=\"" + colour
        + "\" stroke-width=\"" + Fmt.coord(width) + "\""
        + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  }
}
