package dev.rehearsal.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenarios: from YAML files, from the built-in catalogue on the classpath, or from text.
 *
 * <p>Loading happens in three passes over the text, each with one job:
 * <ol>
 *   <li>{@link YamlLocations} scans the YAML tokens once: rejects broken YAML and repeated keys,
 *       and remembers the line and column of every value;
 *   <li>{@link ScenarioBinder} binds the text with Jackson to a {@link ScenarioDocument},
 *       rejecting unknown keys and values of the wrong type;
 *   <li>{@link ScenarioValidator} checks the rest (required keys, ranges, names, references)
 *       and builds the {@link Scenario} with defaults filled in.
 * </ol>
 * Every problem is a {@link ScenarioException} placed at the offending value.
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  /**
   * Loads a scenario file. Files it refers to resolve against its directory.
   *
   * @throws ScenarioException if the file is missing, unreadable or not a valid scenario
   */
  public static Scenario load(Path file) {
    String source = file.toString();
    if (!Files.exists(file)) {
      throw notFound(source);
    }
    if (Files.isDirectory(file)) {
      throw new ScenarioException(source, "is a directory, not a scenario file",
          "name a .yaml file in it");
    }
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new ScenarioException(source, "is not UTF-8 text", "save the file as UTF-8");
    } catch (IOException e) {
      throw new ScenarioException(source, "cannot read the scenario file",
          "check that it is a file you may read");
    }
    // editors on Windows may start UTF-8 files with a byte order mark, which is not YAML
    if (yaml.startsWith("\uFEFF")) {
      yaml = yaml.substring(1);
    }
    return parse(yaml, source, file.toAbsolutePath().getParent());
  }

  /**
   * Loads the built-in scenario {@code name} (see {@link #builtinNames()}); its source is
   * {@code builtin:NAME} and the files it refers to are classpath resources next to it.
   *
   * @throws ScenarioException if there is no such built-in scenario
   */
  public static Scenario builtin(String name) {
    String source = "builtin:" + name;
    String yaml = builtinNames().contains(name)
        ? ScenarioFiles.builtinResource(name + ".yaml") : null;
    if (yaml == null) {
      throw new ScenarioException(source, "no built-in scenario named '" + name + "'",
          builtInList());
    }
    return parse(yaml, source, null);
  }

  /**
   * Parses scenario YAML.
   *
   * @param source where the text came from, for messages and {@link Scenario#source()}
   * @param baseDirectory what referenced files resolve against; null for the built-in
   *     classpath folder
   * @throws ScenarioException on the first problem found
   */
  public static Scenario parse(String yaml, String source, Path baseDirectory) {
    YamlLocations locations = YamlLocations.scan(yaml, source);
    ErrorReporter errors = new ErrorReporter(source, locations);
    ScenarioDocument document = ScenarioBinder.bind(yaml, errors);
    return new ScenarioValidator(errors, baseDirectory).validate(document);
  }

  /** Names of the built-in scenarios, as listed in the catalogue's {@code index.txt}. */
  public static List<String> builtinNames() {
    String index = ScenarioFiles.builtinResource("index.txt");
    if (index == null) {
      return List.of();
    }
    return index.lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /**
   * What a user typed where a scenario is expected: a built-in name, unless a file of that name
   * exists (the file wins, so a local {@code demo} file is not shadowed); otherwise a path.
   */
  public static Scenario resolve(String nameOrPath) {
    Path path;
    try {
      path = Path.of(nameOrPath);
    } catch (InvalidPathException e) {
      throw notFound(nameOrPath);
    }
    if (builtinNames().contains(nameOrPath) && !Files.exists(path)) {
      return builtin(nameOrPath);
    }
    return load(path);
  }

  private static ScenarioException notFound(String source) {
    return new ScenarioException(source, "scenario file not found",
        "check the path; " + builtInList());
  }

  private static String builtInList() {
    List<String> names = builtinNames();
    return names.isEmpty() ? "there are no built-in scenarios"
        : "built-in scenarios: " + String.join(", ", names);
  }
}
