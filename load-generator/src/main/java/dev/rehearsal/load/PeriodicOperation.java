package dev.rehearsal.load;

import java.time.Duration;

/**
 * An operation run on a schedule on its own connection, outside the pool — a reporting job, a
 * batch, or a session that sits idle in a transaction. It is not part of the rated mix and its
 * latency is kept apart from the baseline.
 *
 * @param startAfter delay from load start to the first run
 * @param holdFor when positive, the statements run in a transaction that then stays open, idle,
 *     this long before it commits (an "idle in transaction" session holding its locks)
 */
public record PeriodicOperation(Operation operation, Duration every, Duration startAfter, Duration holdFor) {

  public String name() {
    return operation.name();
  }
}
