package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.StopSignal;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.scenario.BackfillSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The batched backfill of expand-and-contract: one UPDATE per key range, each its own short
 * transaction, so row locks are held for one batch at a time instead of the whole table. The
 * batches of a step are reported as one statement (duration, rows, batches, locks of a batch),
 * not a thousand.
 */
final class BackfillRunner {

  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  private final Connection connection;
  private final CatalogProbe probe;
  private final int backendPid;
  private final MigrationProgress progress;
  private final MigrationRunner.Listener listener;

  BackfillRunner(Connection connection, CatalogProbe probe, int backendPid, MigrationProgress progress,
      MigrationRunner.Listener listener) {
    this.connection = connection;
    this.probe = probe;
    this.backendPid = backendPid;
    this.progress = progress;
    this.listener = listener;
  }

  static String updateSql(BackfillSpec b) {
    return "UPDATE " + b.table() + " SET " + b.set() + " WHERE " + b.key() + " >= ? AND " + b.key() + " < ?"
        + (b.where() == null ? "" : " AND (" + b.where() + ")");
  }

  StatementRun run(PlannedStep step, String direction, int index, LockRetry retry) throws SQLException {
    BackfillSpec b = step.spec().backfill();
    String sql = updateSql(b);
    StatementRun run = new StatementRun(index, direction, step.label(), "backfill",
        new PlannedStatement(sql, step.label(), 1), true);
    progress.transactionEnded();
    progress.statementStarted(index);
    run.started();
    run.batches = 0;
    run.rowsAffected = 0L;
    // the key range is read under the lock policy too: behind an ACCESS EXCLUSIVE lock it waits like a batch
    long[] range = retried(run, retry, false, () -> keyRange(b));
    if (range == null) {
      return run;
    }
    long lo = range[0];
    long hi = range[1];
    long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      while (lo <= hi) {
        if (StopSignal.requested()) {
          run.failedWith("57014", "the backfill was stopped before key " + lo + ": " + StopSignal.reason());
          return run;
        }
        if (!batch(run, update, lo, lo + b.batchSize(), retry)) {
          return run;
        }
        lo += b.batchSize();
        if (lo > hi) {
          long[] now = retried(run, retry, false, () -> keyRange(b));
          if (now == null) {
            return run;
          }
          hi = Math.max(hi, now[1]); // rows inserted meanwhile beyond the old end
        }
        if (System.nanoTime() >= nextProgress) {
          listener.note(String.format("  %s: %,d rows updated in %,d batches, key %,d of %,d", step.label(),
              run.rowsAffected, run.batches, Math.min(lo, hi), hi));
          nextProgress += PROGRESS_EVERY_NANOS;
        }
        if (!b.pause().isZero() && lo <= hi) {
          MigrationRunner.sleep(b.pause());
        }
      }
    }
    run.ended();
    return run;
  }

  /** [min, max] of the key; an empty table gives an empty range. */
  private long[] keyRange(BackfillSpec b) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT min(" + b.key() + "), max(" + b.key() + ") FROM " + b.table())) {
      rs.next();
      long min = rs.getLong(1);
      return rs.wasNull() ? new long[] {0, -1} : new long[] {min, rs.getLong(2)};
    }
  }

  /** One batch in its own transaction, retried under the step's lock policy. */
  private boolean batch(StatementRun run, PreparedStatement update, long from, long to, LockRetry retry)
      throws SQLException {
    return retried(run, retry, true, () -> {
      update.setLong(1, from);
      update.setLong(2, to);
      run.rowsAffected += update.executeUpdate();
      if (run.batches == 0) { // a batch's locks, read from the probe's session while they are held
        probe.transactionBegan();
        probe.statementEnded(run, backendPid);
        probe.awaitReads();
      }
      connection.commit();
      run.batches++;
      return Boolean.TRUE;
    }) != null;
  }

  /** Work on the backfill's session, run once per attempt. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} under the lock policy (in a transaction of its own when asked): tried again after the
   * backoff when it gave up waiting for a lock, the failed attempts and pauses counted in the run's attempts and
   * retry wait. Null when it failed for good, the failure recorded in {@code run}.
   */
  private <T> T retried(StatementRun run, LockRetry retry, boolean transaction, Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      long attemptStart = System.nanoTime();
      retry.before(connection, attempt);
      if (transaction) {
        connection.setAutoCommit(false);
        progress.transactionBegan();
      }
      try {
        return work.run();
      } catch (SQLException e) {
        if (transaction) {
          connection.rollback();
        }
        if (retry.retries(e.getSQLState(), attempt)) {
          Duration pause = retry.backoff(attempt);
          listener.note(String.format("  backfill statement %d could not get its lock within lock_timeout %d ms "
                  + "(attempt %d of %d, %.0f ms); retrying in %d ms", run.index, retry.lockTimeout(attempt).toMillis(),
              attempt, retry.attempts(), (System.nanoTime() - attemptStart) / 1e6, pause.toMillis()));
          MigrationRunner.sleep(pause);
          run.retryWaitNanos += System.nanoTime() - attemptStart;
          run.attempts++;
          continue;
        }
        run.failed(e);
        return null;
      } finally {
        if (transaction) {
          connection.setAutoCommit(true);
          progress.transactionEnded();
        }
        retry.after(connection);
      }
    }
  }
}
