package dev.rehearsal.harness.seed.copy;

import java.nio.charset.StandardCharsets;

/**
 * Field writers for COPY text format: the value as the type's input function reads it, with
 * {@code \N} for NULL; the row framing (tabs, newline) is {@link CopyRows}'. Only free-form
 * text (text and json values) can contain characters that need COPY escaping.
 */
final class TextWriters {

  private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);

  private TextWriters() {}

  static FieldWriter create(PgType family, String type, CopyBuffer buffer) {
    return switch (family) {
      case INT2 -> new Int(type, buffer, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT4 -> new Int(type, buffer, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case INT8 -> new Int(type, buffer, Long.MIN_VALUE, Long.MAX_VALUE);
      case NUMERIC, FLOAT4, FLOAT8 -> new Numeric(type, buffer);
      case BOOL -> new Bool(type, buffer);
      case TIMESTAMP, TIMESTAMPTZ -> new Timestamp(type, buffer);
      case DATE -> new Date(type, buffer);
      case UUID -> new Uuid(type, buffer);
      case JSON, JSONB -> new Json(type, buffer);
      case TEXT, OTHER -> new AnyText(type, buffer);
    };
  }

  private abstract static class Base extends RejectingWriter {
    Base(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public final void writeNull() {
      buffer.putBytes(NULL);
    }
  }

  private static final class Int extends Base {
    private final long min;
    private final long max;

    Int(String type, CopyBuffer buffer, long min, long max) {
      super(type, buffer);
      this.min = min;
      this.max = max;
    }

    @Override
    public void writeLong(long value) {
      // the server would reject it too, but without saying which generator was wrong
      checkRange(value, min, max);
      TextRender.putLong(buffer, value);
    }
  }

  /** numeric, real, double precision: the server rounds the exact decimal text itself. */
  private static final class Numeric extends Base {
    Numeric(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeLong(long value) {
      TextRender.putLong(buffer, value);
    }

    @Override
    public void writeDecimal(long unscaled, int scale) {
      checkScale(scale);
      TextRender.putDecimal(buffer, unscaled, scale);
    }
  }

  private static final class Bool extends Base {
    Bool(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeBoolean(boolean value) {
      buffer.putByte(value ? 't' : 'f');
    }
  }

  /** "+00" is read by timestamptz and silently ignored by timestamp without time zone. */
  private static final class Timestamp extends Base {
    Timestamp(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeTimestampMicros(long epochMicros) {
      checkTimestamp(epochMicros);
      TextRender.putTimestamp(buffer, epochMicros);
    }
  }

  private static final class Date extends Base {
    Date(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeTimestampMicros(long epochMicros) {
      checkTimestamp(epochMicros);
      TextRender.putDate(buffer, epochMicros);
    }
  }

  private static final class Uuid extends Base {
    Uuid(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
      TextRender.putUuid(buffer, mostSignificantBits, leastSignificantBits);
    }
  }

  private static final class Json extends Base {
    Json(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeJson(byte[] utf8, int offset, int length) {
      TextRender.putEscaped(buffer, utf8, offset, length);
    }
  }

  /**
   * text-like columns, and every type without an encoder here (enums, inet, interval...):
   * any kind, rendered as text; for the latter the server's input function has the last word.
   */
  private static final class AnyText extends Base {
    AnyText(String type, CopyBuffer buffer) {
      super(type, buffer);
    }

    @Override
    public void writeLong(long value) {
      TextRender.putLong(buffer, value);
    }

    @Override
    public void writeDecimal(long unscaled, int scale) {
      checkScale(scale);
      TextRender.putDecimal(buffer, unscaled, scale);
    }

    @Override
    public void writeBoolean(boolean value) {
      TextRender.putBooleanWord(buffer, value);
    }

    @Override
    public void writeText(byte[] utf8, int offset, int length) {
      TextRender.putEscaped(buffer, utf8, offset, length);
    }

    @Override
    public void writeTimestampMicros(long epochMicros) {
      TextRender.putTimestamp(buffer, epochMicros);
    }

    @Override
    public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
      TextRender.putUuid(buffer, mostSignificantBits, leastSignificantBits);
    }

    @Override
    public void writeJson(byte[] utf8, int offset, int length) {
      TextRender.putEscaped(buffer, utf8, offset, length);
    }
  }
}
