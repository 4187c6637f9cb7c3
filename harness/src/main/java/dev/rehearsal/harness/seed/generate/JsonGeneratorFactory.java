package dev.rehearsal.harness.seed.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code json} generators by compiling the template once: everything literal is
 * rendered to bytes up front, and only the nested generators run per row, each built (through
 * the {@link GeneratorFactory}) as a text value with a seed of its own derived from its path in
 * the document. A row's document is then the literal fragments with the generated values in
 * between, with no walk over the template per row.
 */
final class JsonGeneratorFactory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GeneratorFactory values;

  /** @param values builds the generator of each nested generator mapping */
  JsonGeneratorFactory(GeneratorFactory values) {
    this.values = values;
  }

  ColumnGenerator json(ColumnSpec spec, long seed, long rows, boolean unique, int depth) {
    if (unique) {
      throw new IllegalArgumentException("the column is unique, but json documents are not made unique");
    }
    List<JsonGenerator.Part> parts = new ArrayList<>();
    ByteArrayOutputStream literal = new ByteArrayOutputStream();
    compile(spec.template(), "", seed, rows, depth, literal, parts);
    if (literal.size() > 0) {
      parts.add(new JsonGenerator.Part(literal.toByteArray(), null));
    }
    return new JsonGenerator(parts);
  }

  private void compile(Object node, String path, long seed, long rows, int depth, ByteArrayOutputStream literal,
      List<JsonGenerator.Part> parts) {
    if (node instanceof ColumnSpec nested) {
      if (literal.size() > 0) {
        parts.add(new JsonGenerator.Part(literal.toByteArray(), null));
        literal.reset();
      }
      ColumnGenerator value = values.build(nested, ValueKind.TEXT, rows, Rng.seed(seed, path), false, depth);
      if (nested.nullFraction() != null && nested.nullFraction() > 0) {
        value = new NullableGenerator(value, nested.nullFraction(), Rng.seed(seed, path, "null"));
      }
      parts.add(new JsonGenerator.Part(null, value));
    } else if (node instanceof Map<?, ?> map) {
      literal.writeBytes(new byte[] {'{'});
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          literal.writeBytes(new byte[] {','});
        }
        first = false;
        literal.writeBytes(render(String.valueOf(e.getKey())));
        literal.writeBytes(new byte[] {':'});
        compile(e.getValue(), path + "/" + e.getKey(), seed, rows, depth, literal, parts);
      }
      literal.writeBytes(new byte[] {'}'});
    } else if (node instanceof List<?> list) {
      literal.writeBytes(new byte[] {'['});
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          literal.writeBytes(new byte[] {','});
        }
        compile(list.get(i), path + "/" + i, seed, rows, depth, literal, parts);
      }
      literal.writeBytes(new byte[] {']'});
    } else {
      literal.writeBytes(render(node));
    }
  }

  private static byte[] render(Object scalar) {
    try {
      return JSON.writeValueAsBytes(scalar);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot render " + scalar + " as JSON: " + e.getMessage(), e);
    }
  }
}
