package dev.rehearsal.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks a {@code flyway:} mapping (locations, target, placeholders) and builds its {@link
 * FlywaySpec}. Each directory must exist and hold versioned migrations; a {@code target} must be
 * the version of one of them (when every location is a directory, so all of them can be seen),
 * because a target that matches nothing would quietly apply a different history than
 * production's.
 */
final class FlywaySpecValidator {

  /** Flyway's own word for "every version"; the same as leaving target out. */
  static final String LATEST = "latest";

  static final String EXAMPLE = "flyway: {locations: [db/migration], target: \"17\"}";

  /** At most this many versions are listed in a message; more are elided in the middle. */
  private static final int VERSIONS_LISTED = 12;

  private final ErrorReporter errors;
  private final Path baseDirectory;

  FlywaySpecValidator(ErrorReporter errors, Path baseDirectory) {
    this.errors = errors;
    this.baseDirectory = baseDirectory;
  }

  FlywaySpec validate(ScenarioDocument.Flyway flyway, String path) {
    errors.require(flyway, path, "give the migrations' locations and what production has applied, e.g. "
        + EXAMPLE);
    List<String> locations = locations(flyway.locations(), YamlPath.child(path, "locations"));
    String target = target(flyway.target(), YamlPath.child(path, "target"), locations);
    Map<String, String> placeholders =
        placeholders(flyway.placeholders(), YamlPath.child(path, "placeholders"));
    return new FlywaySpec(locations, target, placeholders);
  }

  /** One location as text, or a non-empty list of them. */
  private List<String> locations(Object written, String path) {
    String hint = "name the directories of Flyway migrations relative to the scenario file, "
        + "e.g. locations: [db/migration, db/migration_data], or one: locations: db/migration";
    errors.require(written, path, hint);
    List<Object> items = written instanceof List<?> list ? new ArrayList<>(list) : List.of(written);
    if (items.isEmpty()) {
      throw errors.at(path, "locations must name at least one directory", hint);
    }
    FlywayLocationCheck check = new FlywayLocationCheck(errors, baseDirectory, "locations: ");
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = written instanceof List<?> ? YamlPath.child(path, i) : path;
      Object item = items.get(i);
      if (item != null && !(item instanceof String)) {
        throw errors.at(itemPath, YamlPath.label(itemPath) + " must be a directory or a list of "
            + "them, got " + errors.got(itemPath), hint);
      }
      locations.add(check.check((String) item, itemPath));
    }
    return locations;
  }

  /** The target as written, checked against the versions in the directories; null for every version. */
  private String target(Object written, String path, List<String> locations) {
    String hint = "write the version production has applied as its file names write it: "
        + "V17__x.sql is target: \"17\", V5_1__x.sql is target: \"5.1\"; leave target out to apply "
        + "every version";
    if (written == null && !errors.present(path)) {
      return null;
    }
    String target = scalar(written, path, hint);
    if (target.equals(LATEST)) {
      return target;
    }
    FlywayVersion version = FlywayVersion.parse(target).orElseThrow(() -> errors.at(path,
        "target " + errors.got(path) + " is not a Flyway version", hint));
    if (locations.stream().anyMatch(l -> l.startsWith(ScenarioFiles.CLASSPATH_PREFIX))) {
      return target; // Flyway alone sees what is on the classpath
    }
    Map<FlywayVersion, String> found = versions(locations, YamlPath.parent(path));
    if (!found.containsKey(version)) {
      throw errors.at(path, "target " + errors.got(path) + " matches no versioned migration in "
              + String.join(", ", locations) + "; versions found: " + listed(found.keySet()),
          "set target to the version production has applied (the last row of its "
              + "flyway_schema_history), one of those listed");
    }
    return target;
  }

  /** Every versioned migration in the directories, by version; the same version twice is refused. */
  private Map<FlywayVersion, String> versions(List<String> locations, String flywayPath) {
    Map<FlywayVersion, String> found = new TreeMap<>();
    for (int i = 0; i < locations.size(); i++) {
      Path directory = baseDirectory.resolve(locations.get(i));
      for (Path file : migrationFiles(directory)) {
        FlywayVersion version = FlywayVersion.ofFileName(file.getFileName().toString()).orElseThrow();
        String name = Path.of(locations.get(i)).resolve(directory.relativize(file)).toString();
        String first = found.putIfAbsent(version, name);
        if (first != null) {
          throw errors.at(YamlPath.child(flywayPath, "locations"), "version " + version
                  + " is in two migrations, " + first + " and " + name,
              "Flyway refuses two migrations of one version; renumber or remove one");
        }
      }
    }
    return found;
  }

  private List<Path> migrationFiles(Path directory) {
    try (Stream<Path> entries = Files.walk(directory)) {
      return entries.filter(Files::isRegularFile)
          .filter(f -> FlywayVersion.ofFileName(f.getFileName().toString()).isPresent())
          .sorted().toList();
    } catch (IOException e) {
      throw new ScenarioException(errors.source(), "cannot list flyway directory " + directory,
          "check that it is a directory you may read");
    }
  }

  /** The versions in order, the middle elided when there are many. */
  private static String listed(java.util.Set<FlywayVersion> versions) {
    List<String> all = versions.stream().map(FlywayVersion::toString).toList();
    if (all.size() <= VERSIONS_LISTED) {
      return String.join(", ", all);
    }
    int tail = VERSIONS_LISTED - 3;
    return String.join(", ", all.subList(0, 3)) + ", ..., "
        + String.join(", ", all.subList(all.size() - tail, all.size())) + " (" + all.size() + " in all)";
  }

  private Map<String, String> placeholders(Map<String, Object> written, String path) {
    Map<String, String> placeholders = new LinkedHashMap<>();
    if (written == null) {
      return placeholders;
    }
    for (Map.Entry<String, Object> entry : written.entrySet()) {
      String entryPath = YamlPath.child(path, entry.getKey());
      placeholders.put(entry.getKey(), scalar(entry.getValue(), entryPath,
          "give the text Flyway puts in place of ${" + entry.getKey() + "}, e.g. "
              + "placeholders: {" + entry.getKey() + ": public}"));
    }
    return placeholders;
  }

  /** A single value, as written in the file ({@code 1.10} stays "1.10"). */
  private String scalar(Object value, String path, String hint) {
    errors.require(value, path, hint);
    if (value instanceof Map || value instanceof List) {
      throw errors.at(path, YamlPath.label(path) + " must be a single value, got "
          + errors.got(path), hint);
    }
    String text = errors.textAt(path);
    return text != null ? text : String.valueOf(value);
  }
}
