package dev.rehearsal.scenario;

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
  static final List<String> PARAM_KINDS = List.of("existingKey", "newKey", "uniform", "text");

  /** The keys each param kind takes besides {@code kind}, in the order the hint lists them. */
  static final Map<String, List<String>> PARAM_KEYS = Map.of(
      "existingKey", List.of("table", "distribution", "skew"),
      "newKey", List.of("table"),
      "uniform", List.of("min", "max"),
      "text", List.of("length"));

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
