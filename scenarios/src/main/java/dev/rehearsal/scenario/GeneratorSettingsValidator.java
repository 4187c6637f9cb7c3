package dev.rehearsal.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks the settings of one column generator, such as the range of {@code uniform}, the
 * lengths of {@code text}, the dates of {@code timestamp} or the weights of {@code choice}:
 * whether each value the generator reads is there when needed and within its bounds. What a
 * generator's keys mean is its own business, apart from which table or column it is in, so
 * these checks are kept away from the walk over tables and columns ({@link DatasetValidator});
 * the one generator that needs the other tables, {@code reference}, is checked by
 * {@link ReferenceValidator}, and {@code json} templates by the dataset walk itself.
 */
final class GeneratorSettingsValidator {

  static final int MAX_SCALE = 18;
  static final int MAX_POOL = 1_000_000;

  private final ErrorReporter errors;

  GeneratorSettingsValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Checks the settings of {@code generator}, any but {@code reference} and {@code json}. */
  void check(String generator, ColumnSpec column, String path) {
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
        Double nullFraction = column.nullFraction();
        if (nullFraction == null || nullFraction != 1.0) {
          errors.require(column.value(), path + "/value",
              "give the value every row gets, e.g. {generator: constant, value: active}; "
                  + "for a column that is always NULL use {generator: constant, nullFraction: 1}");
        }
      }
      case "boolean" -> checkFraction(column.trueFraction(), path + "/trueFraction",
          "it is the share of rows that get true, e.g. 0.9 for 90%");
      case "uuid" -> { }
      case "histogram" -> checkHistogram(column, path);
      default -> checkPool(column.pool(), path + "/pool"); // POOLED: the Datafaker pools
    }
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

  void checkFraction(Double value, String path, String hint) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw errors.at(path,
          YamlPath.label(path) + " must be between 0 and 1, got " + errors.got(path), hint);
    }
  }

  private void checkScale(Integer scale, String path) {
    checkBetween(scale, 0, MAX_SCALE, path,
        "scale is the number of decimal places, e.g. scale: 2 for amounts like 12.34");
  }

  void checkSkew(Double skew, String path) {
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

  /**
   * {@code histogram}: weights are shares of the non-NULL rows (each above 0, together at most
   * 1), the rest needs {@code distinct} values, and bounds (if any) at least two.
   */
  private void checkHistogram(ColumnSpec column, String path) {
    String hint = "histogram takes the most common values with their shares of the non-NULL rows "
        + "(values: [a, b], weights: [0.3, 0.1]) and distinct: N other values, spread along "
        + "bounds: [lowest, ..., highest] or as text of minLength..maxLength characters";
    double covered = 0;
    if (column.values() != null || column.weights() != null) {
      errors.require(column.weights(), path + "/weights", hint);
      checkChoices(column.values(), column.weights(), path);
      covered = column.weights().stream().mapToDouble(Double::doubleValue).sum();
      if (covered > 1 + 1e-9) {
        throw errors.at(path + "/weights", "histogram weights are shares of the non-NULL rows and "
            + "must add up to at most 1, got " + covered, hint);
      }
    }
    if (column.distinct() == null) {
      if (covered < 0.999) {
        throw errors.at(path + "/distinct", "histogram needs distinct: the most common values cover "
            + "only " + covered + " of the non-NULL rows", hint);
      }
    } else {
      errors.requireAtLeast(column.distinct(), 1, path + "/distinct");
    }
    if (column.bounds() != null) {
      if (column.bounds().size() < 2) {
        throw errors.at(path + "/bounds", "histogram bounds need at least two values (lowest and highest)", hint);
      }
      if (column.minLength() != null || column.maxLength() != null) {
        throw errors.atKey(path + (column.minLength() != null ? "/minLength" : "/maxLength"),
            "histogram takes bounds (numbers, timestamps) or minLength and maxLength (text), not both", hint);
      }
    } else if (column.minLength() != null || column.maxLength() != null) {
      errors.require(column.minLength(), path + "/minLength", hint);
      errors.require(column.maxLength(), path + "/maxLength", hint);
      errors.requireAtLeast(column.minLength(), 0, path + "/minLength");
      errors.requireAtLeast(column.maxLength(), column.minLength(), path + "/maxLength");
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
}
