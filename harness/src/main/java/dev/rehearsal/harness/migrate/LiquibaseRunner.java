package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.history.LiquibaseHistory;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

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
      try {
        Liquibase liquibase = LiquibaseHistory.open(plan.scenario(), plan.spec(),
            StatementTap.wrap(connection, statements));
        liquibase.setChangeExecListener(new Changesets(statements, plan.spec().changelog().startsWith("classpath:")
            ? null : LiquibaseHistory.changelogFile(plan.scenario(), plan.spec()).getParent()));
        LiquibaseHistory.update(liquibase, plan.spec());
      } catch (LiquibaseException | RuntimeException e) {
        if (e instanceof InfrastructureException infrastructure) {
          throw infrastructure;
        }
        failed(step, statements, e);
      }
      return statements.runs;
    } catch (SQLException e) {
      throw new InfrastructureException("could not open Liquibase's session: " + e.getMessage(), e);
    }
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
    /** The changelog's directory, Liquibase's search path: changeset file paths are relative to it. */
    private final Path directory;

    Changesets(ToolStatements statements, Path directory) {
      this.statements = statements;
      this.directory = directory;
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
        ChangeSet.RunStatus runStatus) {
      statements.unitStarted(changeSet.getId() + "::" + changeSet.getAuthor(), source(changeSet), 1);
    }

    /** The changeset's file, to place formatted-SQL statements at their lines; null when it cannot be read. */
    private String source(ChangeSet changeSet) {
      if (directory == null || changeSet.getFilePath() == null) {
        return null;
      }
      try {
        return Files.readString(directory.resolve(changeSet.getFilePath()));
      } catch (IOException | RuntimeException e) {
        return null;
      }
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
