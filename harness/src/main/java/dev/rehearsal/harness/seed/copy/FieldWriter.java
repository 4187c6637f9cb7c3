package dev.rehearsal.harness.seed.copy;

/**
 * Receives one field's value for the current row and encodes it for its column's type, in
 * COPY binary or text format. A generator calls exactly one method per row, of the kind it
 * declared ({@link ValueKind}); the seeder checks before loading that the kind fits the column.
 */
public interface FieldWriter {

  void writeNull();

  void writeLong(long value);

  /** The number {@code unscaled / 10^scale}, e.g. (12345, 2) is 123.45. */
  void writeDecimal(long unscaled, int scale);

  void writeBoolean(boolean value);

  /** UTF-8 bytes {@code utf8[offset .. offset+length)}; never contains NUL. */
  void writeText(byte[] utf8, int offset, int length);

  /** Microseconds since 1970-01-01T00:00:00Z (UTC). */
  void writeTimestampMicros(long epochMicros);

  void writeUuid(long mostSignificantBits, long leastSignificantBits);

  /** A JSON document as UTF-8 bytes. */
  void writeJson(byte[] utf8, int offset, int length);
}
