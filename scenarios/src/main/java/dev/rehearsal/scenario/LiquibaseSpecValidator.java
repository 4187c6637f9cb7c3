package dev.rehearsal.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code liquibase:} mapping (changelog, toTag or count, contexts, labels) and builds its
 * {@link LiquibaseSpec}. The changelog must exist now; {@code toTag} and {@code count} are two
 * ways to say how far production is, so at most one may be given.
 */
final class LiquibaseSpecValidator {

  static final String EXAMPLE = "liquibase: {changelog: db/changelog.xml, toTag: v17}";

  private final ErrorReporter errors;
  private final Path baseDirectory;

  LiquibaseSpecValidator(ErrorReporter errors, Path baseDirectory) {
    this.errors = errors;
    this.baseDirectory = baseDirectory;
  }

  LiquibaseSpec validate(ScenarioDocument.Liquibase liquibase, String path) {
    errors.require(liquibase, path, "name the changelog and what production has applied, e.g. "
        + EXAMPLE);
    String changelog = changelog(liquibase.changelog(), YamlPath.child(path, "changelog"));
    String toTag = toTag(liquibase.toTag(), YamlPath.child(path, "toTag"));
    Integer count = liquibase.count();
    String countPath = YamlPath.child(path, "count");
    if (count != null || errors.present(countPath)) {
      errors.require(count, countPath, "give the number of changesets production has applied, e.g. count: 17");
      if (toTag != null) {
        throw errors.atKey(countPath, "liquibase takes toTag or count, not both",
            "keep toTag (every changeset up to the one that tags the database) or count (the "
                + "first N changesets), whichever says what production has applied");
      }
      errors.requireAtLeast(count, 1, countPath);
    }
    return new LiquibaseSpec(changelog, toTag, count,
        optionalText(liquibase.contexts(), YamlPath.child(path, "contexts"),
            "give Liquibase's context expression, e.g. contexts: \"prod and !test\", or remove contexts"),
        optionalText(liquibase.labels(), YamlPath.child(path, "labels"),
            "give Liquibase's label expression, e.g. labels: \"v17 or hotfix\", or remove labels"));
  }

  /** A changelog file relative to the scenario file, or {@code classpath:...}. */
  private String changelog(String changelog, String path) {
    String hint = "name the master changelog relative to the scenario file, e.g. changelog: "
        + "db/changelog.xml, or on the classpath, e.g. changelog: classpath:db/changelog.xml";
    errors.requireText(changelog, path, hint);
    if (changelog.startsWith(ScenarioFiles.CLASSPATH_PREFIX)) {
      String resource = changelog.substring(ScenarioFiles.CLASSPATH_PREFIX.length());
      if (ScenarioFiles.class.getResource("/" + resource.replaceFirst("^/", "")) == null) {
        throw errors.at(path, "changelog '" + changelog + "' not found on the classpath", hint);
      }
      return changelog;
    }
    if (baseDirectory == null) {
      throw errors.at(path, "changelog '" + changelog + "' is a file, but a built-in scenario has no "
          + "directory to resolve it against", "name the changelog on the classpath, e.g. "
          + "changelog: classpath:db/changelog.xml");
    }
    if (ScenarioFiles.isDirectory(baseDirectory, changelog)) {
      throw errors.at(path, "changelog '" + changelog + "' is a directory, not a changelog file",
          "name the master changelog in it, the file that includes the others, e.g. "
              + "changelog: " + Path.of(changelog).resolve("changelog.xml"));
    }
    if (!ScenarioFiles.exists(baseDirectory, changelog)) {
      throw errors.at(path, "changelog '" + changelog + "' not found",
          "looked for " + ScenarioFiles.whereToLook(baseDirectory, changelog)
              + "; paths are relative to the scenario file");
    }
    return changelog;
  }

  /** The tag as written ({@code toTag: 17} is "17"), or null when not given. */
  private String toTag(Object written, String path) {
    String hint = "give the tag production's database was tagged with (a tagDatabase "
        + "changeset), e.g. toTag: v17";
    if (written == null && !errors.present(path)) {
      return null;
    }
    errors.require(written, path, hint);
    if (written instanceof Map || written instanceof List) {
      throw errors.at(path, "toTag must be a single value, got " + errors.got(path), hint);
    }
    String text = errors.textAt(path);
    return errors.requireText(text != null ? text : String.valueOf(written), path, hint);
  }

  private String optionalText(String value, String path, String hint) {
    if (value == null && !errors.present(path)) {
      return null;
    }
    return errors.requireText(value, path, hint);
  }
}
