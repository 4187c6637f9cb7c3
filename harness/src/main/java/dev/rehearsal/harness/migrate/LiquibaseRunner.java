package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.LiquibaseSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the changesets of a Liquibase changelog not yet applied, through Liquibase itself — its
 * changelog parsing, contexts and labels, preconditions, the SQL it generates for each change,
 * {@code runInTransaction}, and DATABASECHANGELOG — so a team rehearses its changelog exactly as
 * Liquibase runs it. Every SQL statement Liquibase sends for a changeset is measured on its own
 * ({@link ToolStatements}), named {@code id::author}.
 */
final class LiquibaseRunner {

  private final DatabaseTarget target;
  private final MigrationProgress progress;
  private final CatalogProbe probe;
  private final MigrationRunner.Listener listener;

  LiquibaseRunner(DatabaseTarget target, MigrationProgress progress, CatalogProbe probe,
      MigrationRunner.Listener listener) {
    this.target = target;
    this.progress = progress;
    this.probe = probe;
    this.listener = listener;
  }

  List<StatementRun> run(PlannedStep step, String direction, int firstIndex) {
    LiquibaseStepPlan plan = step.liquibase();
    ToolStatements statements = new ToolStatements("liquibase", step.label(), direction, firstIndex, progress, probe,
        listener);
    try (Connection connection = ScratchDatabase.connect(target, ApplicationNames.MIGRATION)) {
      Liquibase liquibase = open(plan, StatementTap.wrap(connection, statements));
      liquibase.setChangeExecListener(new Changesets(statements));
      try {
        quietly(() -> update(liquibase, plan.spec()));
      } catch (Exception e) {
        failed(step, statements, e);
      }
      return statements.runs;
    } catch (SQLException e) {
      throw new InfrastructureException("could not open Liquibase's session: " + e.getMessage(), e);
    }
  }

  /** Liquibase on the connection, finding the changelog and its includes from the changelog's own directory. */
  static Liquibase open(LiquibaseStepPlan plan, Connection connection) {
    try {
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      ResourceAccessor files = plan.searchPath() == null ? new ClassLoaderResourceAccessor()
          : new DirectoryResourceAccessor(plan.searchPath());
      return new Liquibase(plan.changelog(), files, database);
    } catch (Exception e) {
      throw new InfrastructureException("Liquibase could not start on the scratch database: " + e.getMessage(), e);
    }
  }

  private static void update(Liquibase liquibase, LiquibaseSpec spec) throws Exception {
    Contexts contexts = new Contexts(spec.contexts());
    LabelExpression labels = new LabelExpression(spec.labels());
    if (spec.toTag() != null) {
      liquibase.update(spec.toTag(), contexts, labels);
    } else if (spec.count() != null) {
      liquibase.update(spec.count(), contexts, labels);
    } else {
      liquibase.update(contexts, labels);
    }
  }

  /**
   * Runs Liquibase with its console output and log lines kept off the harness's console (its
   * summary table and INFO lines would interleave with the load's progress).
   */
  static void quietly(Scope.ScopedRunner<?> work) throws Exception {
    Logger.getLogger("liquibase").setLevel(Level.WARNING);
    Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), work);
  }

  private void failed(PlannedStep step, ToolStatements statements, Exception e) {
    statements.unitEnded();
    List<StatementRun> runs = statements.runs;
    StatementRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    if (last != null && last.hasFailed()) {
      return; // the statement that failed carries PostgreSQL's error already
    }
    StatementRun refusal = statements.refusal(new PlannedStatement("liquibase update " + step.liquibase().label(),
        step.label(), 1));
    SQLException sql = cause(e);
    if (sql != null) {
      refusal.failed(sql);
    } else {
      refusal.failedWith("liquibase", rootMessage(e));
    }
    listener.statementFinished(refusal.outcome());
  }

  private static SQLException cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? e.getMessage() : t.getMessage();
  }

  /** Tells {@link ToolStatements} which changeset runs. */
  private static final class Changesets extends AbstractChangeExecListener {

    private final ToolStatements statements;

    Changesets(ToolStatements statements) {
      this.statements = statements;
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
        ChangeSet.RunStatus runStatus) {
      statements.unitStarted(changeSet.getId() + "::" + changeSet.getAuthor(), null, 1);
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
      statements.unitEnded();
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception e) {
      statements.unitEnded();
    }
  }
}
