package dev.rehearsal.harness.migrate;

/**
 * How one migration statement went.
 *
 * @param index 1-based position among the strategy's statements
 * @param line line of the statement in its step (inline SQL or file)
 * @param startNanos {@link System#nanoTime()} when it was sent
 * @param sqlState null on success
 * @param error PostgreSQL's message, null on success
 */
public record StatementOutcome(
    int index, String sql, String origin, int line, long startNanos, long durationNanos,
    String sqlState, String error) {

  public boolean failed() {
    return error != null;
  }
}
