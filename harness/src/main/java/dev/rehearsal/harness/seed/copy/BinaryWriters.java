package dev.rehearsal.harness.seed.copy;

import java.math.BigDecimal;

/**
 * Field writers for COPY binary format: each field is an int32 byte length (-1 for NULL) and
 * then the bytes of the type's binary send/recv representation (src/backend/utils/adt/*.c).
 */
final class BinaryWriters {

  /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in microseconds since 1970. */
  static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
  /** 2000-01-01 in days since 1970. */
  static final int PG_EPOCH_DAYS = 10_957;

  private BinaryWriters() {}

  static FieldWriter create(PgType family, String type, CopyBuffer buffer) {
    return switch (family) {
      case INT2 -> new Int2(family, type, buffer);
      case INT4 -> new Int4(family, type, buffer);
      case INT8 -> new Int8(family, type, buffer);
      case NUMERIC -> new Numeric(family, type, buffer);
      case FLOAT4 -> new Float4(family, type, buffer);
      case FLOAT8 -> new Float8(family, type, buffer);
      case TEXT -> new Text(family, type, buffer);
      case BOOL -> new Bool(family, type, buffer);
      case TIMESTAMP, TIMESTAMPTZ -> new Timestamp(family, type, buffer);
      case DATE -> new Date(family, type, buffer);
      case UUID -> new Uuid(family, type, buffer);
      case JSON, JSONB -> new Json(family, type, buffer);
      case OTHER -> throw new IllegalArgumentException("a column of type " + type + " has no binary encoding here; "
          + "load its table in TEXT format (CopyRows.formatFor)");
    };
  }

  private static final class Int2 extends ColumnWriter {
    Int2(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      buffer.putInt(2);
      buffer.putShort((int) value);
    }
  }

  private static final class Int4 extends ColumnWriter {
    Int4(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      buffer.putInt(4);
      buffer.putInt((int) value);
    }
  }

  private static final class Int8 extends ColumnWriter {
    Int8(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      buffer.putInt(8);
      buffer.putLong(value);
    }
  }

  /**
   * numeric_send: int16 ndigits, int16 weight, int16 sign, int16 dscale, then ndigits base-10000
   * digits, most significant first; value = sum(digit[i] * 10000^(weight - i)). Groups are
   * aligned to the decimal point, and zero groups at either end are left out (zero itself has
   * no digits). The server applies the column's (precision, scale) itself.
   */
  static final class Numeric extends ColumnWriter {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000};

    /** base-10000 groups, least significant first; 20 decimal digits + 3 of padding need 6 */
    private final short[] groups = new short[6];

    Numeric(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      encode(value, 0);
    }

    @Override
    void encodeDecimal(long unscaled, int scale) {
      encode(unscaled, scale);
    }

    private void encode(long unscaled, int scale) {
      // the lowest decimal digit has exponent -scale: it lies in the base-10000 group of
      // weight floorDiv(-scale, 4), `pad` decimal places above that group's lowest digit
      // (123.45: exponent -2, group weight -1, pad 2, so the groups are 123 and 45|00)
      int lowestWeight = Math.floorDiv(-scale, 4);
      int pad = Math.floorMod(-scale, 4);
      long magnitude = unscaled < 0 ? -unscaled : unscaled; // unsigned: Long.MIN_VALUE is 2^63
      // first group, unsigned-safe: (m >>> 1) / (p / 2) == m / p for even p
      long divisor = POW10[4 - pad];
      long rest = magnitude >= 0 ? magnitude / divisor : (magnitude >>> 1) / (divisor >>> 1);
      int n = 0;
      groups[n++] = (short) ((magnitude - rest * divisor) * POW10[pad]);
      while (rest != 0) {
        groups[n++] = (short) (rest % 10_000);
        rest /= 10_000;
      }
      int low = 0;
      while (low < n && groups[low] == 0) {
        low++;
      }
      int high = n - 1;
      while (high >= low && groups[high] == 0) {
        high--;
      }
      int ndigits = high - low + 1;
      buffer.putInt(8 + 2 * ndigits);
      buffer.putShort(ndigits);
      buffer.putShort(ndigits == 0 ? 0 : lowestWeight + high);
      buffer.putShort(unscaled < 0 ? NEGATIVE : POSITIVE);
      buffer.putShort(scale);
      for (int i = high; i >= low; i--) {
        buffer.putShort(groups[i]);
      }
    }
  }

  private static final class Float4 extends ColumnWriter {
    Float4(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      write((float) value); // long-to-float rounds to nearest, as float4in would
    }

    @Override
    void encodeDecimal(long unscaled, int scale) {
      write(Decimals.toFloat(unscaled, scale));
    }

    private void write(float value) {
      buffer.putInt(4);
      buffer.putInt(Float.floatToRawIntBits(value));
    }
  }

  private static final class Float8 extends ColumnWriter {
    Float8(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      write((double) value);
    }

    @Override
    void encodeDecimal(long unscaled, int scale) {
      write(Decimals.toDouble(unscaled, scale));
    }

    private void write(double value) {
      buffer.putInt(8);
      buffer.putLong(Double.doubleToRawLongBits(value));
    }
  }

  /**
   * text, varchar(n), bpchar(n): textrecv takes the raw UTF-8 (the server still applies the
   * length limit or padding). Other kinds are rendered as text in place: the int32 length is
   * reserved, the text rendered, then the length patched in.
   */
  private static final class Text extends ColumnWriter {
    Text(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    private int begin() {
      int at = buffer.size();
      buffer.putInt(0);
      return at;
    }

    private void end(int lengthAt) {
      buffer.setInt(lengthAt, buffer.size() - lengthAt - 4);
    }

    @Override
    void encodeLong(long value) {
      int at = begin();
      TextRender.putLong(buffer, value);
      end(at);
    }

    @Override
    void encodeDecimal(long unscaled, int scale) {
      int at = begin();
      TextRender.putDecimal(buffer, unscaled, scale);
      end(at);
    }

    @Override
    public void writeBoolean(boolean value) {
      int at = begin();
      TextRender.putBooleanWord(buffer, value);
      end(at);
    }

    @Override
    public void writeText(byte[] utf8, int offset, int length) {
      buffer.putInt(length);
      buffer.putBytes(utf8, offset, length);
    }

    @Override
    void encodeTimestamp(long epochMicros) {
      int at = begin();
      TextRender.putTimestamp(buffer, epochMicros);
      end(at);
    }

    @Override
    public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
      buffer.putInt(36);
      TextRender.putUuid(buffer, mostSignificantBits, leastSignificantBits);
    }

    @Override
    public void writeJson(byte[] utf8, int offset, int length) {
      writeText(utf8, offset, length);
    }
  }

  private static final class Bool extends ColumnWriter {
    Bool(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    public void writeBoolean(boolean value) {
      buffer.putInt(1);
      buffer.putByte(value ? 1 : 0);
    }
  }

  /** timestamp and timestamptz alike: int64 microseconds since 2000-01-01 00:00:00 (UTC). */
  private static final class Timestamp extends ColumnWriter {
    Timestamp(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeTimestamp(long epochMicros) {
      buffer.putInt(8);
      buffer.putLong(epochMicros - PG_EPOCH_MICROS);
    }
  }

  /** date: int32 days since 2000-01-01, of the UTC day the instant falls in. */
  private static final class Date extends ColumnWriter {
    Date(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    void encodeTimestamp(long epochMicros) {
      buffer.putInt(4);
      buffer.putInt((int) (Math.floorDiv(epochMicros, TextRender.MICROS_PER_DAY) - PG_EPOCH_DAYS));
    }
  }

  private static final class Uuid extends ColumnWriter {
    Uuid(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
    }

    @Override
    public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
      buffer.putInt(16);
      buffer.putLong(mostSignificantBits);
      buffer.putLong(leastSignificantBits);
    }
  }

  /** json_recv takes the text as is; jsonb_recv wants a format version byte (1) first. */
  private static final class Json extends ColumnWriter {
    private final boolean jsonb;

    Json(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.BINARY, family, type, buffer);
      this.jsonb = family == PgType.JSONB;
    }

    @Override
    public void writeJson(byte[] utf8, int offset, int length) {
      if (jsonb) {
        buffer.putInt(length + 1);
        buffer.putByte(1);
      } else {
        buffer.putInt(length);
      }
      buffer.putBytes(utf8, offset, length);
    }
  }

  /** Decimal to IEEE conversions that round exactly as the server's float4in/float8in would. */
  static final class Decimals {
    /** 10^0..10^22 are exact doubles; 10^0..10^10 exact floats. */
    private static final double[] DOUBLE_POW10 = new double[23];
    private static final float[] FLOAT_POW10 = new float[11];

    static {
      double d = 1;
      for (int i = 0; i < DOUBLE_POW10.length; i++, d *= 10) {
        DOUBLE_POW10[i] = d;
      }
      float f = 1;
      for (int i = 0; i < FLOAT_POW10.length; i++, f *= 10) {
        FLOAT_POW10[i] = f;
      }
    }

    private Decimals() {}

    /**
     * Fast path (Clinger): when both the integer and the power of ten are exact doubles, one
     * IEEE division is correctly rounded. Otherwise BigDecimal, which is too (it allocates,
     * but only for values beyond 2^53 or scales beyond 22).
     */
    static double toDouble(long unscaled, int scale) {
      if (Math.abs(unscaled) < (1L << 53) && unscaled != Long.MIN_VALUE && scale < DOUBLE_POW10.length) {
        return unscaled / DOUBLE_POW10[scale];
      }
      return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    /** As {@link #toDouble}, in float arithmetic (converting via double could round twice). */
    static float toFloat(long unscaled, int scale) {
      if (Math.abs(unscaled) < (1L << 24) && unscaled != Long.MIN_VALUE && scale < FLOAT_POW10.length) {
        return unscaled / FLOAT_POW10[scale];
      }
      return BigDecimal.valueOf(unscaled, scale).floatValue();
    }
  }
}
