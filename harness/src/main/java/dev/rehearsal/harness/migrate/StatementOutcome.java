package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import java.util.List;

/**
 * How one migration statement went. A backfill step is one statement (its batches counted); a
 * Flyway migration is one statement (its script).
 *
 * @param index 1-based position in the run, up then down steps
 * @param direction up, or down for rollback steps
 * @param step the step's label ("step 2" unless named)
 * @param kind sql, backfill or flyway
 * @param line line of the statement in its step (inline SQL or file)
 * @param startNanos {@link System#nanoTime()} when it was sent (of the attempt that counted)
 * @param durationNanos execution time of that attempt
 * @param sqlState null on success
 * @param error PostgreSQL's message, null on success
 * @param errorLine line of the error in the step or file, when the server gave a position
 * @param attempts tries under the lock-retry policy (1 without one)
 * @param retryWaitNanos time spent in failed attempts and the pauses between them
 * @param rowsAffected rows the statement reported changing, when it reports any
 * @param batches backfill batches run, null for other kinds
 * @param locks relation locks the migration held while it ran: read inside its transaction at
 *     its end, plus those the lock observer saw (the only source for autocommit statements)
 * @param rewrote relations whose storage was replaced (relfilenode changed): a full rewrite
 * @param inTransaction ran inside a transaction the runner controlled
 */
public record StatementOutcome(
    int index, String direction, String step, String kind, String sql, String origin, int line,
    long startNanos, long durationNanos, String sqlState, String error, Integer errorLine,
    int attempts, long retryWaitNanos, Long rowsAffected, Integer batches, List<HeldLock> locks,
    List<String> rewrote, boolean inTransaction) {

  public boolean failed() {
    return error != null;
  }

  public long endNanos() {
    return startNanos + durationNanos;
  }
}
