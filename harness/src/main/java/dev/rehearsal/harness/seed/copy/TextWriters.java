package dev.rehearsal.harness.seed.copy;

/**
 * Field writers for COPY text format: the value as the type's input function reads it, with
 * {@code \N} for NULL; the row framing (tabs, newline) is {@link CopyRows}'. Only free-form
 * text (text and json values) can contain characters that need COPY escaping.
 */
final class TextWriters {

  private TextWriters() {}

  static FieldWriter create(PgType family, String type, CopyBuffer buffer) {
    return switch (family) {
      case INT2, INT4, INT8 -> new Int(family, type, buffer);
      case NUMERIC, FLOAT4, FLOAT8 -> new Numeric(family, type, buffer);
      case BOOL -> new Bool(family, type, buffer);
      case TIMESTAMP, TIMESTAMPTZ -> new Timestamp(family, type, buffer);
      case DATE -> new Date(family, type, buffer);
      case UUID -> new Uuid(family, type, buffer);
      case JSON, JSONB -> new Json(family, type, buffer);
      case TEXT, OTHER -> new AnyText(family, type, buffer);
    };
  }

  /** smallint, integer, bigint: {@link ColumnWriter#writeLong} checks the column's range first. */
  private static final class Int extends ColumnWriter {
    Int(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      TextRender.putLong(buffer, value);
    }
  }

  /** numeric, real, double precision: the server rounds the exact decimal text itself. */
  private static final class Numeric extends ColumnWriter {
    Numeric(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      TextRender.putLong(buffer, value);
    }

    @Override
    void encodeDecimal(long unscaled, int scale) {
      TextRender.putDecimal(buffer, unscaled, scale);
    }
  }

  private static final class Bool extends ColumnWriter {
    Bool(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    public void writeBoolean(boolean value) {
      buffer.putByte(value ? 't' : 'f');
    }
  }

  /** "+00" is read by timestamptz and silently ignored by timestamp without time zone. */
  private static final class Timestamp extends ColumnWriter {
    Timestamp(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    void encodeTimestamp(long epochMicros) {
      TextRender.putTimestamp(buffer, epochMicros);
    }
  }

  private static final class Date extends ColumnWriter {
    Date(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    void encodeTimestamp(long epochMicros) {
      TextRender.putDate(buffer, epochMicros);
    }
  }

  private static final class Uuid extends ColumnWriter {
    Uuid(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
      TextRender.putUuid(buffer, mostSignificantBits, leastSignificantBits);
    }
  }

  private static final class Json extends ColumnWriter {
    Json(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
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
  private static final class AnyText extends ColumnWriter {
    AnyText(PgType family, String type, CopyBuffer buffer) {
      super(CopyFormat.TEXT, family, type, buffer);
    }

    @Override
    void encodeLong(long value) {
      TextRender.putLong(buffer, value);
    }

    @Override
    void encodeDecimal(long unscaled, int scale) {
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
    void encodeTimestamp(long epochMicros) {
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
