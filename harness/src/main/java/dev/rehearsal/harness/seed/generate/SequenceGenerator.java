package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/** start, start+1, ... by row; with {@code rowsPerValue} each value repeats (pgbench's bid). */
final class SequenceGenerator implements ColumnGenerator {

  private final long start;
  private final long rowsPerValue;
  private final long rows;

  SequenceGenerator(long start, long rowsPerValue, long rows) {
    this.start = start;
    this.rowsPerValue = rowsPerValue;
    this.rows = rows;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.INTEGER;
  }

  @Override
  public void write(long row, FieldWriter out) {
    out.writeLong(start + (row - 1) / rowsPerValue);
  }

  @Override
  public boolean unique() {
    return rowsPerValue == 1;
  }

  @Override
  public long minLong() {
    return start;
  }

  @Override
  public long maxLong() {
    return start + (Math.max(rows, 1) - 1) / rowsPerValue;
  }
}
