package dev.rehearsal.harness.observe;

import java.util.List;
import java.util.Map;

/**
 * What one look at pg_locks saw: every session of the rehearsal database waiting for a lock, the
 * relation locks the migration's sessions held, and who the waiters' blockers are.
 *
 * @param sampleNanos {@link System#nanoTime()} at the middle of the sampling query
 * @param sessions application_name, state and query of every blocker that is not itself waiting
 */
record LockSample(long sampleNanos, List<Waiter> waiters, List<HeldLock> migrationLocks,
    Map<Integer, Session> sessions) {

  /**
   * A session waiting for a lock.
   *
   * @param waitStartMicros when the wait began (pg_locks.waitstart), as epoch microseconds: with
   *     the pid it identifies one wait across samples
   * @param waitMs how long it had waited when sampled
   * @param relationOid the relation it waits for, null for other lock types (a row's transaction)
   * @param blockers pg_blocking_pids(): holders of conflicting locks and sessions queued ahead
   */
  record Waiter(int pid, String applicationName, long waitStartMicros, double waitMs, Long relationOid,
      String relation, String mode, String lockType, int[] blockers) {}

  /** A relation lock held by a migration session. */
  /** @param table the table {@code relation} indexes, null when it is not an index */
  record HeldLock(int pid, long relationOid, String relation, String mode, String table) {}

  /** A session as pg_stat_activity shows it, for saying who a root blocker is. */
  record Session(int pid, String applicationName, String state, String query) {}
}
