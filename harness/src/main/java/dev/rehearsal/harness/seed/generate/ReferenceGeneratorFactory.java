package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.notEnough;

import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.generate.GeneratorFactory.TablePlan;
import dev.rehearsal.scenario.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code reference} generators: a foreign key's values are the values the parent
 * table's column was seeded with, so the parent column's own generator is built (through the
 * {@link GeneratorFactory}, recursively for a parent that references another table) and drawn
 * from by row. This is the one family that needs the other tables of the dataset, and the one
 * that can loop: a chain of references deeper than any real schema is taken for a cycle.
 */
final class ReferenceGeneratorFactory {

  private static final int MAX_REFERENCE_DEPTH = 16;

  private final Map<String, TablePlan> tables;
  private final GeneratorFactory parents;

  /** @param parents builds the parent column's generator */
  ReferenceGeneratorFactory(Map<String, TablePlan> tables, GeneratorFactory parents) {
    this.tables = tables;
    this.parents = parents;
  }

  ColumnGenerator reference(ColumnSpec spec, long rows, long seed, boolean unique, int depth) {
    TablePlan parent = tables.get(spec.table());
    if (parent == null) {
      throw new IllegalArgumentException("foreign key to a missing table: " + spec.table()
          + " is not in the dataset; seeded tables are " + tables.keySet());
    }
    if (depth > MAX_REFERENCE_DEPTH) {
      throw new IllegalArgumentException("references form a cycle through " + spec.table());
    }
    TableColumn parentColumn = parentColumn(parent, spec.column());
    ColumnGenerator values = parents.forColumn(parent, parentColumn, depth + 1);
    if (values == null) {
      throw new IllegalArgumentException("the referenced column " + spec.table() + "." + parentColumn.name()
          + " is filled by the server's DEFAULT, so its values are not known while seeding");
    }
    long parentRows = parent.spec().rows();
    if (!unique) {
      return ReferenceGenerator.skewed(values, parentRows, spec.skew() == null ? 1.0 : spec.skew(), seed);
    }
    if (!values.unique() || rows > parentRows) {
      throw notEnough(rows, values.unique() ? parentRows : 1,
          "a unique foreign key (one-to-one) needs a unique parent column and at least as many parent rows");
    }
    return ReferenceGenerator.oneToOne(values, parentRows, seed);
  }

  private static TableColumn parentColumn(TablePlan parent, String name) {
    if (name != null) {
      return parent.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
          new IllegalArgumentException(parent.spec().name() + " has no column " + name));
    }
    List<TableColumn> keys = parent.columns().stream().filter(TableColumn::primaryKey).toList();
    if (keys.size() != 1) {
      throw new IllegalArgumentException(parent.spec().name() + " has no single-column primary key; "
          + "name the referenced column with column: ...");
    }
    return keys.get(0);
  }
}
