package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks {@code dataset:} and builds the {@link DatasetSpec}: walks the tables and their
 * columns, names each column's generator and passes it on. This class owns the walk, what a
 * table needs (a unique name, a row count) and the {@code json} templates, which nest columns in
 * columns; what each generator's keys may hold is checked elsewhere: which keys it takes by
 * {@link GeneratorKeys}, their values by {@link GeneratorSettingsValidator}, and the foreign
 * keys of {@code reference} by {@link ReferenceValidator}.
 */
final class DatasetValidator {

  private static final String TABLES = "/dataset/tables";

  private final ErrorReporter errors;
  private final GeneratorSettingsValidator settings;

  /** Checks {@code reference} columns against every table of the dataset, set by validate. */
  private ReferenceValidator references;

  DatasetValidator(ErrorReporter errors) {
    this.errors = errors;
    this.settings = new GeneratorSettingsValidator(errors);
  }

  DatasetSpec validate(ScenarioDocument.Dataset dataset) {
    if (dataset == null || dataset.tables() == null) {
      return new DatasetSpec(List.of());
    }
    // a reference may name a table listed after its own: the seeder orders parents first
    List<String> tableNames = dataset.tables().stream().filter(Objects::nonNull)
        .map(ScenarioDocument.Table::name).filter(Objects::nonNull).toList();
    references = new ReferenceValidator(errors, settings, tableNames);
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
        columns.put(column.getKey(), column(column.getValue(), columnPath, name, false));
      }
    }
    return new TableSpec(name, rows, Collections.unmodifiableMap(columns));
  }

  /**
   * Checks one column spec and returns it with its lists copied.
   *
   * @param table the table being seeded, for {@code reference}
   * @param inTemplate whether the spec is nested in a json template
   */
  private ColumnSpec column(ColumnSpec column, String path, String table, boolean inTemplate) {
    errors.require(column, path, "give the column a generator, e.g. {generator: sequence}");
    String generator = generator(column.generator(), path + "/generator", inTemplate);
    GeneratorKeys.check(errors, column, generator, path);
    Double nullFraction = column.nullFraction();
    settings.checkFraction(nullFraction, path + "/" + GeneratorKeys.NULL_FRACTION,
        "it is the share of rows that get NULL, e.g. 0.3 for 30%");

    Object template = null;
    switch (generator) {
      case "reference" -> references.check(column, path, table);
      case "json" -> template = template(column.template(), path + "/template", table);
      default -> settings.check(generator, column, path);
    }
    return new ColumnSpec(generator, column.min(), column.max(), column.rowsPerValue(),
        column.scale(), column.skew(), column.length(), column.minLength(), column.maxLength(),
        column.days(), column.from(), column.to(), copy(column.values()),
        copy(column.weights()), column.value(), column.expression(), column.pool(),
        column.trueFraction(), column.table(), column.column(), template, nullFraction,
        copy(column.bounds()), column.distinct(), column.ordered());
  }

  /** A known generator, and in a json template one that can be nested there. */
  private String generator(String generator, String generatorPath, boolean inTemplate) {
    String generatorHint = "use one of: " + String.join(", ", GeneratorKeys.GENERATORS);
    errors.requireText(generator, generatorPath, generatorHint);
    if (!GeneratorKeys.GENERATORS.contains(generator)) {
      throw errors.at(generatorPath, "unknown generator '" + generator + "'", generatorHint);
    }
    if (inTemplate && generator.equals("json")) {
      throw errors.at(generatorPath, "a json template cannot contain generator json",
          "nest the mapping or list itself in the template; it becomes part of the document");
    }
    if (inTemplate && generator.equals("reference")) {
      throw errors.at(generatorPath, "a json template cannot contain generator reference",
          "references are for columns with a foreign key; inside a document use another "
              + "generator, e.g. {generator: uniform, min: 1, max: 1000}");
    }
    return generator;
  }

  /**
   * The validated template: unmodifiable maps and lists, each nested generator mapping
   * replaced by its {@link ColumnSpec}.
   */
  private Object template(Object template, String path, String table) {
    String hint = "give a mapping whose leaves are literals or generators, e.g. "
        + "template: {source: {generator: choice, values: [web, app]}, version: 2}";
    errors.require(template, path, hint);
    if (!(template instanceof Map || template instanceof List)) {
      throw errors.at(path, "template must be a mapping or a list, got " + errors.got(path),
          hint);
    }
    if (template instanceof Map<?, ?> map && map.containsKey("generator")) {
      throw errors.atKey(YamlPath.child(path, "generator"),
          "template must be a document, not a single generator",
          "wrap it, e.g. template: {id: {generator: uuid}}; for a plain value give the column "
              + "that generator directly");
    }
    return templateNode(template, path, table);
  }

  private Object templateNode(Object node, String path, String table) {
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("generator")) {
        ColumnSpec spec = ScenarioBinder.convert(map, ColumnSpec.class, path, errors);
        return column(spec, path, table, true);
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        copy.put(key, templateNode(entry.getValue(), YamlPath.child(path, key), table));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(templateNode(list.get(i), YamlPath.child(path, i), table));
      }
      // not List.copyOf: a JSON array may hold null
      return Collections.unmodifiableList(copy);
    }
    return node;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }
}
