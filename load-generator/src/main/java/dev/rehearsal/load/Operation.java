package dev.rehearsal.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One kind of request the application makes: one statement in autocommit, or a short
 * transaction of several, with values drawn once per execution.
 *
 * @param transaction run the statements between BEGIN and COMMIT (one statement may be a
 *     transaction too, e.g. to hold its locks until the end)
 * @param values one generator per drawn value; statements bind them through their slots
 * @param ledgerTable the table whose rows this operation's RETURNING clauses give back, to be
 *     recorded in the write ledger; null when the operation's writes are not tracked
 * @param replica runs on the standby (a read routed to a replica), not on the primary
 */
public record Operation(String name, List<OperationStatement> statements, boolean transaction,
    List<ParamGenerator> values, String ledgerTable, boolean replica) {

  /** An operation on the primary. */
  public Operation(String name, List<OperationStatement> statements, boolean transaction,
      List<ParamGenerator> values, String ledgerTable) {
    this(name, statements, transaction, values, ledgerTable, false);
  }

  public Operation {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("operation " + name + " has no statement");
    }
    statements = List.copyOf(statements);
    values = List.copyOf(values);
    for (OperationStatement s : statements) {
      for (int slot : s.paramSlots()) {
        if (slot < 0 || slot >= values.size()) {
          throw new IllegalArgumentException("operation " + name + " binds value " + slot + " of " + values.size());
        }
      }
    }
  }

  /** A single autocommit statement with positional parameters. */
  public static Operation of(String name, String sql, List<ParamGenerator> params) {
    return new Operation(name, List.of(OperationStatement.positional(sql, params.size())), false, params, null);
  }

  Object[] drawValues(SplittableRandom random) {
    Object[] drawn = new Object[values.size()];
    for (int i = 0; i < drawn.length; i++) {
      drawn[i] = values.get(i).next(random);
    }
    return drawn;
  }
}
