package dev.rehearsal.harness.run;

import java.util.List;

/**
 * What {@code sweep --cell} or {@code compare --cell} leaves beside a cell's reports
 * ({@value FanOut#MANIFEST}), so that {@code rehearse merge} can put the matrix back together from
 * the CI runners' outputs: which plan the cell belongs to (scenario, strategy, axes, every cell's
 * id) and where in it this cell sits.
 *
 * @param kind "sweep" or "compare"
 * @param strategy the strategy swept, or the one this compare cell rehearsed
 * @param pgVersions the sweep's axes as given (a null entry: the scenario's own); null for compare
 * @param cells every cell id of the plan, in the order a single machine would rehearse them
 * @param cell this cell's id
 * @param dir its reports' directory, relative to the output directory
 * @param pgVersion this sweep cell's version (with {@code rows} and {@code rate}); null for compare
 * @param extrapolateToRows the sweep's {@code --extrapolate-to}, which merge carries the statements'
 *     figures to; null when not given, and in manifests written before it existed
 */
public record CellManifest(int manifestVersion, String kind, String scenario, String strategy,
    List<Integer> pgVersions, List<Long> rowsAxis, List<Double> ratesAxis, List<String> cells, String cell,
    String dir, Integer pgVersion, Long rows, Double rate, Long extrapolateToRows) {

  static final int VERSION = 1;

  static CellManifest sweepCell(String scenario, String strategy, Sweep.Axes axes, List<String> cells,
      Sweep.PlannedCell cell, Long extrapolateToRows) {
    return new CellManifest(VERSION, "sweep", scenario, strategy, axes.pgVersions(), axes.rows(), axes.rates(), cells,
        cell.id(), cell.dir(), cell.key().pgVersion(), cell.rows(), cell.rate(), extrapolateToRows);
  }

  static CellManifest compareCell(String scenario, String strategy, List<String> cells, String dir) {
    return new CellManifest(VERSION, "compare", scenario, strategy, null, null, null, cells, dir, dir, null, null,
        null, null);
  }

  /** Whether {@code other} is a cell of the same plan. */
  boolean samePlan(CellManifest other) {
    return kind.equals(other.kind) && scenario.equals(other.scenario) && cells.equals(other.cells)
        && (kind.equals("compare") || strategy.equals(other.strategy));
  }
}
