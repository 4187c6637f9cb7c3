package dev.rehearsal.harness.seed.generate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A FieldWriter for tests: keeps the last value written and what kind of write it was, and
 * counts the calls so a test can insist on exactly one write per row.
 */
final class CapturingWriter implements FieldWriter {

  /** Which FieldWriter method was called. */
  enum Kind { NULL, LONG, DECIMAL, BOOLEAN, TEXT, TIMESTAMP, UUID, JSON }

  /** One captured value: a Long, BigDecimal, Boolean, String, Long (micros), UUID or String (JSON), or null. */
  record Value(Kind kind, Object value) {

    long asLong() {
      return (Long) value;
    }

    String asText() {
      return (String) value;
    }

    BigDecimal asDecimal() {
      return (BigDecimal) value;
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }
  }

  private Kind kind;
  private Object value;
  private int calls;

  /** Row {@code row}'s value from {@code generator}; fails unless the generator wrote exactly once. */
  Value capture(ColumnGenerator generator, long row) {
    calls = 0;
    kind = null;
    value = null;
    generator.write(row, this);
    if (calls != 1) {
      throw new AssertionError("row " + row + ": expected exactly one write, got " + calls);
    }
    return new Value(kind, value);
  }

  private void set(Kind k, Object v) {
    calls++;
    kind = k;
    value = v;
  }

  @Override
  public void writeNull() {
    set(Kind.NULL, null);
  }

  @Override
  public void writeLong(long v) {
    set(Kind.LONG, v);
  }

  @Override
  public void writeDecimal(long unscaled, int scale) {
    set(Kind.DECIMAL, BigDecimal.valueOf(unscaled, scale));
  }

  @Override
  public void writeBoolean(boolean v) {
    set(Kind.BOOLEAN, v);
  }

  @Override
  public void writeText(byte[] utf8, int offset, int length) {
    set(Kind.TEXT, new String(utf8, offset, length, UTF_8));
  }

  @Override
  public void writeTimestampMicros(long epochMicros) {
    set(Kind.TIMESTAMP, epochMicros);
  }

  @Override
  public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
    set(Kind.UUID, new UUID(mostSignificantBits, leastSignificantBits));
  }

  @Override
  public void writeJson(byte[] utf8, int offset, int length) {
    set(Kind.JSON, new String(utf8, offset, length, UTF_8));
  }
}
