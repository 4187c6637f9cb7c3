package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks {@code dataset:} (tables and column generators) and builds the {@link DatasetSpec}. */
final class DatasetValidator {

  /** The generators of {@link ColumnSpec}, in the order the hint lists them. */
  static final List<String> GENERATORS = List.of(
      "sequence", "uniform", "text", "email", "name", "timestamp", "choice", "constant");

  private static final String TABLES = "/dataset/tables";

  private final ErrorReporter errors;

  DatasetValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  DatasetSpec validate(ScenarioDocument.Dataset dataset) {
    if (dataset == null || dataset.tables() == null) {
      return new DatasetSpec(List.of());
    }
    Map<String, String> seen = new HashMap<>();
    List<TableSpec> tables = new ArrayList<>();
    for (int i = 0; i < dataset.tables().size(); i++) {
      String path = YamlPath.child(TABLES, i);
      ScenarioDocument.Table table = errors.require(dataset.tables().get(i), path,
          "describe the table, e.g. {name: users, rows: 100000}");
      tables.add(table(table, path, seen));
    }
    return new DatasetSpec(List.copyOf(tables));
  }

  private TableSpec table(ScenarioDocument.Table table, String path, Map<String, String> seen) {
    String name = errors.requireText(table.name(), path + "/name",
        "name the table as in the schema, e.g. name: users");
    errors.requireUnique(seen, name, path + "/name", "table");
    long rows = errors.require(table.rows(), path + "/rows",
        "say how many rows to seed, e.g. rows: 100000");
    errors.requireAtLeast(rows, 1, path + "/rows");

    Map<String, ColumnSpec> columns = new LinkedHashMap<>();
    if (table.columns() != null) {
      for (Map.Entry<String, ColumnSpec> column : table.columns().entrySet()) {
        String columnPath = YamlPath.child(path + "/columns", column.getKey());
        columns.put(column.getKey(), column(column.getValue(), columnPath));
      }
    }
    return new TableSpec(name, rows, Collections.unmodifiableMap(columns));
  }

  private ColumnSpec column(ColumnSpec column, String path) {
    String generatorHint = "use one of: " + String.join(", ", GENERATORS);
    errors.require(column, path, "give the column a generator, e.g. {generator: sequence}");
    String generatorPath = path + "/generator";
    String generator = errors.requireText(column.generator(), generatorPath, generatorHint);
    if (!GENERATORS.contains(generator)) {
      throw errors.at(generatorPath, "unknown generator '" + generator + "'", generatorHint);
    }
    switch (generator) {
      case "uniform" -> errors.requireRange(column.min(), column.max(), path,
          "uniform draws whole numbers from min to max, "
              + "e.g. {generator: uniform, min: 0, max: 100}");
      case "choice" -> checkChoices(column.values(), path + "/values");
      case "constant" -> errors.require(column.value(), path + "/value",
          "give the value every row gets, e.g. {generator: constant, value: active}");
      default -> { }
    }
    if (column.values() != null) {
      for (int i = 0; i < column.values().size(); i++) {
        errors.require(column.values().get(i), YamlPath.child(path + "/values", i),
            "remove the empty entry, or quote it if you mean the text 'null'");
      }
    }
    if (column.length() != null) {
      errors.requireAtLeast(column.length(), 1, path + "/length");
    }
    if (column.days() != null) {
      errors.requireAtLeast(column.days(), 1, path + "/days");
    }
    Double nullFraction = column.nullFraction();
    if (nullFraction != null && !(nullFraction >= 0 && nullFraction <= 1)) {
      throw errors.at(path + "/nullFraction",
          "nullFraction must be between 0 and 1, got " + errors.got(path + "/nullFraction"),
          "it is the share of rows that get NULL, e.g. 0.3 for 30%");
    }
    return new ColumnSpec(generator, column.min(), column.max(), column.length(), column.days(),
        column.values() == null ? null : List.copyOf(column.values()), column.value(),
        nullFraction);
  }

  private void checkChoices(List<String> values, String path) {
    String hint = "list the values to choose from, e.g. values: [free, pro, team]";
    errors.require(values, path, hint);
    if (values.isEmpty()) {
      throw errors.at(path, "choice needs at least one value", hint);
    }
  }
}
