package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.profile.ProfiledSchema.Category;
import dev.rehearsal.harness.profile.ProfiledSchema.Column;
import dev.rehearsal.harness.profile.ProfiledSchema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset part: rows per table from {@code reltuples} (times {@code --rows-scale}), and a
 * {@link ColumnPlan} per column from its statistics. A table with no statistics (never analyzed)
 * is kept in the schema but left out of the dataset, said with the ANALYZE to run; a column the
 * server fills itself (identity, serial, generated) is left to the seeder, which counts keys up.
 */
final class DatasetProfile {

  /** A seeded table: its rows and each column's plan. */
  record TablePlan(Table table, long rows, Map<String, ColumnPlan> columns) {}

  private final List<TablePlan> tables = new ArrayList<>();

  List<TablePlan> tables() {
    return tables;
  }

  static DatasetProfile build(ProfiledSchema schema, StatsReader stats, ProfileOptions options, List<String> notes) {
    DatasetProfile profile = new DatasetProfile();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Map<String, ColumnStats>> allStats = new LinkedHashMap<>();
    for (Table t : schema.tables()) {
      if (!t.analyzed() || t.reltuples() < 0) {
        notes.add("never analyzed: " + t.name() + " has no statistics; left out of the dataset (its schema is kept). "
            + "Run ANALYZE " + t.name() + "; on the source (or its primary) and profile again");
        continue;
      }
      if (t.reltuples() < 0.5) {
        notes.add("empty: " + t.name() + " has no rows; left out of the dataset");
        continue;
      }
      rows.put(t.name(), Math.max(1, Math.round(t.reltuples() * options.rowsScale())));
      allStats.put(t.name(), stats.read(t));
    }
    Map<String, ColumnMapping.Parent> parents = new LinkedHashMap<>();
    for (Table t : schema.tables()) {
      if (rows.containsKey(t.name())) {
        parents.put(t.name(), parent(t, rows.get(t.name()), allStats.get(t.name()), options));
      }
    }
    for (Table t : schema.tables()) {
      if (!rows.containsKey(t.name())) {
        continue;
      }
      Map<String, ColumnPlan> columns = new LinkedHashMap<>();
      for (Column c : t.columns()) {
        if (c.serverFilled()) {
          continue;
        }
        ColumnMapping.Parent parent = t.foreignKey(c.name()).map(fk -> parents.get(fk.parent())).orElse(null);
        ColumnPlan plan = ColumnMapping.plan(c, allStats.get(t.name()).get(c.name()),
            new ColumnMapping.Facts(rows.get(t.name()), t.uniqueColumns().contains(c.name()), parent,
                options.keepValues()));
        if (plan.note() != null) {
          notes.add("column " + t.name() + "." + c.name() + ": " + plan.note());
        }
        columns.put(c.name(), plan);
      }
      profile.tables.add(new TablePlan(t, rows.get(t.name()), columns));
    }
    return profile;
  }

  /** Where the table's keys lie once seeded, when its key is one integer column seeded as a full range. */
  private static ColumnMapping.Parent parent(Table t, long rows, Map<String, ColumnStats> stats, ProfileOptions o) {
    if (t.singleKey().isEmpty()) {
      return new ColumnMapping.Parent(t.name(), rows, null, null);
    }
    Column key = t.column(t.singleKey().get()).orElseThrow();
    if (key.category() != Category.INTEGER) {
      return new ColumnMapping.Parent(t.name(), rows, null, null);
    }
    if (key.serverFilled()) {
      return new ColumnMapping.Parent(t.name(), rows, 1L, rows); // the seeder counts 1, 2, ...
    }
    ColumnPlan plan = ColumnMapping.plan(key, stats.get(key.name()), new ColumnMapping.Facts(rows, true, null, false));
    if (plan.spec() == null || plan.low() == null) {
      return new ColumnMapping.Parent(t.name(), rows, null, null);
    }
    long low = Long.parseLong(plan.low());
    long high = Long.parseLong(plan.high());
    boolean full = high - low + 1 == rows;
    return new ColumnMapping.Parent(t.name(), rows, full ? low : null, full ? high : null);
  }

  /** The dataset section: tables with rows and their columns' specs. */
  List<Map<String, Object>> yaml() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TablePlan t : tables) {
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("name", t.table().name());
      table.put("rows", t.rows());
      Map<String, Object> columns = new LinkedHashMap<>();
      t.columns().forEach((name, plan) -> {
        if (plan.spec() != null) {
          columns.put(name, plan.spec());
        }
      });
      if (!columns.isEmpty()) {
        table.put("columns", columns);
      }
      out.add(table);
    }
    return out;
  }

  /** Per table name, the rows seeded. */
  Map<String, Long> rows() {
    Map<String, Long> out = new LinkedHashMap<>();
    tables.forEach(t -> out.put(t.table().name(), t.rows()));
    return out;
  }

  Map<String, Map<String, ColumnPlan>> plans() {
    Map<String, Map<String, ColumnPlan>> out = new LinkedHashMap<>();
    tables.forEach(t -> out.put(t.table().name(), t.columns()));
    return out;
  }
}
