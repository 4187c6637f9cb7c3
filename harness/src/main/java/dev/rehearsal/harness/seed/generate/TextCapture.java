package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;

/** A FieldWriter that only takes text; for generators that decorate another generator's text. */
abstract class TextCapture implements FieldWriter {

  private static IllegalStateException notText() {
    return new IllegalStateException("expected a text value");
  }

  @Override
  public void writeNull() {
    throw notText();
  }

  @Override
  public void writeLong(long value) {
    throw notText();
  }

  @Override
  public void writeDecimal(long unscaled, int scale) {
    throw notText();
  }

  @Override
  public void writeBoolean(boolean value) {
    throw notText();
  }

  @Override
  public void writeTimestampMicros(long epochMicros) {
    throw notText();
  }

  @Override
  public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
    throw notText();
  }

  @Override
  public void writeJson(byte[] utf8, int offset, int length) {
    throw notText();
  }
}
