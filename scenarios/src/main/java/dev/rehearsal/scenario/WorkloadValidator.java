package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code workload:} (open or closed loop, pool, health check, operations and their
 * parameters) and builds the {@link WorkloadSpec}. Needs the validated dataset: key parameters
 * and ledgers must name a seeded table.
 *
 * <p>Operations are normalized on the way: each statement is put in JDBC {@code ?} form with the
 * names of the parameters bound to its placeholders, whether the scenario wrote {@code ?} with a
 * list of params (named "1", "2", ...) or pgbench-style {@code :name} with a mapping. The
 * harness then has one way to bind parameters.
 */
final class WorkloadValidator {

  static final int DEFAULT_MAX_IN_FLIGHT = 256;
  static final int DEFAULT_POOL_SIZE = 10;
  static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  static final HealthCheckSpec DEFAULT_HEALTH_CHECK =
      new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1), Duration.ofSeconds(1));
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

  /** What would end or nest the transaction the harness wraps around the statements. */
  private static final Set<String> TRANSACTION_CONTROL =
      Set.of("begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release");

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
    if (workload.closedLoop() != null || errors.present(WORKLOAD + "/closedLoop")) {
      ClosedLoopSpec closedLoop = closedLoop(workload.closedLoop());
      return new WorkloadSpec(null, List.of(), null, closedLoop, closedLoop.clients(),
          pool(workload.pool()), operations(workload.operations()),
          healthCheck(workload.healthCheck()));
    }
    String ratePath = WORKLOAD + "/rate";
    double rate = errors.require(workload.rate(), ratePath,
        "give the target rate in operations per second, e.g. rate: 200; or run clients back "
            + "to back instead with closedLoop: {clients: 8}");
    if (rate <= 0) {
      throw errors.at(ratePath, "rate must be greater than 0, got " + errors.got(ratePath),
          "rate is the number of weighted operations started per second");
    }
    List<RateStage> stages = stages(workload.stages());
    Arrival arrival = arrival(workload.arrival());
    int maxInFlight = workload.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT
        : workload.maxInFlight();
    errors.requireAtLeast(maxInFlight, 1, WORKLOAD + "/maxInFlight");
    return new WorkloadSpec(rate, stages, arrival, null, maxInFlight, pool(workload.pool()),
        operations(workload.operations()), healthCheck(workload.healthCheck()));
  }

  /**
   * A closed loop sets its own pace, so the keys of an open-loop schedule would be silently
   * meaningless next to it: they are errors.
   */
  private ClosedLoopSpec closedLoop(ScenarioDocument.ClosedLoop closedLoop) {
    for (String key : List.of("rate", "stages", "arrival", "maxInFlight")) {
      String keyPath = YamlPath.child(WORKLOAD, key);
      if (errors.present(keyPath)) {
        throw errors.atKey(keyPath, key + " does not apply with closedLoop",
            "closedLoop clients run operations back to back, as fast as the database answers, "
                + "at most one each in flight; remove " + key
                + ", or remove closedLoop for an open-loop rate");
      }
    }
    String path = WORKLOAD + "/closedLoop";
    String hint = "give the number of clients, e.g. closedLoop: {clients: 8, thinkTime: 0ms}";
    errors.require(closedLoop, path, hint);
    int clients = errors.require(closedLoop.clients(), path + "/clients", hint);
    errors.requireAtLeast(clients, 1, path + "/clients");
    Duration thinkTime = closedLoop.thinkTime() == null ? Duration.ZERO : closedLoop.thinkTime();
    return new ClosedLoopSpec(clients, thinkTime);
  }

  private List<RateStage> stages(List<ScenarioDocument.Stage> stages) {
    if (stages == null) {
      return List.of();
    }
    String path = WORKLOAD + "/stages";
    String hint = "list stages like {duration: 30s, target: 500}: the rate goes linearly from "
        + "the previous stage's target (rate for the first) to target over duration";
    if (stages.isEmpty()) {
      throw errors.at(path, "stages must list at least one stage",
          "remove stages for a constant rate, or " + hint);
    }
    List<RateStage> result = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      String stagePath = YamlPath.child(path, i);
      ScenarioDocument.Stage stage = errors.require(stages.get(i), stagePath, hint);
      Duration duration = errors.require(stage.duration(), stagePath + "/duration",
          "give how long the stage ramps, e.g. duration: 30s; 0s makes it a step");
      String targetPath = stagePath + "/target";
      double target = errors.require(stage.target(), targetPath,
          "give the rate to reach in operations per second, e.g. target: 500");
      if (target <= 0) {
        throw errors.at(targetPath, "target must be greater than 0, got " + errors.got(targetPath),
            "target is the rate in operations per second at the end of the stage; "
                + "to pause the load, use a low rate such as target: 1");
      }
      result.add(new RateStage(duration, target));
    }
    return List.copyOf(result);
  }

  private Arrival arrival(String arrival) {
    if (arrival == null) {
      return Arrival.CONSTANT;
    }
    for (Arrival candidate : Arrival.values()) {
      if (candidate.yamlName().equals(arrival)) {
        return candidate;
      }
    }
    throw errors.at(WORKLOAD + "/arrival", "unknown arrival '" + arrival + "'",
        "use one of: constant (evenly spaced, the default), "
            + "poisson (random gaps, as independent users arrive)");
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

  /** Every key is checked even when the check is disabled, so enabling it again just works. */
  private HealthCheckSpec healthCheck(ScenarioDocument.HealthCheck check) {
    if (check == null) {
      return DEFAULT_HEALTH_CHECK;
    }
    String path = WORKLOAD + "/healthCheck";
    String sql = DEFAULT_HEALTH_CHECK.sql();
    if (check.sql() != null || errors.present(path + "/sql")) {
      String sqlPath = path + "/sql";
      String hint = "give the query the application's health check runs, with literal values, "
          + "e.g. sql: SELECT 1";
      sql = errors.requireText(check.sql(), sqlPath, hint);
      if (Placeholders.count(sql) > 0 || !Placeholders.rewriteNamed(sql).names().isEmpty()) {
        throw errors.at(sqlPath, "healthCheck sql cannot take parameters", hint);
      }
    }
    Duration every = check.every() == null ? DEFAULT_HEALTH_CHECK.every() : check.every();
    // a probe per 100ms is already more than any load balancer sends
    errors.requireAtLeast(every, Duration.ofMillis(100), path + "/every");
    Duration timeout = check.timeout() == null ? DEFAULT_HEALTH_CHECK.timeout()
        : check.timeout();
    // below 10ms a healthy probe fails on scheduling noise alone
    errors.requireAtLeast(timeout, Duration.ofMillis(10), path + "/timeout");
    return Boolean.FALSE.equals(check.enabled()) ? null
        : new HealthCheckSpec(sql, every, timeout);
  }

  private List<OperationSpec> operations(List<ScenarioDocument.Operation> operations) {
    String path = WORKLOAD + "/operations";
    String hint = "add an operation with a weight, e.g. "
        + "{name: read, weight: 1, sql: SELECT 1}; periodic operations (every) come on top";
    errors.require(operations, path, hint);
    Map<String, String> seen = new HashMap<>();
    List<OperationSpec> result = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      String operationPath = YamlPath.child(path, i);
      ScenarioDocument.Operation operation = errors.require(operations.get(i), operationPath,
          hint);
      result.add(operation(operation, operationPath, seen));
    }
    if (result.stream().noneMatch(operation -> operation.weight() != null)) {
      throw errors.atKey(path, "workload needs at least one operation with a weight", hint);
    }
    return List.copyOf(result);
  }

  private OperationSpec operation(ScenarioDocument.Operation operation, String path,
      Map<String, String> seen) {
    String name = errors.requireText(operation.name(), path + "/name",
        "name the operation, e.g. name: read-user");
    errors.requireUnique(seen, name, path + "/name", "operation");
    Statements statements = statements(operation, name, path);

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
    Duration holdFor = holdFor(operation.holdFor(), every, path + "/holdFor");

    Map<String, ParamSpec> params = new LinkedHashMap<>();
    List<StatementSpec> bound = params(operation.params(), statements, name, path, params);
    String ledger = ledger(operation.ledger(), statements, every != null, name,
        path + "/ledger");
    return new OperationSpec(name, bound, statements.transaction(), weight, every, startAfter,
        holdFor, Collections.unmodifiableMap(params), ledger);
  }

  /**
   * The statements as written, each with where it is and how messages name it.
   *
   * @param transaction whether they were written with {@code transaction:}
   */
  private record Statements(List<String> sql, List<String> paths, boolean transaction) {

    /** How a message names statement {@code i}: "its sql", "transaction[1]". */
    String name(int i) {
      return transaction ? "transaction[" + i + "]" : "its sql";
    }

    /** How a message names all of them together. */
    String all() {
      return transaction ? "its transaction" : "its sql";
    }
  }

  /** Exactly one of {@code sql} or a non-empty {@code transaction}. */
  private Statements statements(ScenarioDocument.Operation operation, String name,
      String path) {
    String sqlPath = path + "/sql";
    String transactionPath = path + "/transaction";
    String hint = "give one statement with sql:, or statements to run between BEGIN and COMMIT "
        + "with transaction: [UPDATE ..., SELECT ...]";
    boolean hasSql = operation.sql() != null || errors.present(sqlPath);
    boolean hasTransaction = operation.transaction() != null || errors.present(transactionPath);
    if (hasSql && hasTransaction) {
      throw errors.atKey(transactionPath,
          "operation '" + name + "' has both sql and transaction; use one", hint);
    }
    if (!hasSql && !hasTransaction) {
      throw errors.at(path, "operation '" + name + "' needs sql or transaction", hint);
    }
    if (hasSql) {
      String sql = errors.requireText(operation.sql(), sqlPath,
          "give the statement, with ? or :name for each parameter");
      return new Statements(List.of(sql), List.of(sqlPath), false);
    }
    List<String> transaction = errors.require(operation.transaction(), transactionPath, hint);
    if (transaction.isEmpty()) {
      throw errors.at(transactionPath,
          "transaction of operation '" + name + "' needs at least one statement", hint);
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < transaction.size(); i++) {
      String statementPath = YamlPath.child(transactionPath, i);
      String sql = errors.requireText(transaction.get(i), statementPath,
          "give the statement, or remove the empty entry");
      String keyword = Placeholders.firstKeyword(sql);
      if (keyword != null && TRANSACTION_CONTROL.contains(keyword)) {
        throw errors.at(statementPath, "transaction of operation '" + name
                + "' must not contain " + keyword.toUpperCase(Locale.ROOT),
            "list only the statements in between: the harness runs BEGIN before the first "
                + "and COMMIT after the last");
      }
      paths.add(statementPath);
    }
    return new Statements(List.copyOf(transaction), List.copyOf(paths), true);
  }

  private Duration holdFor(Duration holdFor, Duration every, String path) {
    if (holdFor == null) {
      return null;
    }
    if (every == null) {
      throw errors.atKey(path, "holdFor applies only to periodic operations (with every)",
          "remove holdFor, or make the operation periodic with every:; holdFor keeps its "
              + "transaction open, idle, for that long each time it runs");
    }
    errors.requireAtLeast(holdFor, Duration.ofMillis(1), path);
    if (holdFor.compareTo(every) >= 0) {
      throw errors.at(path, "holdFor must be shorter than every (" + Durations.format(every)
              + "), got " + errors.got(path),
          "the transaction must be committed before the next period opens another one");
    }
    return holdFor;
  }

  /**
   * Checks the operation's params against its statements and binds them: fills {@code specs}
   * (name to generator) and returns the statements in {@code ?} form with the names of their
   * parameters.
   */
  private List<StatementSpec> params(Object params, Statements statements, String name,
      String path, Map<String, ParamSpec> specs) {
    String paramsPath = path + "/params";
    List<Integer> counts = new ArrayList<>();
    List<Placeholders.Rewritten> named = new ArrayList<>();
    checkOneStyle(statements, name, counts, named);
    int positional = counts.stream().mapToInt(Integer::intValue).sum();
    List<String> names = named.stream().flatMap(n -> n.names().stream()).toList();

    if (params == null || params instanceof List) {
      List<?> list = params == null ? List.of() : (List<?>) params;
      if (!names.isEmpty()) {
        String problem = "operation '" + name + "' uses :" + names.get(0) + " in "
            + statements.name(firstNamed(named)) + ", but "
            + (params == null ? "has no params" : "params is a list");
        throw errors.at(params == null ? statements.paths().get(firstNamed(named)) : paramsPath,
            problem, "define each :name under params as a mapping, e.g. "
                + "params: {" + names.get(0) + ": {kind: existingKey, table: ...}}");
      }
      for (int i = 0; i < list.size(); i++) {
        String paramPath = YamlPath.child(paramsPath, i);
        specs.put(String.valueOf(i + 1), param(list.get(i), paramPath));
      }
      if (positional != list.size()) {
        String where = params == null
            ? (statements.transaction() ? path + "/transaction" : path + "/sql") : paramsPath;
        throw errors.at(where, "operation '" + name + "' has "
                + count(positional, "placeholder") + " (?) in " + statements.all() + " but "
                + count(list.size(), "param"),
            "list one param per ?, in order");
      }
      List<StatementSpec> result = new ArrayList<>();
      int next = 1;
      for (int i = 0; i < counts.size(); i++) {
        List<String> statementNames = new ArrayList<>();
        for (int j = 0; j < counts.get(i); j++) {
          statementNames.add(String.valueOf(next++));
        }
        result.add(new StatementSpec(statements.sql().get(i), statementNames));
      }
      return List.copyOf(result);
    }

    if (!(params instanceof Map<?, ?> map)) {
      throw errors.at(paramsPath, "params must be a list or a mapping, got "
              + errors.got(paramsPath),
          "give a list, one param per ? in order, or a mapping from name to param for :name "
              + "parameters");
    }
    if (positional > 0) {
      throw errors.at(paramsPath, "operation '" + name + "' has ? placeholders in "
              + statements.all() + ", but params is a mapping",
          "write each parameter as :name in the sql (pgbench style), or give params as a list, "
              + "one param per ?, in order");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String paramName = String.valueOf(entry.getKey());
      String paramPath = YamlPath.child(paramsPath, paramName);
      if (!Placeholders.isParameterName(paramName)) {
        throw errors.atKey(paramPath, "param name '" + paramName + "' cannot be written as :name",
            "names start with a letter or _ and go on with letters, digits and _, as in "
                + "pgbench, e.g. aid or user_id");
      }
      specs.put(paramName, param(entry.getValue(), paramPath));
    }
    String defined = specs.isEmpty() ? "params defines none"
        : "params defines: " + String.join(", ", specs.keySet());
    for (int i = 0; i < named.size(); i++) {
      for (String used : named.get(i).names()) {
        if (!specs.containsKey(used)) {
          throw errors.at(statements.paths().get(i), "operation '" + name + "' uses :" + used
                  + " in " + statements.name(i) + ", but params does not define it",
              defined + "; add " + used + ": {kind: ...} under params, or correct the name "
                  + "(names are case-sensitive)");
        }
      }
    }
    Set<String> usedNames = new LinkedHashSet<>(names);
    for (String definedName : specs.keySet()) {
      if (!usedNames.contains(definedName)) {
        String uses = usedNames.isEmpty() ? "it uses none"
            : "it uses :" + String.join(", :", usedNames);
        throw errors.atKey(YamlPath.child(paramsPath, definedName), "param '" + definedName
                + "' of operation '" + name + "' is not used in " + statements.all(),
            "write :" + definedName + " where it goes, or remove it (a name defined but never "
                + "used is usually a typo; " + uses + ")");
      }
    }
    List<StatementSpec> result = new ArrayList<>();
    for (Placeholders.Rewritten rewritten : named) {
      result.add(new StatementSpec(rewritten.sql(), rewritten.names()));
    }
    return List.copyOf(result);
  }

  /**
   * Lexes each statement into {@code counts} ({@code ?} placeholders) and {@code named}
   * ({@code :name} rewritten), failing at the first statement that mixes the two styles with
   * what came before.
   */
  private void checkOneStyle(Statements statements, String name, List<Integer> counts,
      List<Placeholders.Rewritten> named) {
    boolean positionalSeen = false;
    boolean namedSeen = false;
    for (int i = 0; i < statements.sql().size(); i++) {
      String sql = statements.sql().get(i);
      int count = Placeholders.count(sql);
      Placeholders.Rewritten rewritten = Placeholders.rewriteNamed(sql);
      positionalSeen |= count > 0;
      namedSeen |= !rewritten.names().isEmpty();
      if (positionalSeen && namedSeen) {
        throw errors.at(statements.paths().get(i),
            "operation '" + name + "' mixes ? and :name parameters",
            "use ? with params as a list (one per ?, in order), or :name with params as a "
                + "mapping (pgbench style), not both in one operation");
      }
      counts.add(count);
      named.add(rewritten);
    }
  }

  private static int firstNamed(List<Placeholders.Rewritten> named) {
    for (int i = 0; i < named.size(); i++) {
      if (!named.get(i).names().isEmpty()) {
        return i;
      }
    }
    throw new IllegalStateException("no named parameter (a bug)");
  }

  /** Converts one param as read ({@code Map}) to a checked {@link ParamSpec} with defaults. */
  private ParamSpec param(Object value, String path) {
    errors.require(value, path, kindHint());
    ParamSpec param = ScenarioBinder.convert(value, ParamSpec.class, path, errors);
    String kindPath = path + "/kind";
    String kind = errors.requireText(param.kind(), kindPath, kindHint());
    if (!PARAM_KINDS.contains(kind)) {
      throw errors.at(kindPath, "unknown param kind '" + kind + "'", kindHint());
    }
    checkKeys(param, kind, path);
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

  /** Any key with a value that {@code kind} does not take is an error at that key. */
  private void checkKeys(ParamSpec param, String kind, String path) {
    UnexpectedKeys.reject(errors, param, path, "kind", "param kind " + kind, kind,
        PARAM_KEYS.get(kind));
  }

  private void checkTable(String table, String path) {
    errors.requireText(table, path, "name the dataset table whose ids to use; " + tables());
    if (!tableNames.contains(table)) {
      throw errors.at(path, "table '" + table + "' is not in the dataset",
          "key parameters draw ids of a seeded table; " + tables());
    }
  }

  /**
   * The table whose written rows the integrity check verifies. Their keys and values come from
   * RETURNING, so the recorded row is what the database acknowledged, not what was sent.
   */
  private String ledger(String ledger, Statements statements, boolean periodic, String name,
      String path) {
    if (ledger == null && !errors.present(path)) {
      return null;
    }
    if (periodic) {
      throw errors.atKey(path, "ledger applies only to weighted operations",
          "remove ledger, or give the operation a weight instead of every; periodic "
              + "operations are not checked for lost writes");
    }
    errors.requireText(ledger, path, "name the dataset table the operation writes, e.g. "
        + "ledger: users; " + tables());
    if (!tableNames.contains(ledger)) {
      throw errors.at(path, "ledger table '" + ledger + "' is not in the dataset",
          "the ledger records written rows of a seeded table; " + tables());
    }
    if (statements.sql().stream()
        .noneMatch(sql -> Placeholders.containsKeyword(sql, "RETURNING"))) {
      throw errors.at(path, "operation '" + name + "' has ledger: " + ledger
              + " but no RETURNING in " + statements.all(),
          "add RETURNING <key column>, <columns to verify>; the first returned column must be "
              + "the table's key");
    }
    return ledger;
  }

  private String tables() {
    return tableNames.isEmpty() ? "there are none yet; declare it under dataset.tables"
        : "dataset tables: " + String.join(", ", tableNames);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String kindHint() {
    return "give each param a kind, one of: " + String.join(", ", PARAM_KINDS);
  }
}
