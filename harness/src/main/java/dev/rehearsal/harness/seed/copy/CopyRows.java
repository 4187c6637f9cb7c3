package dev.rehearsal.harness.seed.copy;

import java.util.List;

/**
 * Frames rows for one {@code COPY table (columns) FROM STDIN}: the binary file header and
 * trailer, per-row field counts, or text format's tabs and newlines, around the column
 * writers from {@link ColumnCodecs}. One instance per loading thread, like its buffer.
 *
 * <pre>{@code
 * rows.header();
 * for each row: rows.beginRow(); rows.field(0).writeLong(id); rows.field(1).writeText(...); rows.endRow();
 * rows.trailer();
 * }</pre>
 * Fields must be written in column order, each exactly once per row: COPY has no way to skip
 * or reorder them, so a mistake is reported here rather than as a server parse error.
 */
public final class CopyRows {

  /** "PGCOPY\n\377\r\n\0", int32 flags (no OIDs), int32 header extension length. */
  private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

  private final CopyFormat format;
  private final CopyBuffer buffer;
  private final FieldWriter[] writers;
  private int next = -1; // next column index to write; -1 between rows

  public CopyRows(List<String> types, CopyFormat format, CopyBuffer buffer) {
    if (types.isEmpty() || types.size() > Short.MAX_VALUE) {
      throw new IllegalArgumentException("a COPY needs 1.." + Short.MAX_VALUE + " columns, not " + types.size());
    }
    this.format = format;
    this.buffer = buffer;
    this.writers = new FieldWriter[types.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = ColumnCodecs.writer(types.get(i), format, buffer);
    }
  }

  /**
   * BINARY when every column has a binary encoder, else TEXT for the whole table: a COPY has
   * one format, and text for some columns is better than no binary speed-up for none.
   */
  public static CopyFormat formatFor(List<String> types) {
    return types.stream().allMatch(ColumnCodecs::binarySupported) ? CopyFormat.BINARY : CopyFormat.TEXT;
  }

  public CopyFormat format() {
    return format;
  }

  public CopyBuffer buffer() {
    return buffer;
  }

  public int columnCount() {
    return writers.length;
  }

  /** Once, before the first row: the binary file header (text format has none). */
  public void header() {
    if (format == CopyFormat.BINARY) {
      buffer.putBytes(BINARY_SIGNATURE);
      buffer.putInt(0);
      buffer.putInt(0);
    }
  }

  public void beginRow() {
    if (next != -1) {
      throw new IllegalStateException("row begun before the previous one ended");
    }
    if (format == CopyFormat.BINARY) {
      buffer.putShort(writers.length);
    }
    next = 0;
  }

  /** The writer for column {@code index}, after the text format's separator. */
  public FieldWriter field(int index) {
    if (index != next) {
      throw new IllegalStateException(next == -1 ? "field(" + index + ") outside a row"
          : "field(" + index + ") written where column " + next + " is next; COPY takes columns in order");
    }
    if (format == CopyFormat.TEXT && index > 0) {
      buffer.putByte('\t');
    }
    next++;
    return writers[index];
  }

  public void endRow() {
    if (next != writers.length) {
      throw new IllegalStateException(next == -1 ? "endRow() outside a row"
          : "row ended after " + next + " of " + writers.length + " columns");
    }
    if (format == CopyFormat.TEXT) {
      buffer.putByte('\n');
    }
    next = -1;
  }

  /**
   * Once, after the last row: binary format's end marker (int16 -1). Text format needs none:
   * the driver's endCopy() ends the data.
   */
  public void trailer() {
    if (format == CopyFormat.BINARY) {
      buffer.putShort(-1);
    }
  }
}
