package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.bad;

import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.generate.GeneratorFactory.TablePlan;
import dev.rehearsal.scenario.ColumnSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a table's composite keys (a multi-column PRIMARY KEY or UNIQUE constraint) unique, with
 * one row per combination, by arranging the key's columns rather than each column alone.
 *
 * <p>When a key column references a seeded parent table (the {@code product_id} of
 * {@code PRIMARY KEY (product_id, language)}), rows come in groups of {@code fanout} consecutive
 * rows, one group per parent: fanout = rows / parent rows, rounded up, so every parent has
 * {@code fanout} children (the last group may be short, and with fewer rows than parents times
 * fanout the last parents get none). The parent column takes one parent per group, each parent
 * once (scattered over the parent rows as a one-to-one reference is); the last other column of the
 * key takes its position in the group: its generator made unique for {@code fanout} rows and drawn
 * at 1..fanout ({@code values:} of a choice in their seeded order without repetition, integers
 * counting from {@code min} (1), text distinct); any column between them is one value per group.
 *
 * <p>A key that is unique anyway is left alone: a column the scenario declares with a generator
 * that never repeats (sequence, uuid, email, ...), or a uuid. A key with no parent column has its
 * last column made unique over the whole table.
 */
final class CompositeKeys {

  /** What a key column is drawn by. */
  enum Kind {
    /** the parent reference: one parent per group, each parent once */
    PARENT,
    /** one value per group */
    BY_GROUP,
    /** the row's position in its group, distinct within it */
    POSITION,
    /** unique over the whole table (a key with no parent) */
    UNIQUE
  }

  /**
   * @param buildRows the rows the column's generator is built (and checked) for: the groups for
   *     PARENT and BY_GROUP, the fan-out for POSITION, the table's rows for UNIQUE
   */
  record Role(Kind kind, List<String> key, long fanout, long buildRows, String parentTable, long parentRows,
      long rows) {

    /** What the role means for the column's values, for a message about them. */
    String explain(String column) {
      String k = "(" + String.join(", ", key) + ")";
      return switch (kind) {
        case POSITION -> String.format(Locale.ROOT, "the key %s gives each %s row %,d rows here (fan-out: %,d rows"
            + " / %,d parent rows, rounded up), so %s needs %,d distinct values", k, parentTable, fanout, rows,
            parentRows, column, fanout);
        case PARENT, BY_GROUP -> String.format(Locale.ROOT, "the key %s takes one %s row per group of %,d rows"
            + " (%,d groups)", k, parentTable, fanout, buildRows);
        case UNIQUE -> "the key " + k + " references no seeded parent, so " + column + " is made unique";
      };
    }

    String fix(String specPath) {
      return switch (kind) {
        case POSITION -> String.format(Locale.ROOT, "give %s at least %,d distinct values under %s, or seed more"
            + " %s rows (or fewer rows here)", specPath.substring(specPath.lastIndexOf('.') + 1), fanout, specPath,
            parentTable);
        case PARENT, BY_GROUP -> "reference a unique column of " + parentTable + " under " + specPath;
        case UNIQUE -> "give one column of the key a unique generator (sequence, uuid, email) under " + specPath;
      };
    }
  }

  private CompositeKeys() {}

  /** Each arranged key column's role, by column name; columns of no composite key are absent. */
  static Map<String, Role> roles(TablePlan table, Map<String, TablePlan> tables, GeneratorFactory factory,
      int depth) {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (List<String> key : table.compositeKeys()) {
      if (alreadyUnique(table, key, roles, factory, depth)) {
        continue;
      }
      for (String name : key) {
        if (roles.containsKey(name)) {
          throw bad("dataset table " + table.spec().name(), "the unique keys (" + String.join(", ", key)
              + ") and (" + String.join(", ", roles.get(name).key()) + ") share column " + name
              + ", and the seeder arranges one composite key per column", "give one column of ("
              + String.join(", ", key) + ") a unique generator (sequence, uuid, email) under dataset.tables["
              + table.spec().name() + "].columns");
        }
      }
      arrange(table, tables, key, roles);
    }
    return roles;
  }

  private static void arrange(TablePlan table, Map<String, TablePlan> tables, List<String> key,
      Map<String, Role> roles) {
    long rows = table.spec().rows();
    TableColumn parent = key.stream().map(name -> column(table, name)).filter(c -> parentTable(table, tables, c) != null)
        .findFirst().orElse(null);
    if (parent == null) {
      String last = key.get(key.size() - 1);
      roles.put(last, new Role(Kind.UNIQUE, key, 1, rows, null, 0, rows));
      return;
    }
    String parentTable = parentTable(table, tables, parent);
    long parentRows = Math.max(1, tables.get(parentTable).spec().rows());
    long fanout = Math.max(1, (rows + parentRows - 1) / parentRows);
    long groups = Math.max(1, (rows + fanout - 1) / fanout);
    String position = null;
    for (String name : key) {
      if (!name.equals(parent.name())) {
        position = name;
      }
    }
    for (String name : key) {
      Kind kind = name.equals(parent.name()) ? Kind.PARENT : name.equals(position) ? Kind.POSITION : Kind.BY_GROUP;
      long buildRows = kind == Kind.POSITION ? fanout : groups;
      roles.put(name, new Role(kind, key, fanout, buildRows, parentTable, parentRows, rows));
    }
  }

  /**
   * A key is unique anyway when a column of it is made unique by an earlier key, or when a column's
   * own generator never repeats and was chosen for it: declared by the scenario, or a type default
   * other than counting (a uuid). A default sequence does not count: a column counting 1, 2, 3...
   * inside a key is what the position in the group is for.
   */
  private static boolean alreadyUnique(TablePlan table, List<String> key, Map<String, Role> roles,
      GeneratorFactory factory, int depth) {
    for (String name : key) {
      Role earlier = roles.get(name);
      if (earlier != null) {
        if (earlier.kind() == Kind.UNIQUE || key.containsAll(earlier.key())) {
          return true;
        }
        continue;
      }
      TableColumn column = column(table, name);
      ColumnGenerator natural = factory.forColumn(table, column, depth, null);
      boolean declared = table.spec().columns().containsKey(name);
      if (natural != null && natural.unique() && (declared || !(natural instanceof SequenceGenerator))) {
        return true;
      }
    }
    return false;
  }

  /** The seeded table a key column references, when it is drawn as a reference; else null. */
  private static String parentTable(TablePlan table, Map<String, TablePlan> tables, TableColumn column) {
    ColumnSpec spec = table.spec().columns().get(column.name());
    String parent;
    if (spec != null) {
      parent = "reference".equals(spec.generator()) ? spec.table() : null;
    } else {
      parent = column.references() != null && column.references().seeded() ? column.references().table() : null;
    }
    return parent != null && tables.containsKey(parent) ? parent : null;
  }

  private static TableColumn column(TablePlan table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalStateException(table.spec().name() + " has no column " + name + " of its key"));
  }
}
