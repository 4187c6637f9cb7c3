package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.history.Causes;
import dev.rehearsal.harness.history.FlywayFailures;
import dev.rehearsal.harness.history.FlywayHistory;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies a Flyway location through Flyway's own API, so teams rehearse the migrations they
 * already have exactly as Flyway runs them (its parser, its transaction per migration, its
 * non-transactional handling of CREATE INDEX CONCURRENTLY). Each versioned migration is one
 * statement in the report; a callback around each reads, inside Flyway's transaction, the locks
 * held and the tables rewritten.
 *
 * <p>The seeded schema is baselined at version 0, so every versioned migration in the location
 * is pending: point the step at the migrations not yet in production.
 */
final class FlywayRunner {

  private final DatabaseTarget target;
  private final MigrationProgress progress;
  private final MigrationRunner.Listener listener;

  FlywayRunner(DatabaseTarget target, MigrationProgress progress, MigrationRunner.Listener listener) {
    this.target = target;
    this.progress = progress;
    this.listener = listener;
  }

  /**
   * Applies the pending migrations. Under a lock-retry policy each migration runs with the lock_timeout of its
   * attempt; one that gives up waiting for a lock has been rolled back by Flyway (and not recorded), so after the
   * backoff Flyway is run again from it.
   */
  List<StatementRun> run(PlannedStep step, String direction, int firstIndex, LockRetry retry) {
    Capture capture = new Capture(step, direction, firstIndex, retry);
    while (true) {
      Flyway flyway = Flyway.configure()
          .dataSource(dataSource())
          .locations(step.flywayLocation())
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .callbacks(capture)
          .load();
      try {
        flyway.migrate();
        return capture.runs;
      } catch (FlywayException e) {
        capture.failed(e);
      }
      if (!capture.retryFailed()) {
        return capture.runs;
      }
    }
  }

  private PGSimpleDataSource dataSource() {
    // the lock observer tells the migration's sessions by this name
    return FlywayHistory.dataSource(target, ApplicationNames.MIGRATION);
  }

  /** Times each migration and reads its locks and rewrites from inside its transaction. */
  private final class Capture implements Callback {

    private final PlannedStep step;
    private final String direction;
    private int nextIndex;
    final List<StatementRun> runs = new ArrayList<>();
    private StatementRun current;
    private Map<Long, Long> storageBefore;
    private final LockRetry retry;
    /** The migration that gave up waiting for a lock and is tried again, its attempt and when it was first tried. */
    private String retrying;
    private int attempt = 1;
    private long firstAttemptNanos;
    private boolean failedInMigration;

    Capture(PlannedStep step, String direction, int firstIndex, LockRetry retry) {
      this.step = step;
      this.direction = direction;
      this.nextIndex = firstIndex;
      this.retry = retry;
    }

    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
          || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      try {
        if (event == Event.BEFORE_EACH_MIGRATE) {
          before(context);
        } else if (event == Event.AFTER_EACH_MIGRATE) {
          after(context.getConnection());
        } else if (current != null) {
          current.ended();
        }
      } catch (SQLException e) {
        throw new FlywayException("rehearsal could not inspect the migration: " + e.getMessage(), e);
      }
    }

    private void before(Context context) throws SQLException {
      MigrationInfo info = context.getMigrationInfo();
      String label = info.getScript() + " (version " + info.getVersion() + ": " + info.getDescription() + ")";
      boolean inTransaction = !context.getConnection().getAutoCommit();
      current = new StatementRun(nextIndex++, direction, step.label(), "flyway",
          new PlannedStatement(label, info.getScript(), 1), inTransaction);
      runs.add(current);
      if (!info.getScript().equals(retrying)) {
        retrying = null;
        attempt = 1;
      }
      retry.before(context.getConnection(), attempt); // in Flyway's transaction: a rollback undoes it too
      progress.transactionBegan();
      progress.statementStarted(current.index);
      storageBefore = CatalogProbe.storage(context.getConnection());
      current.started();
      if (attempt == 1) {
        firstAttemptNanos = current.startNanos;
      }
      current.attempts = attempt;
      current.retryWaitNanos = current.startNanos - firstAttemptNanos;
    }

    /**
     * After a failed migrate: whether the migration that failed gave up waiting for a lock and has attempts left;
     * if so it is dropped from the runs (its next attempt is recorded instead) once the backoff has passed. Only a
     * migration Flyway ran in a transaction is retried: a failed non-transactional one stays in Flyway's history
     * as failed, and Flyway refuses to run again until it is repaired.
     */
    boolean retryFailed() {
      StatementRun failed = runs.get(runs.size() - 1);
      if (!failedInMigration || failed != current || !failed.inTransaction
          || !retry.retries(failed.sqlState, attempt)) {
        return false;
      }
      Duration pause = retry.backoff(attempt);
      listener.note(String.format("  %s could not get its lock within lock_timeout %d ms (attempt %d of %d, %.0f ms);"
              + " retrying in %d ms", failed.planned.origin(), retry.lockTimeout(attempt).toMillis(), attempt,
          retry.attempts(), failed.durationNanos / 1e6, pause.toMillis()));
      runs.remove(failed);
      nextIndex--;
      retrying = failed.planned.origin();
      attempt++;
      current = null;
      MigrationRunner.sleep(pause);
      return true;
    }

    private void after(Connection c) throws SQLException {
      current.ended();
      if (current.inTransaction) {
        List<CatalogProbe.Lock> locks = CatalogProbe.ownLocks(c);
        locks.forEach(l -> current.locks.add(l.held()));
        progress.locksHeld(current.index, locks.stream().map(CatalogProbe.Lock::relationOid).toList());
      }
      current.rewrote.addAll(CatalogProbe.rewritten(c, storageBefore, CatalogProbe.storage(c)));
      retry.after(c);
      progress.transactionEnded();
      current = null; // done: a later failure is not this migration's
    }

    /** Flyway stopped: the migration running then failed (or Flyway could not start at all). */
    void failed(FlywayException e) {
      progress.transactionEnded();
      failedInMigration = current != null;
      if (current == null) {
        current = new StatementRun(nextIndex++, direction, step.label(), "flyway",
            new PlannedStatement("flyway migrate " + step.flywayLocation(), step.label(), 1), false);
        current.started();
        runs.add(current);
      }
      SQLException sql = sqlCause(e);
      if (sql != null) {
        current.failed(sql);
      } else {
        current.ended();
        current.error = e.getMessage();
        current.sqlState = "flyway";
      }
      // PostgreSQL's position is in Flyway's statement, not in this run's label: place it in the script
      current.errorLine = FlywayFailures.line(e);
    }

    private SQLException sqlCause(Throwable e) {
      return Causes.first(e, SQLException.class);
    }

    @Override
    public String getCallbackName() {
      return "rehearsal";
    }
  }
}
