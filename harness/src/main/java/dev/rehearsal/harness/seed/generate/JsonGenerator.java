package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.List;

/**
 * A JSON document per row from a template: literal fragments, pre-rendered once, with generated
 * values in between, rendered as JSON (text quoted and escaped, timestamps as ISO strings).
 */
final class JsonGenerator implements ColumnGenerator {

  /** A piece of the document: literal bytes, or a generated value. */
  record Part(byte[] literal, ColumnGenerator value) {}

  private final List<Part> parts;
  private final JsonValueWriter json = new JsonValueWriter();

  JsonGenerator(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public ValueKind kind() {
    return ValueKind.JSON;
  }

  @Override
  public void write(long row, FieldWriter out) {
    json.reset();
    for (Part part : parts) {
      if (part.literal() != null) {
        json.raw(part.literal());
      } else {
        part.value().write(row, json);
      }
    }
    out.writeJson(json.bytes(), 0, json.length());
  }
}
