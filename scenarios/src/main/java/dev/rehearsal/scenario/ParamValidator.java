package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one statement parameter as written ({@code {kind: existingKey, table: users}}) and
 * returns its {@link ParamSpec} with the defaults of its kind filled in. It exists apart from
 * the binding of params to placeholders ({@link ParamBinder}) because what a param is does not
 * depend on where it is used: the same kinds, keys and tables are checked for a {@code ?} list
 * and a {@code :name} mapping.
 */
final class ParamValidator {

  static final int DEFAULT_TEXT_LENGTH = 12;
  static final double DEFAULT_SKEW = 1.0;

  /** The kinds of {@link ParamSpec}, in the order the hint lists them. */
  static final List<String> PARAM_KINDS = List.of("existingKey", "newKey", "uniform", "text",
      "choice");

  /** The keys each param kind takes besides {@code kind}, in the order the hint lists them. */
  static final Map<String, List<String>> PARAM_KEYS = Map.of(
      "existingKey", List.of("table", "distribution", "skew"),
      "newKey", List.of("table"),
      "uniform", List.of("min", "max"),
      "text", List.of("length"),
      "choice", List.of("values", "weights"));

  /** How an existingKey param picks ids; the first is the default. */
  static final List<String> DISTRIBUTIONS = List.of("uniform", "zipfian");

  private final ErrorReporter errors;
  private final SeededTables tables;

  ParamValidator(ErrorReporter errors, SeededTables tables) {
    this.errors = errors;
    this.tables = tables;
  }

  /** Converts one param as read ({@code Map}) to a checked {@link ParamSpec} with defaults. */
  ParamSpec param(Object value, String path) {
    errors.require(value, path, kindHint());
    ParamSpec param = ScenarioBinder.convert(value, ParamSpec.class, path, errors);
    String kindPath = path + "/kind";
    String kind = errors.requireText(param.kind(), kindPath, kindHint());
    if (!PARAM_KINDS.contains(kind)) {
      throw errors.at(kindPath, "unknown param kind '" + kind + "'", kindHint());
    }
    UnexpectedKeys.reject(errors, param, path, "kind", "param kind " + kind, kind,
        PARAM_KEYS.get(kind));
    switch (kind) {
      case "existingKey" -> {
        checkTable(param.table(), path + "/table");
        return existingKey(param, path);
      }
      case "newKey" -> checkTable(param.table(), path + "/table");
      case "uniform" -> errors.requireRange(param.min(), param.max(), path,
          "uniform draws whole numbers from min to max, e.g. {kind: uniform, min: 1, max: 100}");
      case "choice" -> {
        return choice(param, path);
      }
      default -> { // text
        if (param.length() != null) {
          errors.requireAtLeast(param.length(), 1, path + "/length");
        }
        int length = param.length() == null ? DEFAULT_TEXT_LENGTH : param.length();
        return new ParamSpec(kind, null, null, null, length, null, null);
      }
    }
    return param;
  }

  /** An existingKey with its distribution, and for zipfian its skew, filled in. */
  private ParamSpec existingKey(ParamSpec param, String path) {
    String distributionPath = path + "/distribution";
    String distribution = param.distribution() == null ? DISTRIBUTIONS.get(0)
        : param.distribution();
    if (!DISTRIBUTIONS.contains(distribution)) {
      throw errors.at(distributionPath, "unknown distribution '" + distribution + "'",
          "use one of: uniform (every id equally likely, the default), "
              + "zipfian (a few hot ids get most of the traffic)");
    }
    String skewPath = path + "/skew";
    Double skew = param.skew();
    if (!distribution.equals("zipfian")) {
      if (skew != null) {
        throw errors.atKey(skewPath, "skew applies only to distribution: zipfian",
            "add distribution: zipfian, or remove skew");
      }
      return new ParamSpec(param.kind(), param.table(), null, null, null, distribution, null);
    }
    if (skew != null && !(skew > 0 && Double.isFinite(skew))) {
      throw errors.at(skewPath, "skew must be greater than 0, got " + errors.got(skewPath),
          "the larger the skew, the more the hot ids dominate; 1.0 is the default");
    }
    return new ParamSpec(param.kind(), param.table(), null, null, null, distribution,
        skew == null ? DEFAULT_SKEW : skew);
  }

  /**
   * A choice with its values as they will be bound (an integer as a Long, a decimal as a Double,
   * text as a String) and its weights checked; no weights means equal chances.
   */
  private ParamSpec choice(ParamSpec param, String path) {
    String valuesPath = path + "/values";
    String hint = "list the values to choose from, e.g. {kind: choice, values: [active, "
        + "suspended, closed]}; numbers are bound as numbers, text as text";
    errors.require(param.values(), valuesPath, hint);
    if (param.values().isEmpty()) {
      throw errors.at(valuesPath, "choice needs at least one value", hint);
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < param.values().size(); i++) {
      values.add(choiceValue(param.values().get(i), YamlPath.child(valuesPath, i)));
    }
    List<Double> weights = param.weights();
    if (weights != null) {
      String weightsPath = path + "/weights";
      String weightsHint = "give one weight per value, in the same order, e.g. "
          + "values: [active, closed] with weights: [9, 1]; leave weights out for equal chances";
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
      weights = List.copyOf(weights);
    }
    return new ParamSpec(param.kind(), null, null, null, null, null, null, List.copyOf(values),
        weights);
  }

  /** A value as it will be bound: text as written, an integer as a Long, a decimal as a Double. */
  private Object choiceValue(Object value, String path) {
    String hint = "write text or a number; quote it ('true', '2025-01-31') to bind it as text";
    errors.require(value, path, "remove the empty entry, or quote it if you mean the text 'null'");
    if (value instanceof String) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      if (big.bitLength() >= Long.SIZE) {
        throw errors.at(path, "value " + big + " is too large for a bigint parameter",
            "keep integers within bigint's range, or quote the value to bind it as text");
      }
      return big.longValue();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    throw errors.at(path, "a choice value must be text or a number, got " + errors.got(path), hint);
  }

  private void checkTable(String table, String path) {
    errors.requireText(table, path, "name the dataset table whose ids to use; " + tables.hint());
    if (!tables.contains(table)) {
      throw errors.at(path, "table '" + table + "' is not in the dataset",
          "key parameters draw ids of a seeded table; " + tables.hint());
    }
  }

  private static String kindHint() {
    return "give each param a kind, one of: " + String.join(", ", PARAM_KINDS);
  }
}
