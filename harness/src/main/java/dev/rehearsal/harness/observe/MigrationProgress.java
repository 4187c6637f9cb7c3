package dev.rehearsal.harness.observe;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the migration is, published by the migration runner and read by the lock observer at
 * every sample, so that each lock wait can be charged to the statement responsible for it.
 *
 * <p>A lock taken by one statement of a transaction is held until the transaction ends, so a
 * wait on a relation is charged to the first statement of the open transaction that held a lock
 * on it (the {@code LOCK TABLE}, not the {@code pg_sleep} after it); when no earlier statement
 * held one, or the migration is itself queued for a lock, the statement running now is
 * responsible.
 */
public final class MigrationProgress {

  /**
   * A consistent view, replaced as a whole on every change.
   *
   * @param statementIndex 1-based index of the statement running (or last run); 0 before the first
   * @param firstHolder relation oid to the index of the first statement of the open transaction
   *     known to hold a lock on it
   * @param statementRunning a statement is running now (not between statements, where a migration
   *     tool does its own bookkeeping)
   */
  public record Cursor(int statementIndex, Map<Long, Integer> firstHolder, boolean statementRunning) {

    static final Cursor IDLE = new Cursor(0, Map.of(), false);

    /** As before statements were told to have ended: the last one started counts as running. */
    public Cursor(int statementIndex, Map<Long, Integer> firstHolder) {
      this(statementIndex, firstHolder, statementIndex > 0);
    }

    /** The statement an application wait on {@code relationOid} is charged to. */
    public int responsibleFor(Long relationOid, boolean migrationWaiting) {
      if (migrationWaiting || relationOid == null) {
        return statementIndex;
      }
      return firstHolder.getOrDefault(relationOid, statementIndex);
    }
  }

  private volatile Cursor cursor = Cursor.IDLE;

  public Cursor cursor() {
    return cursor;
  }

  /** A transaction begins: locks of earlier transactions were released. */
  public synchronized void transactionBegan() {
    cursor = new Cursor(cursor.statementIndex(), Map.of(), cursor.statementRunning());
  }

  public synchronized void statementStarted(int statementIndex) {
    statementStarted(statementIndex, null);
  }

  /**
   * @param label what the console shows while it runs: the migration, the statement's number in it and its first
   *     words ({@code V18__backfill.sql statement 2: UPDATE orders SET ...})
   */
  public synchronized void statementStarted(int statementIndex, String label) {
    cursor = new Cursor(statementIndex, cursor.firstHolder(), true);
    running = label == null ? null : new Running(label, System.nanoTime());
  }

  /** The statement running now and since when, for progress lines; null between statements. */
  public record Running(String label, long startNanos) {}

  private volatile Running running;

  public Running running() {
    return running;
  }

  /** The statement returned: nothing of the migration's runs until the next one starts. */
  public synchronized void statementEnded() {
    running = null;
    cursor = new Cursor(cursor.statementIndex(), cursor.firstHolder(), false);
  }

  /** The relations statement {@code statementIndex} was seen holding locks on, inside the open transaction. */
  public synchronized void locksHeld(int statementIndex, Collection<Long> relationOids) {
    Map<Long, Integer> merged = new HashMap<>(cursor.firstHolder());
    for (Long oid : relationOids) {
      merged.putIfAbsent(oid, statementIndex);
    }
    cursor = new Cursor(cursor.statementIndex(), Map.copyOf(merged), cursor.statementRunning());
  }

  /** The transaction committed or rolled back: its locks are gone. */
  public synchronized void transactionEnded() {
    cursor = new Cursor(cursor.statementIndex(), Map.of(), cursor.statementRunning());
  }
}
