package dev.rehearsal.harness.seed.copy;

/**
 * What a generator produces, independent of the column's type; a column codec accepts some
 * kinds (an integer fits int4, numeric and text; a timestamp fits timestamptz, date and text).
 */
public enum ValueKind {
  /** a long: {@link FieldWriter#writeLong} */
  INTEGER,
  /** an unscaled long and a scale: {@link FieldWriter#writeDecimal} */
  DECIMAL,
  /** {@link FieldWriter#writeBoolean} */
  BOOLEAN,
  /** UTF-8 text: {@link FieldWriter#writeText} */
  TEXT,
  /** microseconds since 1970-01-01T00:00:00Z: {@link FieldWriter#writeTimestampMicros} */
  TIMESTAMP,
  /** {@link FieldWriter#writeUuid} */
  UUID,
  /** a JSON document as UTF-8 text: {@link FieldWriter#writeJson} */
  JSON
}
