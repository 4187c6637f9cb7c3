package dev.rehearsal.harness.observe;

import java.util.List;
import java.util.Set;

/**
 * The relation a session waiting on a row wants. A wait for a transaction id (a {@code ShareLock} on the
 * {@code transactionid} of whoever updated the row first) names no relation in pg_locks, but the waiter shows which
 * one it targets through its own granted locks: the tuple lock it took on the row before queueing for the
 * transaction (an UPDATE, DELETE or SELECT ... FOR UPDATE of a row someone else locked), else the table it opened
 * for writing or locking rows ({@code RowExclusiveLock}, {@code RowShareLock}; an INSERT waiting on a unique key
 * holds no tuple lock). Indexes and catalogs are left out by the observer's query.
 */
final class RowLockTarget {

  /** A relation the waiter holds a lock on. */
  record Candidate(long oid, String name) {}

  private RowLockTarget() {}

  /**
   * @param tuple the relation of the tuple lock the waiter holds, or null
   * @param tables the tables it holds RowExclusiveLock or RowShareLock on, RowExclusiveLock first
   * @param migrationRelations relations the migration holds a lock on in this sample
   * @return the tuple's relation; else, among several tables, one the migration holds a lock on (the row the
   *     waiter wants is one the migration wrote), else the first; null when there is none
   */
  static Candidate choose(Candidate tuple, List<Candidate> tables, Set<Long> migrationRelations) {
    if (tuple != null) {
      return tuple;
    }
    for (Candidate c : tables) {
      if (migrationRelations.contains(c.oid())) {
        return c;
      }
    }
    return tables.isEmpty() ? null : tables.get(0);
  }
}
