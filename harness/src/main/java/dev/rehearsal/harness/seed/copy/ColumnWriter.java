package dev.rehearsal.harness.seed.copy;

/**
 * Base of every column writer, binary and text: it holds the column's type and the buffer, writes
 * the format's NULL, checks a value, then has the subclass encode it. The kinds that have a check
 * are template methods: {@link #writeLong}, {@link #writeDecimal} and {@link #writeTimestampMicros}
 * check the value against the column's family and call {@code encodeLong}, {@code encodeDecimal}
 * or {@code encodeTimestamp}; the kinds without one ({@code writeBoolean}, {@code writeText},
 * {@code writeUuid}, {@code writeJson}) are overridden directly. A kind a subclass does not encode
 * is rejected: the seeder checks {@link ColumnCodecs#accepts} before loading, so reaching a
 * rejection is a programming error, reported with the column type and what it does accept.
 *
 * <p>On the hot path: a check is a comparison with limits set from the family once (a family
 * without that check gets limits every value passes), not a call; and every subclass is final,
 * so wherever the JIT knows a writer's class (a generator's call site that sees one or two) the
 * encode call is bound statically and inlined.
 */
abstract class ColumnWriter implements FieldWriter {

  /** Decimal scales the encoders support: enough for any generator, small enough to be safe. */
  static final int MAX_SCALE = 1000;

  /** PostgreSQL's earliest timestamp, 4714-11-24 00:00:00 BC, in microseconds since 1970. */
  static final long MIN_TIMESTAMP_EPOCH_MICROS = -210_866_803_200_000_000L;

  /** COPY text format's NULL, {@code \N}, as one big-endian short. */
  private static final int TEXT_NULL = '\\' << 8 | 'N';

  final String type;
  final CopyBuffer buffer;
  private final PgType family;
  private final boolean binary;
  /** The integer values the column takes: smallint's and integer's ranges, else every long. */
  private final long min;
  private final long max;
  /** The earliest instant the column takes: timestamp and date columns' floor, else none. */
  private final long earliestMicros;

  ColumnWriter(CopyFormat format, PgType family, String type, CopyBuffer buffer) {
    this.type = type;
    this.buffer = buffer;
    this.family = family;
    this.binary = format == CopyFormat.BINARY;
    this.min = switch (family) {
      case INT2 -> Short.MIN_VALUE;
      case INT4 -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
    this.max = switch (family) {
      case INT2 -> Short.MAX_VALUE;
      case INT4 -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    this.earliestMicros = switch (family) {
      case TIMESTAMP, TIMESTAMPTZ, DATE -> MIN_TIMESTAMP_EPOCH_MICROS;
      default -> Long.MIN_VALUE;
    };
  }

  /** Binary: an int32 length of -1. Text: {@code \N}. */
  @Override
  public final void writeNull() {
    if (binary) {
      buffer.putInt(-1);
    } else {
      buffer.putShort(TEXT_NULL);
    }
  }

  /**
   * The value, checked against smallint's and integer's ranges: the server would reject it too,
   * but without saying which generator was wrong.
   */
  @Override
  public final void writeLong(long value) {
    if (value < min || value > max) {
      throw outOfRange(value);
    }
    encodeLong(value);
  }

  /** The number, its scale checked to be within 0..{@value #MAX_SCALE}. */
  @Override
  public final void writeDecimal(long unscaled, int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw badScale(scale);
    }
    encodeDecimal(unscaled, scale);
  }

  /**
   * The instant, checked for timestamp and date columns: the server rejects timestamps before
   * 4714 BC, and saying so here names the column. (No long is past PostgreSQL's upper end, year
   * 294276.) Text columns take any instant.
   */
  @Override
  public final void writeTimestampMicros(long epochMicros) {
    if (epochMicros < earliestMicros) {
      throw tooEarly(epochMicros);
    }
    encodeTimestamp(epochMicros);
  }

  /** {@link #writeLong}'s value, checked. */
  void encodeLong(long value) {
    throw rejected(ValueKind.INTEGER);
  }

  /** {@link #writeDecimal}'s number, its scale checked. */
  void encodeDecimal(long unscaled, int scale) {
    throw rejected(ValueKind.DECIMAL);
  }

  /**
   * {@link #writeTimestampMicros}'s instant, checked for timestamp and date columns (which also
   * keeps their subtraction of the PostgreSQL epoch from overflowing).
   */
  void encodeTimestamp(long epochMicros) {
    throw rejected(ValueKind.TIMESTAMP);
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
  public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
    throw rejected(ValueKind.UUID);
  }

  @Override
  public void writeJson(byte[] utf8, int offset, int length) {
    throw rejected(ValueKind.JSON);
  }

  // the failures are built out of line, so that the checked methods stay small enough to inline

  private IllegalArgumentException outOfRange(long value) {
    return new IllegalArgumentException(value + " does not fit a column of type " + type + " (" + min + ".." + max + ")");
  }

  private RuntimeException badScale(int scale) {
    if (!family.accepts(ValueKind.DECIMAL)) {
      return rejected(ValueKind.DECIMAL); // the wrong kind is the first mistake
    }
    return new IllegalArgumentException("decimal scale " + scale + " for a column of type " + type + " is outside 0.."
        + MAX_SCALE);
  }

  private IllegalArgumentException tooEarly(long epochMicros) {
    return new IllegalArgumentException(epochMicros + " microseconds since 1970 is before 4714-11-24 BC, the "
        + "earliest value of a column of type " + type);
  }

  private IllegalStateException rejected(ValueKind kind) {
    return new IllegalStateException("a column of type " + type + " does not accept " + kind + " values; it accepts "
        + ColumnCodecs.kindsAccepted(type));
  }
}
