package dev.rehearsal.harness.history;

import dev.rehearsal.scenario.LiquibaseSpec;
import dev.rehearsal.scenario.Scenario;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * A team's Liquibase changelog as a scenario names it, opened through Liquibase's own API.
 *
 * <p>The search path is the changelog file's own directory and the changelog is named by its
 * file name alone, so what Liquibase records in DATABASECHANGELOG.filename is relative to that
 * directory ({@code changelog.xml}, {@code changes/001.sql}): a fixed copy of the folder
 * elsewhere names its changesets the same way and sees the same applied history.
 *
 * <p>Liquibase talks on the console (its UI service prints to stdout) and logs through
 * java.util.logging (to stderr); the harness alone speaks to the user, so every call into
 * Liquibase runs {@link #quietly}.
 */
public final class LiquibaseHistory {

  private static final String CLASSPATH = "classpath:";

  /** Held so that the level set on it stays (JUL keeps loggers only weakly). */
  private static final Logger JUL_LIQUIBASE = Logger.getLogger("liquibase");

  static {
    // loggers Liquibase made before any quiet scope (static ones) write through JUL
    JUL_LIQUIBASE.setLevel(Level.OFF);
  }

  /** Scope values for a quiet Liquibase: messages to a logger that drops them, no analytics. */
  private static final Map<String, Object> QUIET = Map.of(
      Scope.Attr.ui.name(), new LoggerUIService(),
      Scope.Attr.logService.name(), new NoOpLogService(),
      // Liquibase 4.30+ would otherwise send usage data to liquibase.com (and wait for it offline)
      "liquibase.analytics.enabled", false);

  private LiquibaseHistory() {}

  /**
   * Liquibase for {@code spec}'s changelog on {@code c}: search path the changelog's directory,
   * changelog path its file name ({@code classpath:} changelogs: the classpath, and the path as
   * written). Closing the returned Liquibase closes {@code c}.
   */
  public static Liquibase open(Scenario scenario, LiquibaseSpec spec, Connection c)
      throws LiquibaseException {
    return quietly(() -> {
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(c));
      Liquibase liquibase;
      if (spec.changelog().startsWith(CLASSPATH)) {
        String path = spec.changelog().substring(CLASSPATH.length()).replaceFirst("^/", "");
        liquibase = new Liquibase(path, new ClassLoaderResourceAccessor(), database);
      } else {
        Path changelog = changelogFile(scenario, spec);
        liquibase = new Liquibase(changelog.getFileName().toString(), searchPath(changelog), database);
      }
      // the update summary is written straight to stdout, not through the UI service
      liquibase.setShowSummary(UpdateSummaryEnum.OFF);
      liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
      return liquibase;
    });
  }

  /**
   * Applies {@code spec}'s selection: up to and including the changeset tagging the database
   * {@code toTag}, or the first {@code count} changesets not yet applied, or all; with its contexts
   * and labels.
   */
  public static void update(Liquibase liquibase, LiquibaseSpec spec) throws LiquibaseException {
    Contexts contexts = new Contexts(spec.contexts());
    LabelExpression labels = new LabelExpression(spec.labels());
    quietly(() -> {
      if (spec.toTag() != null) {
        liquibase.update(spec.toTag(), contexts, labels);
      } else if (spec.count() != null) {
        liquibase.update(spec.count(), contexts, labels);
      } else {
        liquibase.update(contexts, labels);
      }
      return null;
    });
  }

  /** Runs {@code work} with Liquibase's console output and logging off. */
  public static <T> T quietly(Scope.ScopedRunnerWithReturn<T> work) throws LiquibaseException {
    try {
      return Scope.child(QUIET, work);
    } catch (LiquibaseException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new LiquibaseException(e.getMessage(), e);
    }
  }

  /** The changelog file, absolute, for a changelog that is not on the classpath. */
  public static Path changelogFile(Scenario scenario, LiquibaseSpec spec) {
    return scenario.baseDirectory().resolve(spec.changelog()).toAbsolutePath().normalize();
  }

  /**
   * A hex SHA-256 over every file under the changelog's directory (name and content) and the
   * selection (changelog, toTag, count, contexts, labels): what the schema built from {@code spec}
   * depends on, for the seed cache key. Files included from outside that directory are not seen.
   */
  public static String fingerprint(Scenario scenario, LiquibaseSpec spec) {
    TreeDigest digest = new TreeDigest().text("liquibase").text(spec.changelog());
    if (spec.changelog().startsWith(CLASSPATH)) {
      String path = spec.changelog().substring(CLASSPATH.length()).replaceFirst("^/", "");
      int slash = path.lastIndexOf('/');
      if (slash > 0) { // a changelog at the classpath's root: its name alone (not the whole classpath)
        digest.classpathFolder(path.substring(0, slash));
      }
    } else {
      digest.tree(changelogFile(scenario, spec).getParent());
    }
    return digest.text(spec.toTag()).text(String.valueOf(spec.count())).text(spec.contexts())
        .text(spec.labels()).hex();
  }

  private static ResourceAccessor searchPath(Path changelog) throws FileNotFoundException {
    return new DirectoryResourceAccessor(changelog.getParent());
  }
}
