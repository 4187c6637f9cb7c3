package dev.rehearsal.report;

import static dev.rehearsal.report.SvgMarkup.column;
import static dev.rehearsal.report.SvgMarkup.horizontalLine;
import static dev.rehearsal.report.SvgMarkup.line;
import static dev.rehearsal.report.SvgMarkup.titled;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one timeline chart as inline SVG: gridlines, axes, data series, the migration band,
 * statement bands and a legend. No JavaScript and no external references: the page must work
 * opened from a CI artifact with no network.
 *
 * <p>Every chart has the same size and plot area, and the caller passes the same {@link
 * TimeAxis} to all of them, so the charts line up vertically second for second.
 *
 * <p>This class collects what one chart shows and lays out the SVG document: it draws the
 * overlays (bands, stalls, thresholds, hover areas, statements) and the legend itself, and
 * leaves the frame to {@link ChartAxes} and each data series to {@link SeriesPath}.
 *
 * <p>All text added through this class is escaped with {@link Html#escape}.
 */
final class SvgChart {

  static final double WIDTH = 960;
  static final double HEIGHT = 220;
  static final double PLOT_LEFT = 72;
  static final double PLOT_RIGHT = WIDTH - 24;
  static final double PLOT_TOP = 36;
  static final double PLOT_BOTTOM = HEIGHT - 44;

  private static final String TEXT_COLOUR = "#57606a";
  private static final String BAND_COLOUR = "#fb8500";
  private static final String MARKER_COLOUR = "#6e40c9";
  private static final String STALL_COLOUR = "#cf222e";

  /** One value at one second; a null value is a gap in the line. */
  record Point(double second, Double value) {}

  /** A line on the chart. */
  record Series(String label, String colour, List<Point> points) {}

  private record Band(double fromSecond, double toSecond, String label) {}

  /** Seconds in which nothing completed: the worst moments, which a latency line cannot show. */
  private record Stall(double fromSecond, double toSecond, String tooltip) {}

  /** A migration statement: shaded from its start to its end, labelled at the top. */
  private record Marker(double fromSecond, double toSecond, String label, String tooltip) {}

  private record Threshold(double value, String label, String colour) {}

  private record Hover(double second, String tooltip) {}

  private final String id;
  private final String description;
  private final String yLabel;
  private final TimeAxis axis;
  private final YScale scale;
  private final List<Series> series = new ArrayList<>();
  private final List<Band> bands = new ArrayList<>();
  private final List<Stall> stalls = new ArrayList<>();
  private double endSecond = Double.POSITIVE_INFINITY;
  private final List<Marker> markers = new ArrayList<>();
  private final List<Threshold> thresholds = new ArrayList<>();
  private final List<Hover> hovers = new ArrayList<>();
  private String emptyMessage;

  /**
   * @param id element id, also used by tests and deep links (e.g. "chart-latency")
   * @param description what the chart shows, for screen readers
   * @param yLabel y axis label including the unit, e.g. "ms (log scale)"
   */
  SvgChart(String id, String description, String yLabel, TimeAxis axis, YScale scale) {
    this.id = id;
    this.description = description;
    this.yLabel = yLabel;
    this.axis = axis;
    this.scale = scale;
  }

  SvgChart series(Series line) {
    series.add(line);
    return this;
  }

  /** A shaded time range, such as the migration window. */
  SvgChart band(double fromSecond, double toSecond, String label) {
    bands.add(new Band(fromSecond, toSecond, label));
    return this;
  }

  /** Marks a second in which nothing completed (hatched red), with a tooltip saying so. */
  SvgChart stall(double fromSecond, double toSecond, String tooltip) {
    stalls.add(new Stall(fromSecond, toSecond, tooltip));
    return this;
  }

  /** Where the data ends: the last second's step stops here when the load stopped mid-second. */
  SvgChart endAt(double second) {
    if (Double.isFinite(second)) {
      endSecond = second;
    }
    return this;
  }

  SvgChart statement(double fromSecond, double toSecond, String label, String tooltip) {
    markers.add(new Marker(fromSecond, toSecond, label, tooltip));
    return this;
  }

  /** A dashed horizontal line at a value, such as the latency spike threshold. */
  SvgChart threshold(double value, String label, String colour) {
    thresholds.add(new Threshold(value, label, colour));
    return this;
  }

  /** An invisible one-second-wide column that shows {@code tooltip} on hover. */
  SvgChart hover(double second, String tooltip) {
    hovers.add(new Hover(second, tooltip));
    return this;
  }

  /** Text shown in the middle of the plot, e.g. when there is no data. */
  SvgChart emptyMessage(String message) {
    this.emptyMessage = message;
    return this;
  }

  String toSvg() {
    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg class=\"chart\" id=\"")
        .append(Html.escape(id))
        .append("\" viewBox=\"0 0 ")
        .append(Math.round(WIDTH))
        .append(' ')
        .append(Math.round(HEIGHT))
        .append("\" width=\"100%\" role=\"img\" aria-label=\"")
        .append(Html.escape(description))
        .append("\" font-size=\"11\" fill=\"")
        .append(TEXT_COLOUR)
        .append("\">\n");
    appendBands(svg);
    appendStalls(svg);
    ChartAxes frame = new ChartAxes(axis, scale, yLabel);
    frame.appendGrid(svg);
    frame.appendAxes(svg);
    SeriesPath lines = new SeriesPath(axis, scale, endSecond);
    for (Series line : series) {
      lines.append(svg, line);
    }
    appendThresholds(svg);
    appendHovers(svg);
    appendMarkers(svg);
    appendLegend(svg);
    if (emptyMessage != null) {
      svg.append("<text class=\"empty\" x=\"")
          .append(Fmt.coord((PLOT_LEFT + PLOT_RIGHT) / 2))
          .append("\" y=\"")
          .append(Fmt.coord((PLOT_TOP + PLOT_BOTTOM) / 2))
          .append("\" text-anchor=\"middle\" font-size=\"13\">")
          .append(Html.escape(emptyMessage))
          .append("</text>\n");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private void appendBands(StringBuilder svg) {
    for (Band band : bands) {
      double x1 = axis.x(band.fromSecond());
      // A migration shorter than a pixel must still be visible.
      double width = Math.max(2, axis.x(band.toSecond()) - x1);
      svg.append(column("migration-band", x1, width, BAND_COLOUR, "0.14")).append(titled(band.label()));
    }
  }

  private void appendStalls(StringBuilder svg) {
    for (Stall stall : stalls) {
      double x1 = axis.x(stall.fromSecond());
      double width = Math.max(2, axis.x(stall.toSecond()) - x1);
      svg.append(column("stall", x1, width, STALL_COLOUR, "0.22")).append(titled(stall.tooltip()));
    }
  }

  private void appendThresholds(StringBuilder svg) {
    for (Threshold threshold : thresholds) {
      if (!Double.isFinite(threshold.value())) {
        continue;
      }
      svg.append("<g class=\"threshold\"><title>")
          .append(Html.escape(threshold.label()))
          .append("</title>")
          .append(horizontalLine(scale.y(threshold.value()), threshold.colour(), "6 4"))
          .append("</g>\n");
    }
  }

  private void appendHovers(StringBuilder svg) {
    for (Hover hover : hovers) {
      // the second's own span, as the steps draw it; at least a pixel to be hoverable
      double x = axis.x(hover.second());
      double width = Math.max(1, axis.x(hover.second() + 1) - x);
      svg.append(column("hover", x, width, "transparent", null)).append(titled(hover.tooltip()));
    }
  }

  /**
   * Drawn after the hover columns so that a statement's own tooltip wins. A statement shorter
   * than a few pixels keeps a hoverable width, centred on its start.
   */
  private void appendMarkers(StringBuilder svg) {
    for (Marker marker : markers) {
      double x1 = axis.x(marker.fromSecond());
      double x2 = Math.max(axis.x(marker.toSecond()), x1 + 2);
      double hoverX = Math.min(x1, (x1 + x2) / 2 - 4);
      double hoverWidth = Math.max(x2 - x1, 8);
      svg.append("<g class=\"statement-band\"><title>")
          .append(Html.escape(marker.tooltip()))
          .append("</title>")
          .append(column(null, x1, x2 - x1, MARKER_COLOUR, "0.18")).append("/>")
          .append(line(x1, PLOT_TOP, x1, PLOT_BOTTOM, MARKER_COLOUR, 1, "3 2"))
          .append(column(null, hoverX, hoverWidth, "transparent", null)).append("/>")
          .append("<text x=\"")
          .append(Fmt.coord(x1 + 3))
          .append("\" y=\"")
          .append(Fmt.coord(PLOT_TOP + 10))
          .append("\" fill=\"")
          .append(MARKER_COLOUR)
          .append("\" font-size=\"10\">")
          .append(Html.escape(marker.label()))
          .append("</text></g>\n");
    }
  }

  /** One row above the plot: a swatch and a label per series, threshold, band and marker. */
  private void appendLegend(StringBuilder svg) {
    double x = PLOT_LEFT;
    double y = 16;
    svg.append("<g class=\"legend\">");
    for (Series line : series) {
      x = legendItem(svg, x, y, line(x, y - 4, x + 16, y - 4, line.colour(), 2.5, null),
          line.label());
    }
    for (Threshold threshold : thresholds) {
      x = legendItem(svg, x, y, line(x, y - 4, x + 16, y - 4, threshold.colour(), 1.5, "4 3"),
          threshold.label());
    }
    if (!bands.isEmpty()) {
      String swatch = "<rect x=\"" + Fmt.coord(x) + "\" y=\"" + Fmt.coord(y - 10)
          + "\" width=\"16\" height=\"12\" fill=\"" + BAND_COLOUR + "\" fill-opacity=\"0.25\"/>";
      x = legendItem(svg, x, y, swatch, "migration window");
    }
    if (!stalls.isEmpty()) {
      String swatch = "<rect x=\"" + Fmt.coord(x) + "\" y=\"" + Fmt.coord(y - 10)
          + "\" width=\"16\" height=\"12\" fill=\"" + STALL_COLOUR + "\" fill-opacity=\"0.3\"/>";
      x = legendItem(svg, x, y, swatch, "nothing completed");
    }
    if (!markers.isEmpty()) {
      String swatch = "<rect x=\"" + Fmt.coord(x) + "\" y=\"" + Fmt.coord(y - 10)
          + "\" width=\"16\" height=\"12\" fill=\"" + MARKER_COLOUR + "\" fill-opacity=\"0.35\"/>";
      legendItem(svg, x, y, swatch, "migration statement (#n)");
    }
    svg.append("</g>\n");
  }

  /** Appends a legend entry and returns where the next one starts. */
  private static double legendItem(StringBuilder svg, double x, double y, String swatch,
      String label) {
    svg.append(swatch)
        .append("<text x=\"")
        .append(Fmt.coord(x + 21))
        .append("\" y=\"")
        .append(Fmt.coord(y))
        .append("\">")
        .append(Html.escape(label))
        .append("</text>");
    // No text measurement without a browser: 6.2 px per character of 11 px sans-serif is close.
    return x + 21 + label.length() * 6.2 + 16;
  }
}
