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
import java.sql.Types;
import java.time.Duration;

/**
 * The batched backfill of expand-and-contract: one UPDATE per batch of keys (a range of integer
 * keys, a run of text or uuid keys in key order), each its own short transaction, so row locks are held for one batch at a time instead of the whole table. The
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
        + where(b);
  }

  /** The keyset form's UPDATE of a batch after the first: keys above the last batch's end, up to this one's. */
  static String keysetUpdateSql(BackfillSpec b) {
    return "UPDATE " + b.table() + " SET " + b.set() + " WHERE " + b.key() + " > ? AND " + b.key() + " <= ?" + where(b);
  }

  static String firstKeysetUpdateSql(BackfillSpec b) {
    return "UPDATE " + b.table() + " SET " + b.set() + " WHERE " + b.key() + " <= ?" + where(b);
  }

  /** The key that ends the batch after {@code last}: the batchSize-th key above it, in key order. */
  static String batchEndSql(BackfillSpec b, boolean first) {
    return "SELECT " + b.key() + " FROM " + b.table() + (first ? "" : " WHERE " + b.key() + " > ?")
        + " ORDER BY " + b.key() + " LIMIT 1 OFFSET " + (b.batchSize() - 1);
  }

  /** The largest key above {@code last}: the end of the last, shorter batch. */
  static String lastKeySql(BackfillSpec b, boolean first) {
    return "SELECT " + b.key() + " FROM " + b.table() + (first ? "" : " WHERE " + b.key() + " > ?")
        + " ORDER BY " + b.key() + " DESC LIMIT 1";
  }

  private static String where(BackfillSpec b) {
    return b.where() == null ? "" : " AND (" + b.where() + ")";
  }

  StatementRun run(PlannedStep step, String direction, int index, LockRetry retry) throws SQLException {
    BackfillSpec b = step.spec().backfill();
    StatementRun run = new StatementRun(index, direction, step.label(), "backfill",
        new PlannedStatement(updateSql(b), step.label(), 1), true);
    progress.transactionEnded();
    progress.statementStarted(index);
    run.started();
    run.batches = 0;
    run.rowsAffected = 0L;
    // the key's type is read under the lock policy too: behind an ACCESS EXCLUSIVE lock it waits like a batch
    Boolean integer = retried(run, retry, false, () -> integerKey(b));
    if (integer == null) {
      return run;
    }
    if (integer) {
      return byRanges(run, step, b, retry);
    }
    // the same run, its statement shown in the keyset form
    StatementRun keyset = new StatementRun(index, direction, step.label(), "backfill",
        new PlannedStatement(keysetUpdateSql(b), step.label(), 1), true);
    keyset.startNanos = run.startNanos;
    keyset.attempts = run.attempts;
    keyset.retryWaitNanos = run.retryWaitNanos;
    keyset.batches = 0;
    keyset.rowsAffected = 0L;
    return byKeyset(keyset, step, b, retry);
  }

  /**
   * Whether the key is an integer, batched by ranges; any other key (text, uuid) is batched in key order
   * ({@link #byKeyset}). KeyChecks refused keys of other types before the data was seeded.
   */
  private Boolean integerKey(BackfillSpec b) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + b.key() + " FROM " + b.table() + " LIMIT 0")) {
      int type = rs.getMetaData().getColumnType(1);
      return type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT;
    }
  }

  /**
   * Integer keys: {@code key >= lo AND key < lo + batchSize} over [min, max], the end read again when reached
   * (rows inserted meanwhile beyond it are updated too). Kept for integer keys because it is the faster shape
   * there: no batch has to find its end first. Measured on 200,000 bigint-keyed rows in batches of 1,000
   * (BackfillShapesIT, three rounds): 13.3-16.5 ms per batch (median) against 15.9-17.3 ms for the keyset
   * form, which spends the difference walking the index to each batch's end (docs/steps.md, "backfill").
   */
  private StatementRun byRanges(StatementRun run, PlannedStep step, BackfillSpec b, LockRetry retry)
      throws SQLException {
    long[] range = retried(run, retry, false, () -> keyRange(b));
    if (range == null) {
      return run;
    }
    long lo = range[0];
    long hi = range[1];
    long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
    try (PreparedStatement update = connection.prepareStatement(updateSql(b))) {
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

  /**
   * Text and uuid keys (no arithmetic on them): batches in key order. Each batch, in its own transaction,
   * finds its end, the batchSize-th key above the last batch's end ({@code WHERE key > last ORDER BY key
   * LIMIT 1 OFFSET batchSize - 1}, an index-only walk of the primary key), or else the largest key, and
   * updates {@code key > last AND key <= end}. Keys are compared as the column's collation orders them,
   * the same in both statements, so no row falls between two batches or in two. It ends when no key lies
   * above the last end, so rows inserted beyond it meanwhile are updated too; rows inserted behind it (a
   * random uuid, most likely) are not: the application writes those itself in expand-and-contract.
   */
  private StatementRun byKeyset(StatementRun run, PlannedStep step, BackfillSpec b, LockRetry retry)
      throws SQLException {
    long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
    Object last = null;
    try (PreparedStatement firstEnd = connection.prepareStatement(batchEndSql(b, true));
        PreparedStatement nextEnd = connection.prepareStatement(batchEndSql(b, false));
        PreparedStatement firstLast = connection.prepareStatement(lastKeySql(b, true));
        PreparedStatement nextLast = connection.prepareStatement(lastKeySql(b, false));
        PreparedStatement firstUpdate = connection.prepareStatement(firstKeysetUpdateSql(b));
        PreparedStatement nextUpdate = connection.prepareStatement(keysetUpdateSql(b))) {
      while (true) {
        if (StopSignal.requested()) {
          run.failedWith("57014", "the backfill was stopped after key " + last + ": " + StopSignal.reason());
          return run;
        }
        Object from = last;
        boolean first = from == null;
        Object[] end = retried(run, retry, true, () -> {
          Object e = key(first ? firstEnd : nextEnd, from);
          if (e == null) {
            e = key(first ? firstLast : nextLast, from);
          }
          if (e == null) {
            connection.commit();
            return new Object[] {null};
          }
          PreparedStatement update = first ? firstUpdate : nextUpdate;
          if (first) {
            update.setObject(1, e);
          } else {
            update.setObject(1, from);
            update.setObject(2, e);
          }
          run.rowsAffected += update.executeUpdate();
          if (run.batches == 0) {
            firstBatchLocks(run);
          }
          connection.commit();
          run.batches++;
          return new Object[] {e};
        });
        if (end == null) {
          return run;
        }
        if (end[0] == null) {
          break;
        }
        last = end[0];
        if (System.nanoTime() >= nextProgress) {
          listener.note(String.format("  %s: %,d rows updated in %,d batches, up to key %s", step.label(),
              run.rowsAffected, run.batches, last));
          nextProgress += PROGRESS_EVERY_NANOS;
        }
        if (!b.pause().isZero()) {
          MigrationRunner.sleep(b.pause());
        }
      }
    }
    run.ended();
    return run;
  }

  /** The one key the query returns, as the driver reads it (String, UUID, ...), or null for none. */
  private static Object key(PreparedStatement query, Object after) throws SQLException {
    if (after != null) {
      query.setObject(1, after);
    }
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getObject(1) : null;
    }
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
      if (run.batches == 0) {
        firstBatchLocks(run);
      }
      connection.commit();
      run.batches++;
      return Boolean.TRUE;
    }) != null;
  }

  /** A batch's locks, read from the probe's session while the first batch holds them. */
  private void firstBatchLocks(StatementRun run) {
    probe.transactionBegan();
    probe.statementEnded(run, backendPid);
    probe.awaitReads();
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
