package dev.rehearsal.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the files a scenario refers to ({@code schema.file}, a step's {@code file}).
 *
 * <p>A scenario loaded from a file resolves them against its directory; a built-in scenario
 * ({@link Scenario#baseDirectory()} null) against the classpath folder it was loaded from, so
 * built-ins can ship their SQL next to their YAML.
 */
public final class ScenarioFiles {

  /** Classpath folder of the built-in scenarios and the files they refer to. */
  static final String BUILTIN_FOLDER = "/dev/rehearsal/scenario/builtin/";

  private ScenarioFiles() {}

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
