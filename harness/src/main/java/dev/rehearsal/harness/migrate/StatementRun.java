package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** A statement being run: filled in as it goes, then frozen into a {@link StatementOutcome}. */
final class StatementRun {

  final int index;
  final String direction;
  final String step;
  final String kind;
  final PlannedStatement planned;
  final boolean inTransaction;
  long startNanos;
  long durationNanos;
  String sqlState;
  String error;
  Integer errorLine;
  int attempts = 1;
  long retryWaitNanos;
  Long rowsAffected;
  Integer batches;
  /** Failed inside a transaction block the SQL opened itself, which was then rolled back: not retried alone. */
  boolean abortedScriptBlock;
  /**
   * Written by the lock reader's thread, which may still be reading when the runner reports the statement
   * (a read that outlasts the runner's short wait): every access goes through the synchronized methods below.
   */
  private final Set<HeldLock> locks = new LinkedHashSet<>();
  final List<String> rewrote = new ArrayList<>();

  StatementRun(int index, String direction, String step, String kind, PlannedStatement planned, boolean inTransaction) {
    this.index = index;
    this.direction = direction;
    this.step = step;
    this.kind = kind;
    this.planned = planned;
    this.inTransaction = inTransaction;
  }

  void started() {
    startNanos = System.nanoTime();
  }

  void ended() {
    durationNanos = System.nanoTime() - startNanos;
  }

  /** Records a failure with PostgreSQL's SQLSTATE, message and, where given, the line it points at. */
  void failed(SQLException e) {
    ended();
    sqlState = e.getSQLState();
    error = e.getMessage();
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      error = server.getMessage() + (server.getDetail() != null ? " (" + server.getDetail() + ")" : "");
      if (server.getPosition() > 0) {
        errorLine = planned.line() + newlinesBefore(planned.sql(), server.getPosition() - 1);
      }
    }
  }

  /** Records a failure the harness itself decided (the rehearsal was stopped), with its own SQLSTATE. */
  void failedWith(String state, String message) {
    ended();
    sqlState = state;
    error = message;
  }

  boolean hasFailed() {
    return error != null;
  }

  private static int newlinesBefore(String sql, int offset) {
    int count = 0;
    for (int i = 0; i < Math.min(offset, sql.length()); i++) {
      if (sql.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  synchronized void held(List<HeldLock> read) {
    locks.addAll(read);
  }

  synchronized List<HeldLock> locks() {
    return List.copyOf(locks);
  }

  synchronized boolean holds(HeldLock lock) {
    return locks.contains(lock);
  }

  /** The locks read so far, each replaced by {@code renamed}'s answer (a relation named once its transaction ended). */
  synchronized void rename(java.util.function.UnaryOperator<HeldLock> renamed) {
    List<HeldLock> was = List.copyOf(locks);
    locks.clear();
    was.forEach(lock -> locks.add(renamed.apply(lock)));
  }

  StatementOutcome outcome() {
    return new StatementOutcome(index, direction, step, kind, planned.sql(), planned.origin(), planned.line(),
        startNanos, durationNanos, sqlState, error, errorLine, attempts, retryWaitNanos, rowsAffected, batches,
        locks(), List.copyOf(rewrote), inTransaction);
  }
}
