package dev.rehearsal.scenario;

import java.util.Map;

/**
 * One table to seed.
 *
 * @param name table name as in the schema DDL (optionally schema-qualified)
 * @param rows number of rows, at least 1
 * @param columns generators for named columns; a column not listed gets a default derived
 *     from its type
 */
public record TableSpec(String name, long rows, Map<String, ColumnSpec> columns) {

  TableSpec scaled(double factor) {
    return new TableSpec(name, Math.max(1, Math.round(rows * factor)), columns);
  }
}
