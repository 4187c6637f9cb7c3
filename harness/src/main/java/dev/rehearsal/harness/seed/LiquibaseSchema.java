package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.history.Causes;
import dev.rehearsal.harness.history.LiquibaseHistory;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.LiquibaseSpec;
import dev.rehearsal.scenario.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import liquibase.Liquibase;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import org.postgresql.util.PSQLException;

/**
 * The schema as the team's Liquibase changelog up to production's tag or count: Liquibase itself
 * updates the empty database, so DATABASECHANGELOG is Liquibase's own and a later Liquibase step
 * sees exactly the changesets production has not applied yet.
 */
final class LiquibaseSchema {

  private LiquibaseSchema() {}

  /** Updates to the tag or count; returns what was applied, as one line for the console. */
  static String apply(Scenario scenario, LiquibaseSpec spec, DatabaseTarget target) {
    Outcome outcome = new Outcome();
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.ADMIN)) {
      Liquibase liquibase = LiquibaseHistory.open(scenario, spec, c);
      if (spec.toTag() != null) {
        requireTag(liquibase, spec);
      }
      liquibase.setChangeExecListener(outcome);
      LiquibaseHistory.update(liquibase, spec);
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    } catch (LiquibaseException e) {
      throw outcome.failed == null ? notApplied(spec, e) : LiquibaseFailure.of(scenario, spec, outcome.failed, e);
    }
    String upTo = spec.toTag() != null ? " up to tag " + spec.toTag()
        : spec.count() != null ? " (count " + spec.count() + ")" : "";
    return String.format("schema: Liquibase applied %d changeset%s%s from %s (databasechangelog)",
        outcome.applied, outcome.applied == 1 ? "" : "s", upTo, spec.changelog());
  }

  /**
   * Liquibase deploys every changeset when the tag is nowhere in the changelog: that would be a
   * different history than production's, so a missing tag is refused before anything runs.
   */
  private static void requireTag(Liquibase liquibase, LiquibaseSpec spec) throws LiquibaseException {
    DatabaseChangeLog changelog = LiquibaseHistory.quietly(liquibase::getDatabaseChangeLog);
    List<String> tags = changelog.getChangeSets().stream().flatMap(cs -> cs.getChanges().stream())
        .filter(TagDatabaseChange.class::isInstance).map(c -> ((TagDatabaseChange) c).getTag())
        .filter(Objects::nonNull).toList();
    if (!tags.contains(spec.toTag())) {
      throw new BadInputException("schema: toTag '" + spec.toTag() + "' is not tagged in " + spec.changelog()
          + (tags.isEmpty() ? " (it has no tagDatabase changeset)" : "; tags there: " + String.join(", ", tags))
          + "\n  fix: set schema.liquibase.toTag to the tag production's database has, or use count");
    }
  }

  private static BadInputException notApplied(LiquibaseSpec spec, LiquibaseException e) {
    SQLException sql = Causes.first(e, SQLException.class);
    String message = sql instanceof PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getMessage() : e.getMessage();
    return new BadInputException("schema: Liquibase could not update from " + spec.changelog() + ": "
        + (message == null ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElse(""))
        + "\n  fix: check the changelog (and what it includes) and the scenario's schema.liquibase", e);
  }

  /** Counts the changesets run and remembers the one that failed. */
  private static final class Outcome extends AbstractChangeExecListener {
    int applied;
    ChangeSet failed;

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database db, ChangeSet.ExecType type) {
      if (type == ChangeSet.ExecType.EXECUTED || type == ChangeSet.ExecType.RERAN) {
        applied++;
      }
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog log, Database db, Exception e) {
      failed = changeSet;
    }
  }
}
