package dev.rehearsal.report;

import java.util.List;

/** Maps a value to a vertical pixel position inside a chart's plot area (SVG y grows down). */
interface YScale {

  /** A gridline: its value, its label (null for an unlabelled minor line). */
  record Tick(double value, String label) {
    boolean major() {
      return label != null;
    }
  }

  /** The pixel y for {@code value}; values outside the scale are clamped to its ends. */
  double y(double value);

  /** Gridlines to draw, bottom to top. */
  List<Tick> ticks();
}
