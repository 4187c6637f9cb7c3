package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.sql.SqlSplitter;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.TransactionMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups a step's statements into the units that run (and are retried) as a whole, by the
 * step's transaction mode. Problems PostgreSQL would only report halfway through a rehearsal
 * (a CREATE INDEX CONCURRENTLY inside BEGIN ... COMMIT, a BEGIN never committed) are reported
 * here, before anything starts.
 */
final class TransactionUnits {

  private TransactionUnits() {}

  static List<Unit> group(List<PlannedStatement> statements, TransactionMode mode) {
    return switch (mode) {
      case NONE -> statements.stream().map(Unit::bare).toList();
      case SINGLE -> List.of(single(statements));
      case AUTO -> auto(statements);
    };
  }

  private static Unit single(List<PlannedStatement> statements) {
    for (PlannedStatement s : statements) {
      if (StatementKinds.begins(s.sql()) || StatementKinds.commits(s.sql()) || StatementKinds.rollsBack(s.sql())) {
        throw problem(s, "BEGIN/COMMIT/ROLLBACK in a step with transaction: single, which already runs in one"
            + " transaction", "remove them, or use transaction: auto to keep your own blocks");
      }
      refuseInBlock(s, "transaction: single runs the whole step in one transaction");
    }
    return new Unit(statements, true, false);
  }

  private static List<Unit> auto(List<PlannedStatement> statements) {
    List<Unit> units = new ArrayList<>();
    List<PlannedStatement> block = null;
    PlannedStatement blockStart = null;
    for (PlannedStatement s : statements) {
      String sql = s.sql();
      if (StatementKinds.begins(sql)) {
        if (block != null) {
          throw problem(s, "BEGIN inside a transaction block that began at line " + blockStart.line(),
              "end the first block with COMMIT before starting another");
        }
        block = new ArrayList<>();
        blockStart = s;
      } else if (StatementKinds.commits(sql) || StatementKinds.rollsBack(sql)) {
        if (block == null) {
          throw problem(s, "COMMIT or ROLLBACK without a BEGIN", "remove it, or add the BEGIN that opens the block");
        }
        if (!block.isEmpty()) {
          units.add(new Unit(block, true, StatementKinds.rollsBack(sql)));
        }
        block = null;
      } else if (block != null) {
        refuseInBlock(s, "it is inside the BEGIN block that starts at line " + blockStart.line());
        block.add(s);
      } else if (StatementKinds.refusesTransactionBlock(sql)) {
        units.add(Unit.bare(s));
      } else {
        units.add(Unit.inTransaction(s));
      }
    }
    if (block != null) {
      throw problem(blockStart, "BEGIN without a COMMIT", "end the block with COMMIT (or ROLLBACK)");
    }
    return units;
  }

  private static void refuseInBlock(PlannedStatement s, String why) {
    if (StatementKinds.refusesTransactionBlock(s.sql())) {
      throw problem(s, "'" + SqlSplitter.firstLine(s.sql()) + "' cannot run inside a transaction block, and " + why,
          "give it a step of its own (or move it outside BEGIN ... COMMIT): it is then sent alone in autocommit");
    }
  }

  private static BadInputException problem(PlannedStatement s, String what, String fix) {
    return new BadInputException(s.origin() + ", line " + s.line() + ": " + what + "\n  fix: " + fix);
  }
}
