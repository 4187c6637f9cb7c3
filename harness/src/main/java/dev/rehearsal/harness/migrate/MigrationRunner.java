package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.StopSignal;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Placeholders;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Applies a migration plan's steps in order on a session of its own (application_name
 * {@value ApplicationNames#MIGRATION}, which the lock observer keys on), timing each statement
 * and recording the locks it held and the tables it rewrote. A failing statement is a finding,
 * not a crash: it is recorded with its SQLSTATE, message and line, and the remaining steps are
 * not run, as a migration tool would stop.
 */
public final class MigrationRunner implements AutoCloseable {

  /** Told about each statement as it finishes, and about retries and progress. */
  public interface Listener {
    /**
     * A statement returned, and is reported as it finishes: inside a transaction its locks and
     * rewrites are not known yet, and a unit given up for a lock is tried again after it.
     */
    default void statementFinished(StatementOutcome outcome) {}

    /** A statement's final outcome, once its unit (transaction, migration) is over. */
    void statementDone(StatementOutcome outcome);

    void note(String message);
  }

  private static final Set<String> ROW_COMMANDS = Set.of("insert", "update", "delete", "merge", "with", "copy");

  private final DatabaseTarget target;
  private final Connection connection;
  private final int backendPid;
  private final CatalogProbe probe;
  private final MigrationProgress progress;
  private final Listener listener;
  private final List<StatementOutcome> outcomes = new ArrayList<>();
  private int nextIndex = 1;

  public MigrationRunner(DatabaseTarget target, MigrationProgress progress, Listener listener) {
    this.target = target;
    this.progress = progress;
    this.listener = listener;
    try {
      this.connection = ScratchDatabase.connect(target, ApplicationNames.MIGRATION);
      connection.setAutoCommit(true);
      this.backendPid = CatalogProbe.backendPid(connection);
    } catch (SQLException e) {
      throw new InfrastructureException("could not open the migration session: " + e.getMessage(), e);
    }
    this.probe = new CatalogProbe(target, progress);
  }

  /** Every statement run so far, in order. */
  public List<StatementOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /**
   * Runs the steps in order; stops at the first failed statement.
   *
   * @param direction up or down, as reports show it
   * @return whether every statement succeeded
   */
  public boolean run(List<PlannedStep> steps, String direction) {
    try {
      for (PlannedStep step : steps) {
        if (StopSignal.requested()) {
          listener.note("  migration stopped before step " + step.label() + ": " + StopSignal.reason());
          return false;
        }
        boolean ok = switch (step.kind()) {
          case SQL, FILE -> runUnits(step, direction);
          case BACKFILL -> record(new BackfillRunner(connection, probe, backendPid, progress, listener)
              .run(step, direction, nextIndex, new LockRetry(step.spec().retry())));
          case FLYWAY -> recordAll(new FlywayRunner(target, progress, probe, listener)
              .run(step, direction, nextIndex, new LockRetry(step.spec().retry())));
          case LIQUIBASE -> recordAll(new LiquibaseRunner(target, progress, probe, listener)
              .run(step, direction, nextIndex));
          case PAUSE -> pause(step);
        };
        if (!ok) {
          return false;
        }
      }
      return true;
    } catch (SQLException e) {
      throw new InfrastructureException("the migration session failed outside the migration's own statements: "
          + e.getMessage(), e);
    }
  }

  private boolean runUnits(PlannedStep step, String direction) throws SQLException {
    LockRetry retry = new LockRetry(step.spec().retry());
    for (Unit unit : step.units()) {
      if (!runUnit(unit, step.label(), direction, retry)) {
        return false;
      }
    }
    return true;
  }

  private boolean runUnit(Unit unit, String step, String direction, LockRetry retry) throws SQLException {
    long firstAttemptNanos = 0;
    for (int attempt = 1; ; attempt++) {
      long attemptStart = System.nanoTime();
      if (attempt == 1) {
        firstAttemptNanos = attemptStart;
      }
      List<StatementRun> runs = attempt(unit, step, direction, retry, attempt);
      StatementRun failed = runs.stream().filter(StatementRun::hasFailed).findFirst().orElse(null);
      if (failed != null && !failed.abortedScriptBlock && retry.retries(failed.sqlState, attempt)) {
        Duration pause = retry.backoff(attempt);
        listener.note(String.format("  statement %d could not get its lock within lock_timeout %d ms "
                + "(attempt %d of %d, %.0f ms); retrying in %d ms", failed.index, retry.lockTimeout(attempt).toMillis(),
            attempt, retry.attempts(), (System.nanoTime() - attemptStart) / 1e6, pause.toMillis()));
        sleep(pause);
        continue;
      }
      // the failed attempts and the pauses after them: none when the first attempt counted
      long retryWait = attemptStart - firstAttemptNanos;
      for (StatementRun run : runs) {
        run.attempts = attempt;
        run.retryWaitNanos = retryWait;
        record(run);
      }
      return failed == null;
    }
  }

  /** One try at a unit; the runs of the statements that were sent, the last one failed if any did. */
  private List<StatementRun> attempt(Unit unit, String step, String direction, LockRetry retry, int attempt)
      throws SQLException {
    List<StatementRun> runs = new ArrayList<>();
    retry.before(connection, attempt);
    // read before the unit begins, from the probe's session: nothing is held yet
    Map<Long, Long> storageBefore = probe.storage();
    try {
      if (unit.transaction()) {
        connection.setAutoCommit(false);
        progress.transactionBegan();
        probe.transactionBegan();
      } else {
        progress.transactionEnded();
      }
      for (PlannedStatement planned : unit.statements()) {
        StatementRun run = new StatementRun(nextIndex + runs.size(), direction, step, "sql", planned,
            unit.transaction());
        runs.add(run);
        if (!execute(run, unit.transaction())) {
          break;
        }
      }
      if (unit.transaction()) {
        probe.awaitReads();
        end(unit, runs);
      }
    } finally {
      if (unit.transaction()) {
        connection.setAutoCommit(true);
        progress.transactionEnded();
      } else if (!runs.isEmpty() && runs.get(runs.size() - 1).hasFailed() && inTransactionBlock()) {
        rollBackScriptBlock(runs.get(runs.size() - 1));
      }
      retry.after(connection);
    }
    probe.nameNewRelations(runs);
    probe.chargeRewrites(storageBefore, runs.stream().filter(r -> !r.hasFailed()).toList());
    return runs;
  }

  /** Whether the session is inside a transaction block the SQL opened itself (a BEGIN sent as written). */
  private boolean inTransactionBlock() throws SQLException {
    return connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
  }

  /**
   * A statement failed inside a BEGIN ... COMMIT the script sent itself (transaction: none): the block is aborted,
   * and would keep its locks, blocking the load, for the rest of the rehearsal. It is rolled back, as the session of
   * a migration tool that stops would be, and the statement is not retried on its own.
   */
  private void rollBackScriptBlock(StatementRun failed) throws SQLException {
    failed.abortedScriptBlock = true;
    try (Statement st = connection.createStatement()) {
      st.execute("ROLLBACK");
    }
    progress.transactionEnded();
    listener.note(String.format("  statement %d failed inside the script's own transaction block; rolled it back",
        failed.index));
  }

  private boolean execute(StatementRun run, boolean inTransaction) throws SQLException {
    progress.statementStarted(run.index, run.step + " statement " + run.index + ": "
        + ToolStatements.firstWords(run.planned.sql()));
    run.started();
    try (Statement st = connection.createStatement();
        StopSignal.Registration cancel = StopSignal.onStop(() -> cancelQuietly(st))) {
      boolean returnedRows = st.execute(run.planned.sql());
      run.ended();
      progress.statementEnded();
      List<String> words = Placeholders.words(run.planned.sql());
      if (!returnedRows && !words.isEmpty() && ROW_COMMANDS.contains(words.get(0))) {
        run.rowsAffected = (long) st.getUpdateCount();
      }
    } catch (SQLException e) {
      run.failed(e);
      progress.statementEnded();
      listener.statementFinished(run.outcome());
      return false;
    }
    if (inTransaction) {
      probe.statementEnded(run, backendPid); // read from the probe's session while the migration goes on
    }
    listener.statementFinished(run.outcome());
    return true;
  }

  /** COMMIT, or ROLLBACK when a statement failed or the block said so; a failing COMMIT fails the last statement. */
  private void end(Unit unit, List<StatementRun> runs) throws SQLException {
    StatementRun last = runs.get(runs.size() - 1);
    if (last.hasFailed() || unit.rollback()) {
      connection.rollback();
      return;
    }
    try {
      connection.commit();
    } catch (SQLException e) {
      long duration = last.durationNanos;
      last.failed(e); // a deferred constraint or serialization failure surfaces here
      last.durationNanos = duration;
      connection.rollback();
    }
  }

  private boolean record(StatementRun run) {
    StatementOutcome outcome = run.outcome();
    outcomes.add(outcome);
    nextIndex = Math.max(nextIndex, outcome.index() + 1);
    listener.statementDone(outcome);
    return !outcome.failed();
  }

  private boolean recordAll(List<StatementRun> runs) {
    boolean ok = true;
    for (StatementRun run : runs) {
      ok &= record(run);
    }
    return ok;
  }

  private boolean pause(PlannedStep step) {
    listener.note(String.format("  %s: pause %d s, load still running", step.label(), step.spec().pause().toSeconds()));
    sleep(step.spec().pause());
    return true;
  }

  static void sleep(Duration pause) {
    try {
      TimeUnit.NANOSECONDS.sleep(pause.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("migration interrupted", e);
    }
  }

  @Override
  public void close() {
    probe.close();
    try {
      connection.close();
    } catch (SQLException e) {
      // the session is gone either way
    }
  }

  /** The server's cancel request, from the thread that handles a stop; the statement then fails with 57014. */
  private static void cancelQuietly(Statement st) {
    try {
      st.cancel();
    } catch (SQLException e) {
      // the statement may have ended meanwhile; the thread's interrupt stops the rest
    }
  }
}
