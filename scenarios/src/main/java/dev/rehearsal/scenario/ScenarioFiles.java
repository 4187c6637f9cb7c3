package dev.rehearsal.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files a scenario refers to ({@code schema.file}, a step's {@code file}, a step's
 * {@code flyway} location).
 *
 * <p>A scenario loaded from a file resolves them against its directory; a built-in scenario
 * ({@link Scenario#baseDirectory()} null) against the classpath folder it was loaded from, so
 * built-ins can ship their SQL next to their YAML. Directories (a step's {@code file} naming a
 * folder of scripts, a Flyway folder) are only for scenarios loaded from a file.
 */
public final class ScenarioFiles {

  /** Classpath folder of the built-in scenarios and the files they refer to. */
  static final String BUILTIN_FOLDER = "/dev/rehearsal/scenario/builtin/";

  /** How a Flyway location on the classpath is written; passed to Flyway as is. */
  static final String CLASSPATH_PREFIX = "classpath:";

  /** Flyway's own prefix for a directory; a scenario writes the directory without it. */
  static final String FILESYSTEM_PREFIX = "filesystem:";

  /** Flyway's default naming of versioned migrations: prefix V, separator __, suffix .sql. */
  private static final PathMatcher FLYWAY_MIGRATION =
      FileSystems.getDefault().getPathMatcher("glob:V*__*.sql");

  private ScenarioFiles() {}

  /**
   * One SQL script of a step's {@code file}.
   *
   * @param name the script's path relative to the scenario, as a report names it: the file as
   *     written, or for a directory the directory as written joined with the script's file name
   * @param text the script's text
   */
  public record Script(String name, String text) {}

  /**
   * The SQL scripts a step's {@code file} stands for, in the order to run them: one for a
   * file; for a directory (scenarios loaded from a file only), each {@code *.sql} file directly
   * in it, sorted by file name as text ({@code 001-a.sql} before {@code 010-b.sql}; {@code 10}
   * before {@code 9}). For a built-in scenario, the single classpath resource.
   *
   * @throws ScenarioException naming the file and the scenario when it does not exist, cannot
   *     be read, or is a directory without {@code *.sql} files
   */
  public static List<Script> scripts(Scenario scenario, String file) {
    Path base = scenario.baseDirectory();
    if (base == null || !isDirectory(base, file)) {
      return List.of(new Script(file, read(scenario, file)));
    }
    Path directory = base.resolve(file);
    List<Path> sqlFiles;
    try {
      sqlFiles = sqlFiles(directory);
    } catch (IOException e) {
      throw new ScenarioException(scenario.source(),
          "cannot list directory '" + file + "' of scenario '" + scenario.name() + "'",
          "check that " + directory + " is a directory you may read");
    }
    if (sqlFiles.isEmpty()) {
      throw new ScenarioException(scenario.source(),
          "scenario '" + scenario.name() + "' refers to directory '" + file
              + "', which has no .sql files",
          "put the step's scripts in " + directory + " as *.sql files; they run in name order");
    }
    List<Script> scripts = new ArrayList<>();
    for (Path sqlFile : runOrder(sqlFiles)) {
      String name = Path.of(file).resolve(sqlFile.getFileName().toString()).toString();
      try {
        scripts.add(new Script(name, Files.readString(sqlFile)));
      } catch (IOException e) {
        throw new ScenarioException(scenario.source(),
            "cannot read file '" + name + "' of scenario '" + scenario.name() + "'",
            "check that " + sqlFile + " is a UTF-8 text file you may read");
      }
    }
    return List.copyOf(scripts);
  }

  /**
   * A step's {@code flyway} location in the form Flyway's {@code locations} accepts: a
   * {@code classpath:} location unchanged, a directory as {@code filesystem:} and its absolute,
   * normalized path (resolved against the scenario file's directory).
   *
   * @throws ScenarioException for a directory in a built-in scenario, which has no directory
   *     to resolve it against (the validator refuses that already)
   */
  public static String flywayLocation(Scenario scenario, String location) {
    if (location.startsWith(CLASSPATH_PREFIX)) {
      return location;
    }
    Path base = scenario.baseDirectory();
    if (base == null) {
      throw new ScenarioException(scenario.source(),
          "built-in scenario '" + scenario.name() + "' names Flyway location '" + location
              + "', which is not on the classpath",
          "built-in scenarios name their Flyway migrations with classpath:...");
    }
    return FILESYSTEM_PREFIX + base.resolve(location).toAbsolutePath().normalize();
  }

  /**
   * The text of {@code file}, a path relative to the scenario.
   *
   * @throws ScenarioException naming the file and the scenario when it does not exist
   */
  public static String read(Scenario scenario, String file) {
    Path base = scenario.baseDirectory();
    if (!exists(base, file)) {
      throw new ScenarioException(scenario.source(),
          "scenario '" + scenario.name() + "' refers to file '" + file + "', which was not found",
          "looked for " + whereToLook(base, file) + "; paths are relative to the scenario file");
    }
    try {
      if (base != null) {
        return Files.readString(base.resolve(file));
      }
      try (InputStream in = ScenarioFiles.class.getResourceAsStream(BUILTIN_FOLDER + file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ScenarioException(scenario.source(),
          "cannot read file '" + file + "' of scenario '" + scenario.name() + "'",
          "check that " + whereToLook(base, file) + " is a file you may read");
    }
  }

  /** Whether {@code file} exists relative to {@code base} (the classpath when null). */
  static boolean exists(Path base, String file) {
    if (base == null) {
      return ScenarioFiles.class.getResource(BUILTIN_FOLDER + file) != null;
    }
    try {
      return Files.isRegularFile(base.resolve(file));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Whether {@code file} is a directory relative to {@code base} (never on the classpath). */
  static boolean isDirectory(Path base, String file) {
    if (base == null) {
      return false;
    }
    try {
      return Files.isDirectory(base.resolve(file));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * The order a directory's scripts run in: Flyway's (version by version, {@code V18} before
   * {@code V18.1} before {@code V19}, repeatable ones last) when every file is Flyway-named, as a
   * team's migration folder is; by name otherwise.
   */
  static List<Path> runOrder(List<Path> byName) {
    if (!FlywayMigrations.allFlywayNamed(byName)) {
      return byName;
    }
    return byName.stream().map(FlywayMigrations::parse).sorted(FlywayMigrations.FLYWAY_ORDER)
        .map(FlywayMigrations.Migration::file).toList();
  }

  /** The {@code *.sql} files directly in {@code directory}, sorted by file name. */
  static List<Path> sqlFiles(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(entry -> entry.getFileName().toString().endsWith(".sql"))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
          .toList();
    }
  }

  /**
   * Whether {@code directory} or any directory below it holds a file Flyway takes for a
   * versioned migration ({@code V*__*.sql}); Flyway scans a location's subdirectories too.
   */
  static boolean hasFlywayMigrations(Path directory) throws IOException {
    try (Stream<Path> entries = Files.walk(directory)) {
      return entries.anyMatch(entry -> FLYWAY_MIGRATION.matches(entry.getFileName())
          && Files.isRegularFile(entry));
    }
  }

  /** Where {@link #exists} looks, for messages. */
  static String whereToLook(Path base, String file) {
    if (base == null) {
      return "classpath resource " + BUILTIN_FOLDER + file;
    }
    try {
      return base.resolve(file).toString();
    } catch (InvalidPathException e) {
      return file;
    }
  }

  /** Reads a classpath resource of the built-in folder, or null when there is none. */
  static String builtinResource(String name) {
    try (InputStream in = ScenarioFiles.class.getResourceAsStream(BUILTIN_FOLDER + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
