package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code workload.operations} and builds each {@link OperationSpec}: its name, its
 * statements, when it runs (a weighted share of the rate, or periodically with {@code every},
 * {@code startAfter} and {@code holdFor}), its params, its ledger and whether it reads from the
 * standby ({@code replica}). It exists apart from the
 * workload's pacing because an operation is what the application does, whatever the schedule
 * that starts it; its params are bound by {@link ParamBinder}.
 */
final class OperationValidator {

  private static final String PATH = "/workload/operations";

  private final ErrorReporter errors;
  private final SeededTables tables;
  private final ParamBinder binder;
  private final boolean standby;

  /** @param standby whether the scenario runs a standby ({@code server.standby}) */
  OperationValidator(ErrorReporter errors, SeededTables tables, boolean standby) {
    this.errors = errors;
    this.tables = tables;
    this.standby = standby;
    this.binder = new ParamBinder(errors, new ParamValidator(errors, tables));
  }

  List<OperationSpec> operations(List<ScenarioDocument.Operation> operations) {
    String hint = "add an operation with a weight, e.g. "
        + "{name: read, weight: 1, sql: SELECT 1}; periodic operations (every) come on top";
    errors.require(operations, PATH, hint);
    Map<String, String> seen = new HashMap<>();
    List<OperationSpec> result = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      String operationPath = YamlPath.child(PATH, i);
      ScenarioDocument.Operation operation = errors.require(operations.get(i), operationPath,
          hint);
      result.add(operation(operation, operationPath, seen));
    }
    if (result.stream().noneMatch(operation -> operation.weight() != null)) {
      throw errors.atKey(PATH, "workload needs at least one operation with a weight", hint);
    }
    return List.copyOf(result);
  }

  private OperationSpec operation(ScenarioDocument.Operation operation, String path,
      Map<String, String> seen) {
    String name = errors.requireText(operation.name(), path + "/name",
        "name the operation, e.g. name: read-user");
    errors.requireUnique(seen, name, path + "/name", "operation");
    OperationStatements statements = OperationStatements.read(errors, operation, name, path);

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
    List<StatementSpec> bound = binder.bind(operation.params(), statements, name, path, params);
    String ledger = ledger(operation.ledger(), statements, every != null, name,
        path + "/ledger");
    boolean replica = replica(operation.replica(), statements, params, ledger, name, path);
    return new OperationSpec(name, bound, statements.transaction(), weight, every, startAfter,
        holdFor, Collections.unmodifiableMap(params), ledger, replica);
  }

  /**
   * {@code replica: true}: the operation runs on the standby, which must exist and which is
   * read-only (a write there fails with SQLSTATE 25006), so nothing in it may write.
   */
  private boolean replica(Boolean replica, OperationStatements statements, Map<String, ParamSpec> params,
      String ledger, String name, String path) {
    if (!Boolean.TRUE.equals(replica)) {
      return false;
    }
    String replicaPath = path + "/replica";
    if (!standby) {
      throw errors.atKey(replicaPath, "operation '" + name + "' reads from the standby (replica: true) but "
              + "the scenario runs none",
          "add server: {standby: true} (the harness starts a hot standby of its server and sends this "
              + "operation there), or remove replica");
    }
    String readOnly = "a standby is read-only (SQLSTATE 25006)";
    if (ledger != null) {
      throw errors.atKey(replicaPath, "operation '" + name + "' has replica: true and ledger: " + ledger
              + "; " + readOnly, "remove replica: a ledgered operation writes, on the primary");
    }
    for (int i = 0; i < statements.sql().size(); i++) {
      String write = Placeholders.writeKeyword(statements.sql().get(i));
      if (write != null) {
        throw errors.at(statements.paths().get(i), "operation '" + name + "' has replica: true but "
                + statements.name(i) + " writes (" + write + "); " + readOnly,
            "send only reads to the standby: remove replica, or move the write into an operation of its own");
      }
    }
    for (Map.Entry<String, ParamSpec> param : params.entrySet()) {
      if ("newKey".equals(param.getValue().kind())) {
        throw errors.atKey(replicaPath, "operation '" + name + "' has replica: true but its param '"
                + param.getKey() + "' is a newKey, the key of a row to insert; " + readOnly,
            "read rows that exist on the standby with kind: existingKey, or remove replica");
      }
    }
    return true;
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
   * The table whose written rows the integrity check verifies. Their keys and values come from
   * RETURNING, so the recorded row is what the database acknowledged, not what was sent.
   */
  private String ledger(String ledger, OperationStatements statements, boolean periodic,
      String name, String path) {
    if (ledger == null && !errors.present(path)) {
      return null;
    }
    if (periodic) {
      throw errors.atKey(path, "ledger applies only to weighted operations",
          "remove ledger, or give the operation a weight instead of every; periodic "
              + "operations are not checked for lost writes");
    }
    errors.requireText(ledger, path, "name the dataset table the operation writes, e.g. "
        + "ledger: users; " + tables.hint());
    if (!tables.contains(ledger)) {
      throw errors.at(path, "ledger table '" + ledger + "' is not in the dataset",
          "the ledger records written rows of a seeded table; " + tables.hint());
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
}
