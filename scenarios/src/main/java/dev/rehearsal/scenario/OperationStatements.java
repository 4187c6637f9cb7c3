package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements of one operation as written, each with where it is and how messages name it.
 * An operation gives one statement with {@code sql:} or several with {@code transaction:}; the
 * checks that follow (parameters, ledger) read both the same way through this record, and say
 * "its sql" or "transaction[1]" according to which was written.
 *
 * @param sql the statements, as written
 * @param paths where each statement is in the document
 * @param transaction whether they were written with {@code transaction:}
 */
record OperationStatements(List<String> sql, List<String> paths, boolean transaction) {

  /** What would end or nest the transaction the harness wraps around the statements. */
  private static final Set<String> TRANSACTION_CONTROL =
      Set.of("begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release");

  /** How a message names statement {@code i}: "its sql", "transaction[1]". */
  String name(int i) {
    return transaction ? "transaction[" + i + "]" : "its sql";
  }

  /** How a message names all of them together. */
  String all() {
    return transaction ? "its transaction" : "its sql";
  }

  /** Exactly one of {@code sql} or a non-empty {@code transaction}. */
  static OperationStatements read(ErrorReporter errors, ScenarioDocument.Operation operation,
      String name, String path) {
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
      return new OperationStatements(List.of(sql), List.of(sqlPath), false);
    }
    List<String> transaction = errors.require(operation.transaction(), transactionPath, hint);
    if (transaction.isEmpty()) {
      throw errors.at(transactionPath,
          "transaction of operation '" + name + "' needs at least one statement", hint);
    }
    return transaction(errors, transaction, name, transactionPath);
  }

  /** The statements of a {@code transaction:}, none of which may end or nest it. */
  private static OperationStatements transaction(ErrorReporter errors, List<String> transaction,
      String name, String transactionPath) {
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
    return new OperationStatements(List.copyOf(transaction), List.copyOf(paths), true);
  }
}
