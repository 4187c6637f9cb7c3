package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One kind of application request: one SQL statement, or a short transaction of several.
 *
 * <p>Exactly one of {@code weight} (share of the workload's traffic) or {@code every} (a
 * periodic operation such as a report query, on its own connection outside the pool) is set.
 *
 * @param statements what runs, in order, each in JDBC {@code ?} form with the names of its
 *     parameters
 * @param transaction whether the statements run between BEGIN and COMMIT (written with
 *     {@code transaction:}, even when it holds one statement); otherwise there is exactly one
 *     statement, run in autocommit
 * @param startAfter for periodic operations: delay before the first run (default: {@code every})
 * @param holdFor for periodic operations, or null: how long the transaction stays open, idle,
 *     after its statements and before COMMIT (shorter than {@code every})
 * @param params the generator of each parameter by name, in the order written; positional
 *     parameters ({@code ?} with a list of params) are named "1", "2", ... One value is drawn
 *     per name per execution
 * @param ledger for weighted operations, or null: the dataset table whose rows the statements'
 *     RETURNING gives back (first column the table's key), recorded as acknowledged writes for
 *     the integrity check
 * @param replica whether the operation runs on the scenario's standby ({@code server.standby})
 *     instead of the primary: a read the application routes to a replica, whose results are as
 *     stale as the standby's replay lag
 */
public record OperationSpec(
    String name,
    List<StatementSpec> statements,
    boolean transaction,
    Integer weight,
    Duration every,
    Duration startAfter,
    Duration holdFor,
    Map<String, ParamSpec> params,
    String ledger,
    boolean replica) {

  /** An operation on the primary. */
  public OperationSpec(String name, List<StatementSpec> statements, boolean transaction, Integer weight,
      Duration every, Duration startAfter, Duration holdFor, Map<String, ParamSpec> params, String ledger) {
    this(name, statements, transaction, weight, every, startAfter, holdFor, params, ledger, false);
  }

  public boolean periodic() {
    return every != null;
  }
}
