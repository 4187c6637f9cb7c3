package dev.rehearsal.harness.migrate;

import java.util.List;

/**
 * What runs, and is retried, as a whole: one statement, or the statements of one transaction.
 *
 * @param transaction run between BEGIN and COMMIT issued by the runner, with the locks held read
 *     after each statement; false for a statement sent on its own in autocommit
 * @param rollback the block ended in ROLLBACK: run it, then roll it back
 */
public record Unit(List<PlannedStatement> statements, boolean transaction, boolean rollback) {

  public Unit {
    statements = List.copyOf(statements);
  }

  static Unit bare(PlannedStatement statement) {
    return new Unit(List.of(statement), false, false);
  }

  static Unit inTransaction(PlannedStatement statement) {
    return new Unit(List.of(statement), true, false);
  }
}
