package dev.rehearsal.report;

import java.time.Instant;
import java.util.List;

/**
 * sweep.json: one strategy rehearsed at every combination of PostgreSQL version, data size and
 * rate, to find where its budgets start to fail. Each cell's full report stays in its own
 * directory. Same schema version as report.json.
 *
 * @param pgVersions the major versions swept, in the order given
 * @param rows the row counts of the largest table swept (null entry: the scenario's own)
 * @param rates the open-loop rates swept (null entry: the scenario's own)
 * @param headline where the verdict changes, in one sentence
 * @param differences cells whose verdict differs between PostgreSQL versions, e.g. "1,000,000 rows
 *     at 500 ops/s: PG 15 fail, PG 18 pass"
 * @param cells one per combination, versions outermost, then rows, then rates
 */
public record SweepReport(
    int schemaVersion,
    String scenario,
    String strategy,
    Instant startedAt,
    Instant finishedAt,
    List<Integer> pgVersions,
    List<Long> rows,
    List<Double> rates,
    String headline,
    List<String> differences,
    List<Cell> cells) {

  /**
   * One rehearsal of the sweep.
   *
   * @param rows the largest table's rows in this cell (after scaling)
   * @param rate the open-loop rate in operations per second
   * @param report its report.json, relative to sweep.json
   */
  public record Cell(int pgVersion, long rows, double rate, String verdict, String headline, String report,
      RehearsalReport.Summary summary) {}
}
