package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code workload:} (rate, pool, operations and their parameters) and builds the
 * {@link WorkloadSpec}. Needs the validated dataset: key parameters must name a seeded table.
 */
final class WorkloadValidator {

  static final int DEFAULT_MAX_IN_FLIGHT = 256;
  static final int DEFAULT_POOL_SIZE = 10;
  static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  /** The kinds of {@link ParamSpec}, in the order the hint lists them. */
  static final List<String> PARAM_KINDS = List.of("existingKey", "newKey", "uniform", "text");

  private static final String WORKLOAD = "/workload";

  private final ErrorReporter errors;
  private final List<String> tableNames;

  WorkloadValidator(ErrorReporter errors, DatasetSpec dataset) {
    this.errors = errors;
    this.tableNames = dataset.tables().stream().map(TableSpec::name).toList();
  }

  WorkloadSpec validate(ScenarioDocument.Workload workload) {
    errors.require(workload, WORKLOAD,
        "describe the application's traffic: workload: {rate: 200, operations: [...]}");
    String ratePath = WORKLOAD + "/rate";
    double rate = errors.require(workload.rate(), ratePath,
        "give the target rate in operations per second, e.g. rate: 200");
    if (rate <= 0) {
      throw errors.at(ratePath, "rate must be greater than 0, got " + errors.got(ratePath),
          "rate is the number of weighted operations started per second");
    }
    int maxInFlight = workload.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT
        : workload.maxInFlight();
    errors.requireAtLeast(maxInFlight, 1, WORKLOAD + "/maxInFlight");
    return new WorkloadSpec(rate, maxInFlight, pool(workload.pool()),
        operations(workload.operations()));
  }

  private PoolSpec pool(ScenarioDocument.Pool pool) {
    String path = WORKLOAD + "/pool";
    int size = pool == null || pool.maximumPoolSize() == null ? DEFAULT_POOL_SIZE
        : pool.maximumPoolSize();
    errors.requireAtLeast(size, 1, path + "/maximumPoolSize");
    Duration timeout = pool == null || pool.connectionTimeout() == null
        ? DEFAULT_CONNECTION_TIMEOUT : pool.connectionTimeout();
    // HikariCP refuses connectionTimeout below 250ms
    errors.requireAtLeast(timeout, Duration.ofMillis(250), path + "/connectionTimeout");
    return new PoolSpec(size, timeout, pool == null ? null : pool.statementTimeout());
  }

  private List<OperationSpec> operations(List<OperationSpec> operations) {
    String path = WORKLOAD + "/operations";
    String hint = "add an operation with a weight, e.g. "
        + "{name: read, weight: 1, sql: SELECT 1}; periodic operations (every) come on top";
    errors.require(operations, path, hint);
    Map<String, String> seen = new HashMap<>();
    List<OperationSpec> result = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      String operationPath = YamlPath.child(path, i);
      OperationSpec operation = errors.require(operations.get(i), operationPath, hint);
      result.add(operation(operation, operationPath, seen));
    }
    if (result.stream().noneMatch(operation -> operation.weight() != null)) {
      throw errors.atKey(path, "workload needs at least one operation with a weight", hint);
    }
    return List.copyOf(result);
  }

  private OperationSpec operation(OperationSpec operation, String path, Map<String, String> seen) {
    String name = errors.requireText(operation.name(), path + "/name",
        "name the operation, e.g. name: read-user");
    errors.requireUnique(seen, name, path + "/name", "operation");
    String sql = errors.requireText(operation.sql(), path + "/sql",
        "give the statement, with ? for each parameter");

    Integer weight = operation.weight();
    Duration every = operation.every();
    String scheduleHint = "use weight: N for a share of the rate, or every: 60s for a "
        + "periodic operation such as a report query";
    if (weight != null && every != null) {
      throw errors.atKey(path + "/every",
          "operation '" + name + "' has both weight and every; use one", scheduleHint);
    }
    if (weight == null && every == null) {
      throw errors.at(path, "operation '" + name + "' needs weight or every", scheduleHint);
    }
    if (weight != null) {
      errors.requireAtLeast(weight, 1, path + "/weight");
    } else {
      errors.requireAtLeast(every, Duration.ofSeconds(1), path + "/every");
    }
    Duration startAfter = operation.startAfter();
    if (startAfter != null && every == null) {
      throw errors.atKey(path + "/startAfter",
          "startAfter applies only to periodic operations (with every)",
          "remove startAfter, or make the operation periodic with every:");
    }
    if (every != null && startAfter == null) {
      startAfter = every;
    }
    List<ParamSpec> params = params(operation.params(), path + "/params");
    checkPlaceholders(name, sql, params, operation.params() == null ? path + "/sql"
        : path + "/params");
    return new OperationSpec(name, sql, weight, every, startAfter, params);
  }

  private List<ParamSpec> params(List<ParamSpec> params, String path) {
    if (params == null) {
      return List.of();
    }
    for (int i = 0; i < params.size(); i++) {
      String paramPath = YamlPath.child(path, i);
      param(errors.require(params.get(i), paramPath, kindHint()), paramPath);
    }
    return List.copyOf(params);
  }

  private void param(ParamSpec param, String path) {
    String kindPath = path + "/kind";
    String kind = errors.requireText(param.kind(), kindPath, kindHint());
    switch (kind) {
      case "existingKey", "newKey" -> checkTable(param.table(), path + "/table");
      case "uniform" -> errors.requireRange(param.min(), param.max(), path,
          "uniform draws whole numbers from min to max, e.g. {kind: uniform, min: 1, max: 100}");
      case "text" -> {
        if (param.length() != null) {
          errors.requireAtLeast(param.length(), 1, path + "/length");
        }
      }
      default -> throw errors.at(kindPath, "unknown param kind '" + kind + "'", kindHint());
    }
  }

  private void checkTable(String table, String path) {
    String tables = tableNames.isEmpty() ? "there are none yet; declare it under dataset.tables"
        : "dataset tables: " + String.join(", ", tableNames);
    errors.requireText(table, path, "name the dataset table whose ids to use; " + tables);
    if (!tableNames.contains(table)) {
      throw errors.at(path, "table '" + table + "' is not in the dataset",
          "key parameters draw ids of a seeded table; " + tables);
    }
  }

  /** Each {@code ?} gets exactly one parameter generator, in order. */
  private void checkPlaceholders(String name, String sql, List<ParamSpec> params,
      String where) {
    int placeholders = Placeholders.count(sql);
    if (placeholders != params.size()) {
      throw errors.at(where, "operation '" + name + "' has " + count(placeholders, "placeholder")
              + " (?) in its sql but " + count(params.size(), "param"),
          "list one param per ?, in order");
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String kindHint() {
    return "give each param a kind, one of: " + String.join(", ", PARAM_KINDS);
  }
}
