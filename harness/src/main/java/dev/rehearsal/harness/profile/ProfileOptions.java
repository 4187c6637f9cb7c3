package dev.rehearsal.harness.profile;

import java.time.Duration;
import java.util.List;

/**
 * What {@code rehearse profile} was asked: the source, which tables (empty: all), how long to
 * sample pg_stat_statements, how many statements at most, whether text values may be copied, a
 * factor for every table's rows, and whether the workload part is required.
 */
public record ProfileOptions(String jdbcUrl, List<String> tables, Duration sample, int top, boolean keepValues,
    double rowsScale, Workload workload) {

  /** {@code auto}: without pg_stat_statements, a warning and a placeholder operation (exit 0);
   * {@code required}: exit 2 instead; {@code none}: do not sample. */
  public enum Workload { AUTO, REQUIRED, NONE }
}
