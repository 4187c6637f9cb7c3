package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies a Flyway location through Flyway's own API, so teams rehearse the migrations they
 * already have exactly as Flyway runs them (its parser, its transaction per migration, its
 * non-transactional handling of CREATE INDEX CONCURRENTLY). Each versioned migration is one
 * statement in the report; a callback around each reads, inside Flyway's transaction, the locks
 * held and the tables rewritten.
 *
 * <p>The seeded schema is baselined at version 0, so every versioned migration in the location
 * is pending: point the step at the migrations not yet in production.
 */
final class FlywayRunner {

  private final DatabaseTarget target;
  private final MigrationProgress progress;

  FlywayRunner(DatabaseTarget target, MigrationProgress progress) {
    this.target = target;
    this.progress = progress;
  }

  List<StatementRun> run(PlannedStep step, String direction, int firstIndex) {
    Capture capture = new Capture(step, direction, firstIndex);
    Flyway flyway = Flyway.configure()
        .dataSource(dataSource())
        .locations(step.flywayLocation())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .callbacks(capture)
        .load();
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      capture.failed(e);
    }
    return capture.runs;
  }

  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(target.jdbcUrl());
    ds.setUser(target.user());
    if (target.password() != null) {
      ds.setPassword(target.password());
    }
    // the lock observer tells the migration's sessions by this name
    ds.setApplicationName(ApplicationNames.MIGRATION);
    ds.setConnectTimeout(10);
    return ds;
  }

  /** Times each migration and reads its locks and rewrites from inside its transaction. */
  private final class Capture implements Callback {

    private final PlannedStep step;
    private final String direction;
    private int nextIndex;
    final List<StatementRun> runs = new ArrayList<>();
    private StatementRun current;
    private Map<Long, Long> storageBefore;

    Capture(PlannedStep step, String direction, int firstIndex) {
      this.step = step;
      this.direction = direction;
      this.nextIndex = firstIndex;
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
          before(context);
        } else if (event == Event.AFTER_EACH_MIGRATE) {
          after(context.getConnection());
        } else if (current != null) {
          current.ended();
        }
      } catch (SQLException e) {
        throw new FlywayException("rehearsal could not inspect the migration: " + e.getMessage(), e);
      }
    }

    private void before(Context context) throws SQLException {
      MigrationInfo info = context.getMigrationInfo();
      String label = info.getScript() + " (version " + info.getVersion() + ": " + info.getDescription() + ")";
      boolean inTransaction = !context.getConnection().getAutoCommit();
      current = new StatementRun(nextIndex++, direction, step.label(), "flyway",
          new PlannedStatement(label, info.getScript(), 1), inTransaction);
      runs.add(current);
      progress.transactionBegan();
      progress.statementStarted(current.index);
      storageBefore = CatalogProbe.storage(context.getConnection());
      current.started();
    }

    private void after(Connection c) throws SQLException {
      current.ended();
      if (current.inTransaction) {
        List<CatalogProbe.Lock> locks = CatalogProbe.ownLocks(c);
        locks.forEach(l -> current.locks.add(l.held()));
        progress.locksHeld(current.index, locks.stream().map(CatalogProbe.Lock::relationOid).toList());
      }
      current.rewrote.addAll(CatalogProbe.rewritten(c, storageBefore, CatalogProbe.storage(c)));
      progress.transactionEnded();
      current = null; // done: a later failure is not this migration's
    }

    /** Flyway stopped: the migration running then failed (or Flyway could not start at all). */
    void failed(FlywayException e) {
      progress.transactionEnded();
      if (current == null) {
        current = new StatementRun(nextIndex++, direction, step.label(), "flyway",
            new PlannedStatement("flyway migrate " + step.flywayLocation(), step.label(), 1), false);
        current.started();
        runs.add(current);
      }
      SQLException sql = sqlCause(e);
      if (sql != null) {
        current.failed(sql);
      } else {
        current.ended();
        current.error = e.getMessage();
        current.sqlState = "flyway";
      }
      if (e instanceof FlywaySqlScriptException script && script.getLineNumber() > 0) {
        current.errorLine = script.getLineNumber();
      }
    }

    private SQLException sqlCause(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql) {
          return sql;
        }
      }
      return null;
    }

    @Override
    public String getCallbackName() {
      return "rehearsal";
    }
  }
}
