package dev.rehearsal.harness.profile;

import java.util.List;

/**
 * One column's row of {@code pg_stats}: the share of NULLs, the average width in bytes, the
 * number of distinct values (negative: minus that fraction of the rows), the most common values
 * with their frequencies (shares of all rows), the equi-depth histogram bounds of the other
 * values, and the correlation of physical and logical order. Values are as PostgreSQL prints
 * them (UTC, ISO dates).
 */
record ColumnStats(String column, double nullFraction, int averageWidth, double distinct, List<String> commonValues,
    List<Double> commonFrequencies, List<String> histogramBounds, Double correlation) {

  /** Distinct non-NULL values among {@code rows} rows. */
  double distinctValues(double rows) {
    return distinct < 0 ? -distinct * rows : distinct;
  }

  /** The most common values' share of all rows. */
  double commonShare() {
    return commonFrequencies.stream().mapToDouble(Double::doubleValue).sum();
  }
}
