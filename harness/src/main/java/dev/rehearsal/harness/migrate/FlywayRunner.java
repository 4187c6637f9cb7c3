package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.history.Causes;
import dev.rehearsal.harness.history.FlywayFailures;
import dev.rehearsal.harness.history.FlywayHistory;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the migrations pending in a step's Flyway locations through Flyway itself — its
 * resolution and order, placeholders, parser, transaction per migration, non-transactional
 * handling of CREATE INDEX CONCURRENTLY, and its schema history table — so a team rehearses its
 * migrations exactly as Flyway runs them. Every SQL statement Flyway sends for a migration is
 * measured on its own ({@link ToolStatements}); a Java migration is one unit of statements too,
 * as its JDBC calls go through the same connection.
 *
 * <p>What is pending is what Flyway finds pending: on a schema built from the team's history
 * (scenario {@code schema.flyway}), the versions after its target; on a schema from plain DDL,
 * which has no history, every migration (Flyway baselines the schema at version 0). Migrations
 * already applied need not be in the step's locations (a data location alone is fine).
 */
final class FlywayRunner {

  private final DatabaseTarget target;
  private final MigrationProgress progress;
  private final CatalogProbe probe;
  private final MigrationRunner.Listener listener;

  FlywayRunner(DatabaseTarget target, MigrationProgress progress, CatalogProbe probe,
      MigrationRunner.Listener listener) {
    this.target = target;
    this.progress = progress;
    this.probe = probe;
    this.listener = listener;
  }

  /** Flyway configured for a step: its locations, placeholders and target, the history already there. */
  static FluentConfiguration configure(FlywayStepPlan plan) {
    return Flyway.configure()
        .locations(plan.locations().toArray(String[]::new))
        .placeholders(plan.placeholders())
        .target(plan.target() == null ? "latest" : plan.target())
        // a schema from plain DDL has no history: baseline it at 0 so every migration is pending
        .baselineOnMigrate(true)
        .baselineVersion("0")
        // a step's locations may hold only what is pending (a data location): applied ones need not be there
        .ignoreMigrationPatterns("*:missing")
        // Flyway's default transactional advisory lock keeps a transaction open on its second connection, and
        // CREATE INDEX CONCURRENTLY waits for every open transaction: it would wait forever (flyway#3508)
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
  }

  /**
   * Applies the pending migrations. Under a lock-retry policy each migration runs with the lock_timeout of its
   * attempt; one that gives up waiting for a lock has been rolled back by Flyway (and not recorded), so after the
   * backoff Flyway is run again from it.
   */
  List<StatementRun> run(PlannedStep step, String direction, int firstIndex, LockRetry retry) {
    ToolStatements statements = new ToolStatements("flyway", step.label(), direction, firstIndex, progress, probe,
        listener);
    Capture capture = new Capture(statements, retry);
    while (true) {
      Flyway flyway = configure(step.flyway())
          .dataSource(StatementTap.wrap(dataSource(), statements))
          .callbacks(capture)
          .load();
      try {
        flyway.migrate();
        return statements.runs;
      } catch (FlywayException e) {
        capture.failed(step, e);
      }
      if (!capture.retryFailed()) {
        return statements.runs;
      }
    }
  }

  private PGSimpleDataSource dataSource() {
    // the lock observer tells the migration's sessions by this name
    return FlywayHistory.dataSource(target, ApplicationNames.MIGRATION);
  }

  /** Tells {@link ToolStatements} which migration runs, and sets each attempt's lock_timeout. */
  private final class Capture implements Callback {

    private final ToolStatements statements;
    private final LockRetry retry;
    /** The migration that gave up waiting for a lock and is tried again, and its attempt. */
    private String retrying;
    private int attempt = 1;
    private boolean failedInMigration;

    Capture(ToolStatements statements, LockRetry retry) {
      this.statements = statements;
      this.retry = retry;
    }

    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
          || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      try {
        if (event == Event.BEFORE_EACH_MIGRATE) {
          MigrationInfo info = context.getMigrationInfo();
          if (!info.getScript().equals(retrying)) {
            retrying = null;
            attempt = 1;
          }
          // in Flyway's transaction: a rollback undoes it too
          statements.harnessSends(() -> retry.before(context.getConnection(), attempt));
          statements.unitStarted(info.getScript(), scriptText(info), attempt);
        } else {
          statements.unitEnded();
          if (event == Event.AFTER_EACH_MIGRATE) {
            statements.harnessSends(() -> retry.after(context.getConnection()));
          }
        }
      } catch (SQLException e) {
        throw new FlywayException("rehearsal could not set the migration's lock_timeout: " + e.getMessage(), e);
      }
    }

    /** The script's text, to place each statement at its line; null for a Java or classpath migration. */
    private String scriptText(MigrationInfo info) {
      String location = info.getPhysicalLocation();
      if (location == null || location.isEmpty()) {
        return null;
      }
      try {
        return Files.readString(Path.of(location));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /**
     * After a failed migrate: whether the migration that failed gave up waiting for a lock and has attempts left;
     * if so its statements are dropped from the runs (its next attempt is recorded instead) once the backoff has
     * passed. Only a migration Flyway ran in a transaction is retried: a failed non-transactional one stays in
     * Flyway's history as failed, and Flyway refuses to run again until it is repaired.
     */
    boolean retryFailed() {
      List<StatementRun> unit = statements.unitRuns();
      if (!failedInMigration || unit.isEmpty()) {
        return false;
      }
      StatementRun failed = unit.get(unit.size() - 1);
      if (!failed.inTransaction || !retry.retries(failed.sqlState, attempt)) {
        return false;
      }
      Duration pause = retry.backoff(attempt);
      listener.note(String.format("  %s could not get its lock within lock_timeout %d ms (attempt %d of %d, %.0f ms);"
              + " retrying in %d ms", failed.planned.origin(), retry.lockTimeout(attempt).toMillis(), attempt,
          retry.attempts(), failed.durationNanos / 1e6, pause.toMillis()));
      retrying = failed.planned.origin();
      statements.dropUnit();
      attempt++;
      MigrationRunner.sleep(pause);
      return true;
    }

    /** Flyway stopped: the migration running then failed (or Flyway could not start at all). */
    void failed(PlannedStep step, FlywayException e) {
      failedInMigration = statements.inUnit() || !statements.unitRuns().isEmpty()
          && statements.unitRuns().get(statements.unitRuns().size() - 1).hasFailed();
      statements.unitEnded();
      List<StatementRun> runs = statements.runs;
      StatementRun failed = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (failed == null || !failed.hasFailed()) {
        // Flyway itself refused (validation, a history it cannot read): one outcome that says so
        failedInMigration = false;
        failed = statements.refusal(new PlannedStatement("flyway migrate "
            + String.join(", ", step.flyway().locations()), step.label(), 1));
        SQLException sql = Causes.first(e, SQLException.class);
        if (sql != null) {
          failed.failed(sql);
        } else {
          failed.failedWith("flyway", e.getMessage());
        }
        listener.statementFinished(failed.outcome());
        return;
      }
      // PostgreSQL's position is in the statement sent; the line in the script comes from Flyway
      Integer line = FlywayFailures.line(e);
      if (line != null && failed.errorLine == null) {
        failed.errorLine = line;
      }
    }

    @Override
    public String getCallbackName() {
      return "rehearsal";
    }
  }
}
