package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * Builds {@link ScenarioException}s for problems found at a {@link YamlPath}, placing each at
 * the line and column the location index knows for that path. Shared by the binding error
 * mapper and the validators so that every message is positioned the same way.
 */
final class ErrorReporter {

  private final String source;
  private final YamlLocations locations;

  ErrorReporter(String source, YamlLocations locations) {
    this.source = source;
    this.locations = locations;
  }

  String source() {
    return source;
  }

  ScenarioException at(String path, String problem) {
    return at(path, problem, null);
  }

  ScenarioException at(String path, String problem, String hint) {
    YamlLocations.Mark mark = locations.markOf(path);
    return new ScenarioException(source, mark.line(), mark.column(), problem, hint);
  }

  /** Like {@link #at(String, String, String)}, but placed at the key rather than its value. */
  ScenarioException atKey(String path, String problem, String hint) {
    YamlLocations.Mark mark = locations.keyMarkOf(path);
    return new ScenarioException(source, mark.line(), mark.column(), problem, hint);
  }

  /** The value at {@code path} as written, for "..., got X" ({@code 'many'}, {@code -5}). */
  String got(String path) {
    return locations.describe(path);
  }

  /** The scalar text at {@code path} exactly as written in the file, or null. */
  String textAt(String path) {
    YamlLocations.Node node = locations.node(path);
    return node == null ? null : node.text();
  }

  /** Whether the document has a key or list item at {@code path}, even one with no value. */
  boolean present(String path) {
    return locations.node(path) != null;
  }

  int lineOf(String path) {
    return locations.markOf(path).line();
  }

  /** {@code value}, or a "missing" problem when the key is absent or has no value. */
  <T> T require(T value, String path, String hint) {
    if (value != null) {
      return value;
    }
    String label = YamlPath.label(path);
    if (locations.node(path) != null) {
      throw at(path, label + " needs a value", hint);
    }
    throw at(path, "missing required key '" + label + "'", hint);
  }

  /** A required string that must also contain something other than blanks. */
  String requireText(String value, String path, String hint) {
    if (require(value, path, hint).isBlank()) {
      throw at(path, YamlPath.label(path) + " must not be blank", hint);
    }
    return value;
  }

  /** Fails unless {@code value >= minimum}; {@code value} was read from {@code path}. */
  void requireAtLeast(long value, long minimum, String path) {
    if (value < minimum) {
      throw at(path, YamlPath.label(path) + " must be at least " + minimum + ", got " + got(path),
          "use " + minimum + " or more");
    }
  }

  /** Fails unless {@code value >= minimum}; {@code value} was read from {@code path}. */
  void requireAtLeast(Duration value, Duration minimum, String path) {
    if (value.compareTo(minimum) < 0) {
      throw at(path, YamlPath.label(path) + " must be at least " + Durations.format(minimum)
          + ", got " + got(path), "use " + Durations.format(minimum) + " or longer");
    }
  }

  /**
   * The {@code min} and {@code max} of a uniform generator at {@code path}: both required,
   * {@code min <= max}.
   */
  void requireRange(Long min, Long max, String path, String hint) {
    require(min, YamlPath.child(path, "min"), hint);
    String maxPath = YamlPath.child(path, "max");
    require(max, maxPath, hint);
    if (max < min) {
      throw at(maxPath, "max must not be less than min (" + min + "), got " + got(maxPath),
          "swap min and max, or raise max to at least " + min);
    }
  }

  /**
   * Records {@code name} as declared at {@code path} in {@code seen}; fails if it was already
   * declared, pointing back at the first declaration.
   *
   * @param what what the name names, for the message ("table", "operation", ...)
   */
  void requireUnique(Map<String, String> seen, String name, String path, String what) {
    String first = seen.putIfAbsent(name, path);
    if (first != null) {
      throw at(path, what + " '" + name + "' is declared twice",
          "the first is on line " + lineOf(first) + "; rename or remove one");
    }
  }
}
