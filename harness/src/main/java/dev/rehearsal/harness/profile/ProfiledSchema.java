package dev.rehearsal.harness.profile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chosen tables as the source's catalog describes them, the DDL that recreates them, and
 * what that DDL cannot reproduce (said in the scenario's header and on the console).
 */
record ProfiledSchema(List<Table> tables, String ddl, List<String> notReproduced) {

  /** One column; {@code type} as {@code format_type} prints it, {@code category} as the mapping reads it. */
  record Column(String name, String type, boolean notNull, String identity, boolean generated, String defaultExpr,
      Category category, List<String> enumLabels) {

    /** A value the server makes itself (identity, serial, generated). */
    boolean serverFilled() {
      return !identity.isEmpty() || generated || (defaultExpr != null && defaultExpr.startsWith("nextval("));
    }
  }

  enum Category { INTEGER, DECIMAL, BOOLEAN, TEXT, ENUM, TIMESTAMP, UUID, JSON, OTHER }

  /** A single-column foreign key to another profiled table. */
  record ForeignKey(String column, String parent, String parentColumn) {}

  /**
   * @param name as written in the DDL and the dataset ({@code orders}, or {@code sales.orders} outside public)
   * @param reltuples the planner's row estimate, -1 when the table was never vacuumed or analyzed
   */
  record Table(long oid, String schema, String relname, String name, double reltuples, boolean analyzed,
      List<Column> columns, List<String> primaryKey, Set<String> uniqueColumns, List<ForeignKey> foreignKeys) {

    Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The primary key when it is one column, else empty. */
    Optional<String> singleKey() {
      return primaryKey.size() == 1 ? Optional.of(primaryKey.get(0)) : Optional.empty();
    }

    Optional<ForeignKey> foreignKey(String columnName) {
      return foreignKeys.stream().filter(f -> f.column().equals(columnName)).findFirst();
    }
  }

  Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name) || t.relname().equals(name)).findFirst();
  }
}
