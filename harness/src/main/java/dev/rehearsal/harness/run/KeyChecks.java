package dev.rehearsal.harness.run;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.seed.catalog.KeyColumn;
import dev.rehearsal.harness.seed.catalog.KeyColumns;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.BackfillSpec;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.ParamSpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.StepSpec;
import dev.rehearsal.scenario.StrategySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys the scenario relies on, checked against the schema as built, before any row is seeded
 * (bad input, exit 2): a backfill's batching key, and the primary key that {@code existingKey}
 * and {@code newKey} params draw. Without this, a text key that {@code backfill} could not batch
 * failed only after seeding and the warm-up.
 */
final class KeyChecks {

  private KeyChecks() {}

  static void beforeSeeding(Scenario scenario, DatabaseTarget target) {
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.ADMIN)) {
      for (OperationSpec op : scenario.workload().operations()) {
        for (Map.Entry<String, ParamSpec> param : op.params().entrySet()) {
          String kind = param.getValue().kind();
          if ("existingKey".equals(kind) || "newKey".equals(kind)) {
            checkDrawnKey(c, op, param.getKey(), param.getValue());
          }
        }
      }
      for (StrategySpec strategy : scenario.strategies()) {
        checkBackfills(c, strategy, strategy.steps(), "steps");
        if (strategy.down() != null) {
          checkBackfills(c, strategy, strategy.down(), "down");
        }
      }
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    }
  }

  /**
   * A backfill's key must be a column of an integer, text or uuid type. A table the schema does
   * not have yet is left to the run: an earlier step may create it.
   */
  private static void checkBackfills(Connection c, StrategySpec strategy, List<StepSpec> steps, String list)
      throws SQLException {
    for (int i = 0; i < steps.size(); i++) {
      BackfillSpec b = steps.get(i).backfill();
      if (b == null || !KeyColumns.tableExists(c, b.table())) {
        continue;
      }
      String where = "strategy " + strategy.name() + ", " + list + "[" + i + "] (backfill of " + b.table() + ")";
      Optional<KeyColumn> key = KeyColumns.column(c, b.table(), b.key());
      if (key.isEmpty()) {
        throw new BadInputException(where + ": key " + b.key() + " is not a column of " + b.table()
            + "\n  fix: set key: to the column to batch by (default id), usually the primary key" + primaryKeyHint(c, b.table()));
      }
      if (key.get().kind() == KeyColumn.Kind.OTHER) {
        throw new BadInputException(where + ": backfill cannot batch by " + key.get().describe()
            + ": it batches by an integer (smallint, integer, bigint), text/varchar or uuid key, in key order"
            + "\n  fix: set key: to such a column, usually the primary key" + primaryKeyHint(c, b.table()));
      }
    }
  }

  /** The table's primary key must be one column of an integer, text or uuid type, or absent (ids 1..rows assumed). */
  private static void checkDrawnKey(Connection c, OperationSpec op, String name, ParamSpec p) throws SQLException {
    List<KeyColumn> pk = KeyColumns.primaryKey(c, p.table());
    if (pk.size() != 1) {
      return; // no or a composite primary key: ids 1..rows are assumed, as documented
    }
    KeyColumn key = pk.get(0);
    String where = "operation " + op.name() + ", param " + name + " (" + p.kind() + " of " + p.table() + ")";
    if (key.kind() == KeyColumn.Kind.OTHER) {
      throw new BadInputException(where + ": the primary key " + key.describe() + " is not a key " + p.kind()
          + " can draw: it draws integer (smallint, integer, bigint), text/varchar or uuid keys"
          + "\n  fix: key " + p.table() + " by such a column, or draw " + key.column()
          + "'s values with another param kind (uniform, choice)");
    }
    Integer max = key.maxLength();
    if ("newKey".equals(p.kind()) && max != null && max < 4) {
      throw new BadInputException(where + ": new keys that collide with none of the seeded ones need a prefix and a"
          + " counter, which do not fit in " + key.describe()
          + "\n  fix: widen the column to at least varchar(4), or insert with keys drawn another way");
    }
  }

  private static String primaryKeyHint(Connection c, String table) throws SQLException {
    List<KeyColumn> pk = KeyColumns.primaryKey(c, table);
    List<String> names = new ArrayList<>();
    pk.forEach(k -> names.add(k.column() + " " + k.type()));
    return pk.isEmpty() ? " (" + table + " has no primary key)" : " (" + table + "'s primary key: " + String.join(", ", names) + ")";
  }
}
