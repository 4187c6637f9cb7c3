package dev.rehearsal.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Binds scenario YAML to a {@link ScenarioDocument} with Jackson, and turns Jackson's errors
 * (unknown key, wrong type) into {@link ScenarioException}s in the user's terms: the YAML key,
 * the expected kind of value and the value found, at the value's line and column. Jackson's
 * own messages name Java classes and are never shown.
 */
final class ScenarioBinder {

  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      // unknown keys are almost always typos; silently ignoring them hides mistakes
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // rows: 1.5 is a mistake, not 1
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .addModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()))
      .build();

  private ScenarioBinder() {}

  static ScenarioDocument bind(String yaml, ErrorReporter errors) {
    try {
      return MAPPER.readValue(yaml, ScenarioDocument.class);
    } catch (InvalidDefinitionException e) {
      throw new IllegalStateException("scenario model cannot be bound (a bug)", e);
    } catch (UnrecognizedPropertyException e) {
      throw unknownKey(e, errors);
    } catch (JsonMappingException e) {
      throw wrongValue(e, errors);
    } catch (JsonProcessingException e) {
      // not expected: YamlLocations.scan has already parsed the same text
      throw errors.at(YamlPath.ROOT, "not valid YAML");
    }
  }

  /**
   * Converts a value already read from the document (a {@code Map}, {@code List} or scalar, as
   * Jackson reads YAML into {@code Object}) into {@code type}, with the same rules and messages
   * as {@link #bind}; {@code path} is where the value is, so problems inside it are placed right.
   */
  static <T> T convert(Object value, Class<T> type, String path, ErrorReporter errors) {
    try {
      return MAPPER.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof InvalidDefinitionException definition) {
        throw new IllegalStateException("scenario model cannot be bound (a bug)", definition);
      } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
        throw unknownKey(unknown, path, errors);
      } else if (e.getCause() instanceof JsonMappingException mapping) {
        throw wrongValue(mapping, path, errors);
      }
      throw errors.at(path, YamlPath.label(path) + " has a value that cannot be read, got "
          + errors.got(path), "write a plain number, text or list as the key expects (docs/scenarios.md)");
    }
  }

  private static ScenarioException unknownKey(UnrecognizedPropertyException e,
      ErrorReporter errors) {
    return unknownKey(e, YamlPath.ROOT, errors);
  }

  private static ScenarioException unknownKey(UnrecognizedPropertyException e, String base,
      ErrorReporter errors) {
    String path = pathOf(e, base);
    String container = YamlPath.parent(path);
    String where = container.isEmpty() ? "top-level key" : "key";
    String in = container.isEmpty() ? "" : " in " + YamlPath.display(container);
    return errors.atKey(path, "unknown " + where + " '" + e.getPropertyName() + "'" + in,
        "allowed keys here: " + String.join(", ", allowedKeys(e)));
  }

  /** The keys of the record being bound, in declaration order (Jackson's own order is not). */
  private static List<String> allowedKeys(UnrecognizedPropertyException e) {
    Class<?> type = e.getReferringClass();
    if (type != null && type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
    Collection<Object> known = e.getKnownPropertyIds();
    return known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
  }

  private static ScenarioException wrongValue(JsonMappingException e, ErrorReporter errors) {
    return wrongValue(e, YamlPath.ROOT, errors);
  }

  private static ScenarioException wrongValue(JsonMappingException e, String base,
      ErrorReporter errors) {
    String path = pathOf(e, base);
    String label = YamlPath.label(path);
    if (e.getCause() instanceof InputCoercionException coercion) {
      Class<?> type = coercion.getTargetType();
      boolean small = type == Integer.class || type == int.class;
      return errors.at(path, label + " is out of range, got " + errors.got(path),
          "use a number of at most " + (small ? "2,147,483,647" : "9,223,372,036,854,775,807"));
    }
    Class<?> target = e instanceof MismatchedInputException mismatch
        ? mismatch.getTargetType() : null;
    if (target == null) {
      // e.g. .nan or .inf, which YAML allows and Jackson cannot read as a number
      return errors.at(path, label + " has a value that cannot be read, got " + errors.got(path),
          "write a finite number (.nan and .inf are not numbers here)");
    }
    Kind kind = kindOf(target);
    return errors.at(path, label + " must be " + kind.name() + ", got " + errors.got(path),
        kind.howToWrite());
  }

  /** A kind of value as a message names it ("a whole number"), and how to write one (the fix). */
  private record Kind(String name, String howToWrite) {}

  /** The kind of value a Java type accepts. */
  private static Kind kindOf(Class<?> type) {
    if (type == Duration.class) {
      return new Kind("a duration like " + Durations.EXAMPLES, "write a number and a unit, ms, s, m or h ("
          + Durations.EXAMPLES + "); a bare number is not accepted");
    } else if (type == String.class) {
      return new Kind("a string", "write it as text; quote it if it starts with one of [ { * & ! % @ `");
    } else if (type == Integer.class || type == Long.class || type == int.class
        || type == long.class) {
      return new Kind("a whole number", "write digits only, with no quotes, unit or decimal point, e.g. 1000");
    } else if (Number.class.isAssignableFrom(type) || type == double.class) {
      return new Kind("a number", "write a number with no quotes or unit, e.g. 1.5");
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return new Kind("a list", "write a list: one '- item' line per entry, or [a, b]");
    } else if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return new Kind("a mapping", "write a mapping: indented 'key: value' lines below it, or {key: value}");
    }
    return new Kind("a different kind of value", null);
  }

  /** Jackson's reference chain as a {@link YamlPath} below {@code base}. */
  private static String pathOf(JsonMappingException e, String base) {
    String path = base;
    for (JsonMappingException.Reference step : e.getPath()) {
      path = step.getFieldName() != null
          ? YamlPath.child(path, step.getFieldName())
          : YamlPath.child(path, step.getIndex());
    }
    return path;
  }

  /**
   * Reads durations in the scenario form ({@link Durations}); anything else, including a bare
   * number, is reported as a wrong value by {@link #wrongValue}.
   */
  private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {

    private static final long serialVersionUID = 1L;

    DurationDeserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.currentToken().isScalarValue()) {
        return (Duration) context.handleUnexpectedToken(Duration.class, parser);
      }
      String text = parser.getText();
      return Durations.parse(text).orElseThrow(
          () -> InvalidFormatException.from(parser, "not a duration", text, Duration.class));
    }
  }
}
