package dev.rehearsal.report;

import dev.rehearsal.report.SweepReport.Cell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link SweepReport} from its cells: where the verdict turns, and where versions differ. */
public final class SweepMatrix {

  private SweepMatrix() {}

  public static SweepReport of(String scenario, String strategy, Instant startedAt, Instant finishedAt,
      List<Integer> pgVersions, List<Long> rows, List<Double> rates, List<Cell> cells) {
    return of(scenario, strategy, startedAt, finishedAt, pgVersions, rows, rates, cells, null);
  }

  /** @param extrapolateToRows the size to carry each statement's figures to; null for none */
  public static SweepReport of(String scenario, String strategy, Instant startedAt, Instant finishedAt,
      List<Integer> pgVersions, List<Long> rows, List<Double> rates, List<Cell> cells, Long extrapolateToRows) {
    return new SweepReport(RehearsalReport.SCHEMA_VERSION, scenario, strategy, startedAt, finishedAt, pgVersions,
        rows, rates, headline(cells), differences(cells), cells,
        extrapolateToRows == null ? null : SweepExtrapolation.of(cells, extrapolateToRows));
  }

  /**
   * "fails from 500 ops/s at 1,000,000 rows (PG 18); passes at 100 ops/s": per version, the
   * smallest load (rows, then rate) at which the verdict is fail, else warn.
   */
  static String headline(List<Cell> cells) {
    if (cells.isEmpty()) {
      return "No cell was rehearsed.";
    }
    Map<Integer, List<Cell>> byVersion = new LinkedHashMap<>();
    cells.forEach(c -> byVersion.computeIfAbsent(c.pgVersion(), v -> new ArrayList<>()).add(c));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Integer, List<Cell>> e : byVersion.entrySet()) {
      Cell firstFail = first(e.getValue(), "fail");
      Cell firstWarn = first(e.getValue(), "warn");
      long passed = e.getValue().stream().filter(c -> "pass".equals(c.verdict())).count();
      String where = firstFail != null ? "fails from " + point(firstFail)
          : firstWarn != null ? "warns from " + point(firstWarn) : "passes everywhere";
      parts.add("PG " + e.getKey() + ": " + where + " (" + passed + " of " + e.getValue().size() + " cells pass)");
    }
    return String.join("; ", parts) + ".";
  }

  /** The cell with this verdict at the least data, then the lowest rate. */
  private static Cell first(List<Cell> cells, String verdict) {
    return cells.stream().filter(c -> verdict.equals(c.verdict()))
        .min(java.util.Comparator.comparingLong(Cell::rows).thenComparingDouble(Cell::rate)).orElse(null);
  }

  static String point(Cell c) {
    return String.format(Locale.ROOT, "%,d rows at %s ops/s", c.rows(), Fmt.number(c.rate()));
  }

  /** Cells (rows, rate) whose verdict is not the same on every version swept. */
  static List<String> differences(List<Cell> cells) {
    Map<String, List<Cell>> byPoint = new LinkedHashMap<>();
    cells.forEach(c -> byPoint.computeIfAbsent(point(c), p -> new ArrayList<>()).add(c));
    List<String> differences = new ArrayList<>();
    byPoint.forEach((point, same) -> {
      if (same.stream().map(Cell::verdict).filter(Objects::nonNull).distinct().count() > 1) {
        List<String> verdicts = same.stream().map(c -> "PG " + c.pgVersion() + " " + c.verdict()).toList();
        differences.add(point + ": " + String.join(", ", verdicts));
      }
    });
    return differences;
  }
}
