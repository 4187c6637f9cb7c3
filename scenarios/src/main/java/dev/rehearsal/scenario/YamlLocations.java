package dev.rehearsal.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where each value of a scenario document is: a map from {@link YamlPath} to line and column,
 * built by reading the YAML token stream once.
 *
 * <p>Jackson's data binding forgets positions, yet a problem found afterwards (a negative row
 * count, a duplicate name) must still point at the line to fix. Scanning first has two more
 * uses: it rejects broken YAML and duplicate keys (which Jackson would silently resolve to the
 * last one) before binding, and it keeps each scalar's text as written, for "got ..." in
 * messages and for server settings ({@code 1.10} stays "1.10", not 1.1).
 */
final class YamlLocations {

  /** A 1-based position in the file. */
  record Mark(int line, int column) {}

  enum Kind { MAPPING, LIST, STRING, NUMBER, BOOLEAN, NULL, OTHER }

  /**
   * One value in the document.
   *
   * @param key where its key is, or null for list items and the root
   * @param value where the value starts (for a block mapping: its first key)
   */
  record Node(Kind kind, String text, Mark key, Mark value) {}

  private static final YAMLFactory YAML = new YAMLFactory();

  private static final String SYNTAX_HINT =
      "indent with spaces (not tabs), put a space after each ':', and quote values that "
          + "contain ': ' or start with one of { [ * & ! % @ `";

  private final String source;
  private final Map<String, Node> nodes = new HashMap<>();

  private YamlLocations(String source) {
    this.source = source;
  }

  /**
   * Indexes {@code yaml}, which must be a single YAML mapping.
   *
   * @throws ScenarioException if it is not YAML, is empty, is not a mapping, or repeats a key
   */
  static YamlLocations scan(String yaml, String source) {
    YamlLocations index = new YamlLocations(source);
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ScenarioException(source, "the scenario is empty",
            "a scenario needs at least name, schema, workload and strategies; "
                + "see the built-in demo scenario for a complete example");
      }
      index.walk(parser, YamlPath.ROOT, null);
      if (first != JsonToken.START_OBJECT) {
        throw index.rootNotAMapping();
      }
      if (parser.nextToken() != null) {
        Mark second = mark(parser.currentTokenLocation());
        throw new ScenarioException(source, second.line(), second.column(),
            "a scenario file holds one YAML document, found a second one",
            "remove the '---' separator and what follows, or split it into its own file");
      }
    } catch (JsonProcessingException e) {
      throw syntaxError(source, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the text is already in memory
    }
    return index;
  }

  /** The value at {@code path}, or null when the document has no such value. */
  Node node(String path) {
    return nodes.get(path);
  }

  /**
   * Where to report a problem with the value at {@code path}: the value itself; its key when
   * the value is empty; and when the key is missing altogether, the enclosing mapping (its key,
   * or its first line for list items and the root).
   */
  Mark markOf(String path) {
    Node node = nodes.get(path);
    if (node != null) {
      return node.kind() == Kind.NULL && node.key() != null ? node.key() : node.value();
    }
    String container = YamlPath.parent(path);
    while (!nodes.containsKey(container)) {
      container = YamlPath.parent(container);
    }
    Node enclosing = nodes.get(container);
    return enclosing.key() != null ? enclosing.key() : enclosing.value();
  }

  /** Where the key of the value at {@code path} is; where the value is when it has no key. */
  Mark keyMarkOf(String path) {
    Node node = nodes.get(path);
    return node != null && node.key() != null ? node.key() : markOf(path);
  }

  /** The value at {@code path} as a message shows it: {@code 'many'}, {@code -5}, "a list". */
  String describe(String path) {
    Node node = nodes.get(path);
    if (node == null) {
      return "nothing";
    }
    return switch (node.kind()) {
      case MAPPING -> "a mapping";
      case LIST -> "a list";
      case NULL -> "nothing";
      case NUMBER, BOOLEAN -> node.text();
      case STRING, OTHER -> "'" + shortened(node.text()) + "'";
    };
  }

  private void walk(JsonParser parser, String path, Mark key) throws IOException {
    JsonToken token = parser.currentToken();
    Mark value = mark(parser.currentTokenLocation());
    nodes.put(path, new Node(kindOf(token), token.isScalarValue() ? parser.getText() : null,
        key, value));
    if (token == JsonToken.START_OBJECT) {
      Map<String, Mark> seen = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        Mark keyMark = mark(parser.currentTokenLocation());
        Mark first = seen.putIfAbsent(name, keyMark);
        if (first != null) {
          throw new ScenarioException(source, keyMark.line(), keyMark.column(),
              "key '" + name + "' appears twice in the same mapping",
              "the first '" + name + "' is on line " + first.line() + "; keep only one");
        }
        parser.nextToken();
        walk(parser, YamlPath.child(path, name), keyMark);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        walk(parser, YamlPath.child(path, index++), null);
      }
    }
  }

  private ScenarioException rootNotAMapping() {
    Mark root = nodes.get(YamlPath.ROOT).value();
    return new ScenarioException(source, root.line(), root.column(),
        "a scenario must be a YAML mapping of keys, got " + describe(YamlPath.ROOT),
        "start with lines like 'name: my-migration'; see the built-in demo scenario");
  }

  private static ScenarioException syntaxError(String source, JsonProcessingException e) {
    // Jackson wraps SnakeYAML's exception; SnakeYAML's own parts read better than the
    // combined text, which repeats the offending line and a caret.
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return new ScenarioException(source, yaml.getProblemMark().getLine() + 1,
          yaml.getProblemMark().getColumn() + 1,
          "not valid YAML: " + yaml.getProblem() + context, SYNTAX_HINT);
    }
    JsonLocation location = e.getLocation();
    return location == null
        ? new ScenarioException(source, "not valid YAML", SYNTAX_HINT)
        : new ScenarioException(source, location.getLineNr(), location.getColumnNr(),
            "not valid YAML", SYNTAX_HINT);
  }

  private static Mark mark(JsonLocation location) {
    return new Mark(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
  }

  private static Kind kindOf(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> Kind.MAPPING;
      case START_ARRAY -> Kind.LIST;
      case VALUE_STRING -> Kind.STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Kind.NUMBER;
      case VALUE_TRUE, VALUE_FALSE -> Kind.BOOLEAN;
      case VALUE_NULL -> Kind.NULL;
      default -> Kind.OTHER;
    };
  }

  private static String shortened(String text) {
    String firstLine = text.strip().lines().findFirst().orElse("");
    boolean cut = firstLine.length() > 60 || !firstLine.equals(text.strip());
    return cut ? firstLine.substring(0, Math.min(60, firstLine.length())) + "..." : firstLine;
  }
}
