package dev.rehearsal.api;

import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import dev.rehearsal.scenario.StrategySpec;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario, loaded and validated: from a YAML file, a classpath resource or the built-in
 * catalogue. Files it refers to (SQL, Flyway locations, Liquibase changelogs) resolve against the
 * scenario file's directory, so a classpath resource must be a file on disk (a test resource in
 * {@code target/test-classes}, say), not an entry inside a jar. Immutable.
 */
public final class RehearsalScenario {

  private final Scenario scenario;

  private RehearsalScenario(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * Loads a scenario file.
   *
   * @throws RehearsalInputException when it is missing or not a valid scenario (file:line:column, fix)
   */
  public static RehearsalScenario load(Path file) {
    Objects.requireNonNull(file, "file");
    return Failures.translated(() -> new RehearsalScenario(ScenarioLoader.load(file)));
  }

  /** A built-in scenario by name ({@code ./rehearse list}). */
  public static RehearsalScenario builtin(String name) {
    Objects.requireNonNull(name, "name");
    return Failures.translated(() -> new RehearsalScenario(ScenarioLoader.builtin(name)));
  }

  /** A scenario on the classpath of the current thread's context class loader. */
  public static RehearsalScenario fromClasspath(String resource) {
    return fromClasspath(resource, Thread.currentThread().getContextClassLoader());
  }

  /** A scenario on {@code loader}'s classpath, e.g. {@code rehearsal/orders.yaml} under src/test/resources. */
  public static RehearsalScenario fromClasspath(String resource, ClassLoader loader) {
    Path file = classpathFile(resource, loader);
    if (file == null) {
      throw new RehearsalInputException(resource + ": scenario not found on the classpath\n"
          + "  fix: put it under src/test/resources (or src/main/resources), or give a file path");
    }
    return load(file);
  }

  /**
   * What a build names a scenario by: a classpath resource first, then a path relative to
   * {@code projectDirectory} (or absolute), then a built-in name.
   *
   * @param loader the class loader to look in, or null to skip the classpath
   * @throws RehearsalInputException when none of them has it, naming where it looked
   */
  public static RehearsalScenario locate(String location, Path projectDirectory, ClassLoader loader) {
    Objects.requireNonNull(location, "location");
    List<String> looked = new ArrayList<>();
    if (loader != null) {
      Path onClasspath = classpathFile(location, loader);
      if (onClasspath != null) {
        return load(onClasspath);
      }
      looked.add("the classpath");
    }
    Path file = projectDirectory == null ? Path.of(location) : projectDirectory.resolve(location);
    if (Files.exists(file)) {
      return load(file);
    }
    looked.add(file.toAbsolutePath().toString());
    if (ScenarioLoader.builtinNames().contains(location)) {
      return builtin(location);
    }
    looked.add("the built-in scenarios");
    throw new RehearsalInputException(location + ": scenario not found (looked in " + String.join(", ", looked)
        + ")\n  fix: give a path relative to the project directory, a resource under src/test/resources, or a "
        + "built-in name: " + String.join(", ", ScenarioLoader.builtinNames()));
  }

  private static Path classpathFile(String resource, ClassLoader loader) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    URL url = loader == null ? null : loader.getResource(name);
    if (url == null) {
      return null;
    }
    if (!"file".equals(url.getProtocol())) {
      throw new RehearsalInputException(resource + ": scenario found inside " + url + ", not as a file\n"
          + "  fix: the files a scenario refers to resolve against its directory; keep it in a directory on the "
          + "test classpath (src/test/resources) or give a file path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new RehearsalInputException(resource + ": cannot read " + url + " as a file path\n"
          + "  fix: give the scenario's file path instead", e);
    }
  }

  /** The scenario's name. */
  public String name() {
    return scenario.name();
  }

  /** Where it was loaded from: a file path, or {@code builtin:NAME}. */
  public String source() {
    return scenario.source();
  }

  /** Its strategies' names, in order; the first is rehearsed when none is chosen. */
  public List<String> strategies() {
    return scenario.strategies().stream().map(StrategySpec::name).toList();
  }

  Scenario model() {
    return scenario;
  }

  @Override
  public String toString() {
    return "RehearsalScenario[" + scenario.name() + " from " + scenario.source() + "]";
  }
}
