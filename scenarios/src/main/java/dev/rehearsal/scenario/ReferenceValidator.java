package dev.rehearsal.scenario;

import java.util.List;

/**
 * Checks a {@code reference} column: a foreign key, whose values are drawn from existing rows
 * of another table of the same dataset. It is the one generator whose check depends on the rest
 * of the dataset (the parent must be seeded, and cannot be the column's own table), so it is
 * given the names of every table, those listed after this one included: the seeder orders
 * parents first.
 */
final class ReferenceValidator {

  private final ErrorReporter errors;
  private final GeneratorSettingsValidator settings;
  private final List<String> tableNames;

  ReferenceValidator(ErrorReporter errors, GeneratorSettingsValidator settings,
      List<String> tableNames) {
    this.errors = errors;
    this.settings = settings;
    this.tableNames = tableNames;
  }

  /** @param table the table being seeded, which the column may not reference */
  void check(ColumnSpec column, String path, String table) {
    String tablePath = path + "/table";
    String tables = tableNames.isEmpty() ? "there are none"
        : "dataset tables: " + String.join(", ", tableNames);
    String target = errors.requireText(column.table(), tablePath,
        "name the parent table, e.g. {generator: reference, table: users}; " + tables);
    if (!tableNames.contains(target)) {
      throw errors.at(tablePath,
          "foreign key to a missing table: " + target + " is not in the dataset",
          "reference draws values of existing rows of a seeded table (names are "
              + "case-sensitive, as written); " + tables);
    }
    if (target.equals(table)) {
      throw errors.at(tablePath, "table " + table + " cannot reference itself",
          "its rows do not exist yet while it is seeded; leave the column NULL with "
              + "nullFraction: 1, or give it another generator");
    }
    if (column.column() != null) {
      errors.requireText(column.column(), path + "/column",
          "name the parent's column, or leave column out for its primary key");
    }
    settings.checkSkew(column.skew(), path + "/skew");
  }
}
