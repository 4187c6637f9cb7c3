package dev.rehearsal.harness.measure;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.migrate.MigrationPlan;
import dev.rehearsal.harness.migrate.MigrationRunner;
import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.harness.observe.LockObserver;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The migration's side of a {@link LoadWindow}: its own session (the runner), and the lock
 * observer that watches the application's sessions for waits the migration causes. The two share
 * a cursor, so that each wait is charged to the statement running when it happened.
 */
final class MigrationUnderLoad implements AutoCloseable {

  private final Console console;
  private final MigrationProgress cursor = new MigrationProgress();
  private final MigrationRunner runner;
  private final Connection observerSession;
  private LockObserver observer;

  /** Opens the migration's sessions and the observer's: before the application's pools take the server's slots. */
  MigrationUnderLoad(DatabaseTarget target, Console console) {
    this.console = console;
    this.runner = new MigrationRunner(target, cursor, new StatementEcho(console));
    try {
      this.observerSession = LockObserver.session(target);
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
  }

  /** Starts the lock observer; its samples are placed on the timeline from {@code loadStartNanos}. */
  void startObserving(long loadStartNanos) {
    observer = new LockObserver(observerSession, loadStartNanos, cursor);
  }

  /** The up steps, then, with {@code rollback} and only when they all succeeded, the down steps. */
  void run(MigrationPlan plan, boolean rollback) {
    boolean upSucceeded = runner.run(plan.up(), "up");
    if (upSucceeded && rollback) {
      console.say("Rolling back under the same load: %d down steps", plan.down().size());
      runner.run(plan.down(), "down");
    } else if (rollback) {
      console.say("Not rolling back: the up steps failed");
    }
  }

  /** Stops the observer and returns what it saw. */
  BlockedTime stopObserving() {
    return observer.stop();
  }

  /** Where the migration is, for the progress lines. */
  MigrationProgress cursor() {
    return cursor;
  }

  List<StatementOutcome> outcomes() {
    return runner.outcomes();
  }

  @Override
  public void close() {
    try {
      if (observer != null) {
        observer.close();
      } else {
        observerSession.close();
      }
    } catch (SQLException e) {
      // closing a session never used: nothing to add
    } finally {
      runner.close();
    }
  }

  /** One console line per statement as it finishes, and the runner's notes. */
  private record StatementEcho(Console console) implements MigrationRunner.Listener {

    @Override
    public void statementFinished(StatementOutcome o) {
      console.say("  %s statement %d (%s%s) %s in %.0f ms%s%s", o.direction(), o.index(), o.step(),
          o.origin().equals(o.step()) ? "" : ", " + o.origin(),
          o.failed() ? "FAILED" : "done", o.durationNanos() / 1e6,
          o.rowsAffected() != null ? String.format(", %,d rows", o.rowsAffected()) : "",
          o.failed() ? ": SQLSTATE " + o.sqlState() + " " + o.error()
              + (o.errorLine() != null ? " (" + o.origin() + " line " + o.errorLine() + ")" : "") : "");
    }

    /** Printed as it finished already: only what its unit's end added (a retry, a rewrite). */
    @Override
    public void statementDone(StatementOutcome o) {
      if (o.attempts() > 1 || !o.rewrote().isEmpty()) {
        console.say("  %s statement %d%s%s", o.direction(), o.index(),
            o.attempts() > 1 ? " succeeded after " + o.attempts() + " attempts" : "",
            o.rewrote().isEmpty() ? "" : " rewrote " + String.join(", ", o.rewrote()));
      }
    }

    @Override
    public void note(String message) {
      console.say("%s", message);
    }
  }
}
