package dev.rehearsal.scenario;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks one Flyway location a scenario names, as a step's {@code flyway} or in a schema's
 * {@code flyway.locations}: {@code classpath:...} as is, or a directory (relative to the scenario
 * file) that exists and holds versioned migrations, so a wrong path fails now rather than after
 * seeding.
 */
final class FlywayLocationCheck {

  private final ErrorReporter errors;
  private final Path baseDirectory;
  /** How the scenario writes a location where this one is, for the hints ("flyway: ", "locations: "). */
  private final String key;

  FlywayLocationCheck(ErrorReporter errors, Path baseDirectory, String key) {
    this.errors = errors;
    this.baseDirectory = baseDirectory;
    this.key = key;
  }

  /** {@code location} (read from {@code path}) when it is usable; else the problem, at the path. */
  String check(String location, String path) {
    String hint = "name the directory of Flyway migrations (V1__name.sql, ...) relative to "
        + "the scenario file, e.g. " + key + "db/migration, or a classpath location, e.g. "
        + key + "classpath:db/migration";
    errors.requireText(location, path, hint);
    if (location.startsWith(ScenarioFiles.CLASSPATH_PREFIX)) {
      if (location.substring(ScenarioFiles.CLASSPATH_PREFIX.length()).isBlank()) {
        throw errors.at(path, "flyway location '" + location + "' names no classpath folder",
            hint);
      }
      return location;
    }
    if (location.startsWith(ScenarioFiles.FILESYSTEM_PREFIX)) {
      throw errors.at(path, "write the flyway directory without 'filesystem:', got "
              + errors.got(path),
          "a directory is written as a path relative to the scenario file (or absolute), e.g. "
              + key + "db/migration");
    }
    if (baseDirectory == null) {
      throw errors.at(path, "flyway location '" + location + "' is a directory, but a built-in "
              + "scenario has no directory to resolve it against",
          "name the migrations on the classpath, e.g. " + key + "classpath:db/migration");
    }
    if (ScenarioFiles.exists(baseDirectory, location)) {
      throw errors.at(path, "flyway location '" + location + "' is a file, not a directory",
          "Flyway applies every versioned migration in a directory; name the directory "
              + "the file is in");
    }
    if (!ScenarioFiles.isDirectory(baseDirectory, location)) {
      throw errors.at(path, "flyway directory '" + location + "' not found",
          "looked for " + ScenarioFiles.whereToLook(baseDirectory, location)
              + "; paths are relative to the scenario file");
    }
    Path directory = baseDirectory.resolve(location);
    boolean found;
    try {
      found = ScenarioFiles.hasFlywayMigrations(directory);
    } catch (IOException e) {
      throw errors.at(path, "cannot list flyway directory '" + location + "'",
          "check that " + directory + " is a directory you may read");
    }
    if (!found) {
      throw errors.at(path, "flyway directory '" + location + "' has no versioned migrations",
          "Flyway applies files named V<version>__<description>.sql, e.g. "
              + "V2__add_status.sql; put them in " + directory);
    }
    return location;
  }
}
