package dev.rehearsal.harness.profile;

import java.util.List;
import java.util.Map;

/**
 * What the profile makes of one column: its generator spec for the dataset (null: the seeder's
 * default for the type, or the column's DEFAULT), and what a statement parameter compared with
 * the column should draw, in the same terms: the common values as the scenario writes them
 * (synthetic text unless kept) with their weights, the numeric range, the typical text length.
 *
 * @param note what could not be reproduced for this column, or null
 */
record ColumnPlan(Map<String, Object> spec, String note, List<String> commonValues, List<Double> weights,
    String low, String high, int textLength) {

  static ColumnPlan none(String note) {
    return new ColumnPlan(null, note, List.of(), List.of(), null, null, 12);
  }
}
