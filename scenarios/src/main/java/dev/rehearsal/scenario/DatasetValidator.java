package dev.rehearsal.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks {@code dataset:} (tables and column generators) and builds the {@link DatasetSpec}.
 *
 * <p>Each generator takes a fixed set of keys ({@link #KEYS}, plus {@code nullFraction} for
 * all); any other key given a value is an error at that key. A {@code json} template is walked
 * and its nested generator mappings are converted to validated {@link ColumnSpec}s.
 */
final class DatasetValidator {

  /** The generators of {@link ColumnSpec}, in the order the hint lists them. */
  static final List<String> GENERATORS = List.of(
      "sequence", "uniform", "zipfian", "text", "email", "name", "firstName", "lastName",
      "company", "city", "address", "phone", "faker", "timestamp", "choice", "constant", "uuid",
      "boolean", "reference", "json");

  /** The Datafaker-pool generators that take only {@code pool}. */
  static final List<String> POOLED = List.of(
      "email", "name", "firstName", "lastName", "company", "city", "address", "phone");

  /** The keys each generator takes, besides {@code generator} and {@code nullFraction}. */
  static final Map<String, List<String>> KEYS = keys();

  static final int MAX_SCALE = 18;
  static final int MAX_POOL = 1_000_000;

  private static final String TABLES = "/dataset/tables";
  private static final String NULL_FRACTION = "nullFraction";

  private final ErrorReporter errors;

  /** Names of every table of the dataset, in order, for {@code reference}. */
  private List<String> tableNames = List.of();

  DatasetValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  private static Map<String, List<String>> keys() {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("sequence", List.of("min", "rowsPerValue"));
    keys.put("uniform", List.of("min", "max", "scale"));
    keys.put("zipfian", List.of("min", "max", "scale", "skew"));
    keys.put("text", List.of("length", "minLength", "maxLength"));
    POOLED.forEach(generator -> keys.put(generator, List.of("pool")));
    keys.put("faker", List.of("expression", "pool"));
    keys.put("timestamp", List.of("days", "from", "to"));
    keys.put("choice", List.of("values", "weights"));
    keys.put("constant", List.of("value"));
    keys.put("uuid", List.of());
    keys.put("boolean", List.of("trueFraction"));
    keys.put("reference", List.of("table", "column", "skew"));
    keys.put("json", List.of("template"));
    if (!keys.keySet().equals(Set.copyOf(GENERATORS))) {
      throw new IllegalStateException("KEYS and GENERATORS disagree (a bug)");
    }
    return Collections.unmodifiableMap(keys);
  }

  DatasetSpec validate(ScenarioDocument.Dataset dataset) {
    if (dataset == null || dataset.tables() == null) {
      return new DatasetSpec(List.of());
    }
    // a reference may name a table listed after its own: the seeder orders parents first
    tableNames = dataset.tables().stream().filter(Objects::nonNull)
        .map(ScenarioDocument.Table::name).filter(Objects::nonNull).toList();
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
    String generatorHint = "use one of: " + String.join(", ", GENERATORS);
    errors.require(column, path, "give the column a generator, e.g. {generator: sequence}");
    String generatorPath = path + "/generator";
    String generator = errors.requireText(column.generator(), generatorPath, generatorHint);
    if (!GENERATORS.contains(generator)) {
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
    checkKeys(column, generator, path);
    Double nullFraction = column.nullFraction();
    checkFraction(nullFraction, path + "/" + NULL_FRACTION,
        "it is the share of rows that get NULL, e.g. 0.3 for 30%");

    Object template = null;
    switch (generator) {
      case "sequence" -> checkAtLeast(column.rowsPerValue(), 1, path + "/rowsPerValue");
      case "uniform", "zipfian" -> {
        errors.requireRange(column.min(), column.max(), path, generator.equals("uniform")
            ? "uniform draws whole numbers from min to max, "
                + "e.g. {generator: uniform, min: 0, max: 100}"
            : "zipfian draws whole numbers from min to max, min most often, "
                + "e.g. {generator: zipfian, min: 1, max: 1000, skew: 1.1}");
        checkScale(column.scale(), path + "/scale");
        checkSkew(column.skew(), path + "/skew");
      }
      case "text" -> checkText(column, path);
      case "faker" -> {
        checkExpression(column.expression(), path + "/expression");
        checkPool(column.pool(), path + "/pool");
      }
      case "timestamp" -> checkTimestamp(column, path);
      case "choice" -> checkChoices(column.values(), column.weights(), path);
      case "constant" -> {
        // a column that is always NULL needs no value (pgbench's filler columns)
        if (nullFraction == null || nullFraction != 1.0) {
          errors.require(column.value(), path + "/value",
              "give the value every row gets, e.g. {generator: constant, value: active}; "
                  + "for a column that is always NULL use {generator: constant, nullFraction: 1}");
        }
      }
      case "boolean" -> checkFraction(column.trueFraction(), path + "/trueFraction",
          "it is the share of rows that get true, e.g. 0.9 for 90%");
      case "reference" -> checkReference(column, path, table);
      case "json" -> template = template(column.template(), path + "/template", table);
      case "uuid" -> { }
      default -> checkPool(column.pool(), path + "/pool"); // POOLED: the Datafaker pools
    }
    return new ColumnSpec(generator, column.min(), column.max(), column.rowsPerValue(),
        column.scale(), column.skew(), column.length(), column.minLength(), column.maxLength(),
        column.days(), column.from(), column.to(), copy(column.values()),
        copy(column.weights()), column.value(), column.expression(), column.pool(),
        column.trueFraction(), column.table(), column.column(), template, nullFraction);
  }

  /** Any key with a value that {@code generator} does not take is an error at that key. */
  private void checkKeys(ColumnSpec column, String generator, String path) {
    List<String> allowed = new ArrayList<>(KEYS.get(generator));
    allowed.add(NULL_FRACTION);
    UnexpectedKeys.reject(errors, column, path, "generator", "generator " + generator, generator,
        allowed);
  }

  private void checkAtLeast(Number value, long minimum, String path) {
    if (value != null) {
      errors.requireAtLeast(value.longValue(), minimum, path);
    }
  }

  private void checkBetween(Integer value, int minimum, int maximum, String path, String hint) {
    if (value != null && (value < minimum || value > maximum)) {
      throw errors.at(path, YamlPath.label(path) + " must be between " + minimum + " and "
          + maximum + ", got " + errors.got(path), hint);
    }
  }

  private void checkFraction(Double value, String path, String hint) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw errors.at(path,
          YamlPath.label(path) + " must be between 0 and 1, got " + errors.got(path), hint);
    }
  }

  private void checkScale(Integer scale, String path) {
    checkBetween(scale, 0, MAX_SCALE, path,
        "scale is the number of decimal places, e.g. scale: 2 for amounts like 12.34");
  }

  private void checkSkew(Double skew, String path) {
    if (skew != null && !(skew >= 0 && Double.isFinite(skew))) {
      throw errors.at(path, "skew must be 0 or more, got " + errors.got(path),
          "0 is uniform; the larger the skew, the more the first values dominate "
              + "(1.0 is the default)");
    }
  }

  private void checkPool(Integer pool, String path) {
    checkBetween(pool, 1, MAX_POOL, path,
        "pool is how many distinct values are pre-built and drawn from (default 10000)");
  }

  private void checkText(ColumnSpec column, String path) {
    String hint = "give either length: N, or minLength: A and maxLength: B";
    Integer minLength = column.minLength();
    Integer maxLength = column.maxLength();
    if (column.length() != null) {
      if (minLength != null || maxLength != null) {
        String other = minLength != null ? "minLength" : "maxLength";
        throw errors.atKey(path + "/" + other,
            "text takes length or minLength and maxLength, not both", hint);
      }
      errors.requireAtLeast(column.length(), 1, path + "/length");
      return;
    }
    if (minLength == null && maxLength == null) {
      return;
    }
    errors.require(minLength, path + "/minLength", hint);
    errors.require(maxLength, path + "/maxLength", hint);
    errors.requireAtLeast(minLength, 0, path + "/minLength");
    String maxPath = path + "/maxLength";
    if (maxLength < minLength) {
      throw errors.at(maxPath, "maxLength must not be less than minLength (" + minLength
          + "), got " + errors.got(maxPath), "raise maxLength to at least " + minLength + ", or lower minLength");
    }
  }

  private void checkExpression(String expression, String path) {
    String hint = "give a Datafaker expression, e.g. expression: \"#{Address.country}\" "
        + "(quoted: YAML reads an unquoted # as a comment)";
    errors.requireText(expression, path, hint);
    if (!expression.startsWith("#{")) {
      throw errors.at(path, "expression must be a Datafaker expression starting with '#{', got "
          + errors.got(path), hint);
    }
  }

  private void checkTimestamp(ColumnSpec column, String path) {
    String hint = "give either days: N (the N days before 2026-01-01), or from: and to: "
        + "as dates like 2025-01-31 or instants like 2025-01-31T10:00:00Z";
    if (column.from() == null && column.to() == null) {
      checkAtLeast(column.days(), 1, path + "/days");
      return;
    }
    if (column.days() != null) {
      throw errors.atKey(path + "/" + (column.from() != null ? "from" : "to"),
          "timestamp takes days or from and to, not both", hint);
    }
    String fromPath = path + "/from";
    String toPath = path + "/to";
    errors.require(column.from(), fromPath, hint);
    errors.require(column.to(), toPath, hint);
    Instant from = instant(column.from(), fromPath, hint);
    Instant to = instant(column.to(), toPath, hint);
    if (!from.isBefore(to)) {
      throw errors.at(toPath, "to must be later than from (" + column.from() + "), got "
          + errors.got(toPath), hint);
    }
  }

  /** An ISO date (midnight UTC) or an ISO instant. */
  private Instant instant(String text, String path, String hint) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notAnInstant) {
        throw errors.at(path, YamlPath.label(path) + " must be a date like 2025-01-31 or an "
            + "instant like 2025-01-31T10:00:00Z, got " + errors.got(path), hint);
      }
    }
  }

  private void checkChoices(List<String> values, List<Double> weights, String path) {
    String valuesPath = path + "/values";
    String hint = "list the values to choose from, e.g. values: [free, pro, team]";
    errors.require(values, valuesPath, hint);
    if (values.isEmpty()) {
      throw errors.at(valuesPath, "choice needs at least one value", hint);
    }
    for (int i = 0; i < values.size(); i++) {
      errors.require(values.get(i), YamlPath.child(valuesPath, i),
          "remove the empty entry, or quote it if you mean the text 'null'");
    }
    if (weights == null) {
      return;
    }
    String weightsPath = path + "/weights";
    String weightsHint = "give one weight per value, in the same order, e.g. "
        + "values: [free, pro] with weights: [9, 1]; leave weights out for equal chances";
    if (weights.size() != values.size()) {
      throw errors.at(weightsPath, "choice has " + values.size() + " value"
          + (values.size() == 1 ? "" : "s") + " but " + weights.size() + " weight"
          + (weights.size() == 1 ? "" : "s"), weightsHint);
    }
    for (int i = 0; i < weights.size(); i++) {
      String weightPath = YamlPath.child(weightsPath, i);
      Double weight = errors.require(weights.get(i), weightPath, weightsHint);
      if (!(weight > 0 && Double.isFinite(weight))) {
        throw errors.at(weightPath, "weight must be greater than 0, got "
            + errors.got(weightPath), weightsHint);
      }
    }
  }

  private void checkReference(ColumnSpec column, String path, String table) {
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
    checkSkew(column.skew(), path + "/skew");
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
