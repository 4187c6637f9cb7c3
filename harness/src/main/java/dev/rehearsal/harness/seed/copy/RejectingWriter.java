package dev.rehearsal.harness.seed.copy;

/**
 * Base of every column writer: each value method throws until a subclass accepts that kind.
 * The seeder checks {@link ColumnCodecs#accepts} before loading, so reaching one of these is a
 * programming error, reported with the column type and what it does accept.
 */
abstract class RejectingWriter implements FieldWriter {

  final String type;
  final CopyBuffer buffer;

  RejectingWriter(String type, CopyBuffer buffer) {
    this.type = type;
    this.buffer = buffer;
  }

  private IllegalStateException rejected(ValueKind kind) {
    return new IllegalStateException("a column of type " + type + " does not accept " + kind + " values; it accepts "
        + ColumnCodecs.kindsAccepted(type));
  }

  @Override
  public void writeLong(long value) {
    throw rejected(ValueKind.INTEGER);
  }

  @Override
  public void writeDecimal(long unscaled, int scale) {
    throw rejected(ValueKind.DECIMAL);
  }

  @Override
  public void writeBoolean(boolean value) {
    throw rejected(ValueKind.BOOLEAN);
  }

  @Override
  public void writeText(byte[] utf8, int offset, int length) {
    throw rejected(ValueKind.TEXT);
  }

  @Override
  public void writeTimestampMicros(long epochMicros) {
    throw rejected(ValueKind.TIMESTAMP);
  }

  @Override
  public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
    throw rejected(ValueKind.UUID);
  }

  @Override
  public void writeJson(byte[] utf8, int offset, int length) {
    throw rejected(ValueKind.JSON);
  }

  /** Integer columns: the caller checks ranges in advance, so a miss here is a bug, said plainly. */
  final void checkRange(long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(value + " does not fit a column of type " + type + " (" + min + ".." + max + ")");
    }
  }

  /** Decimal scales the encoders support: enough for any generator, small enough to be safe. */
  static final int MAX_SCALE = 1000;

  final void checkScale(int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("decimal scale " + scale + " for a column of type " + type + " is outside 0.."
          + MAX_SCALE);
    }
  }

  /** PostgreSQL's earliest timestamp, 4714-11-24 00:00:00 BC, in microseconds since 1970. */
  static final long MIN_TIMESTAMP_EPOCH_MICROS = -210_866_803_200_000_000L;

  /**
   * The server rejects timestamps before 4714 BC; saying so here names the column. (No long is
   * past PostgreSQL's upper end, year 294276.)
   */
  final void checkTimestamp(long epochMicros) {
    if (epochMicros < MIN_TIMESTAMP_EPOCH_MICROS) {
      throw new IllegalArgumentException(epochMicros + " microseconds since 1970 is before 4714-11-24 BC, the "
          + "earliest value of a column of type " + type);
    }
  }
}
