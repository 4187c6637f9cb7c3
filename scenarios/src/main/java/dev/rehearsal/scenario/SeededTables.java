package dev.rehearsal.scenario;

import java.util.List;

/**
 * The tables the validated dataset seeds, as the workload sees them. Key parameters draw ids of
 * a seeded table and a ledger records rows written to one, so both check a name against this
 * list, and both end their hint with the same list of tables to choose from.
 */
final class SeededTables {

  private final List<String> names;

  SeededTables(DatasetSpec dataset) {
    this.names = dataset.tables().stream().map(TableSpec::name).toList();
  }

  boolean contains(String table) {
    return names.contains(table);
  }

  /** The end of a hint: the tables to choose from, or that there are none yet. */
  String hint() {
    return names.isEmpty() ? "there are none yet; declare it under dataset.tables"
        : "dataset tables: " + String.join(", ", names);
  }
}
