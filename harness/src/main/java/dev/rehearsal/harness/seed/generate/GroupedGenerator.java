package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * A column of a composite key, drawn by the row's place in its group: rows come in groups of
 * {@code fanout} consecutive rows (one group per parent), and the wrapped generator is asked for
 * the group's number ({@link #byGroup}: the same value for the whole group, e.g. the parent's key)
 * or for the row's position in its group ({@link #byPosition}: 1..fanout, different within a group).
 * Still a function of the row alone, so any stream can make any row.
 */
final class GroupedGenerator implements ColumnGenerator {

  private final ColumnGenerator values;
  private final long fanout;
  private final boolean byGroup;

  private GroupedGenerator(ColumnGenerator values, long fanout, boolean byGroup) {
    this.values = values;
    this.fanout = fanout;
    this.byGroup = byGroup;
  }

  /** Row r gets the value of row {@code (r - 1) / fanout + 1}: one value per group. */
  static GroupedGenerator byGroup(ColumnGenerator values, long fanout) {
    return new GroupedGenerator(values, fanout, true);
  }

  /** Row r gets the value of row {@code (r - 1) % fanout + 1}: its position in the group. */
  static GroupedGenerator byPosition(ColumnGenerator values, long fanout) {
    return new GroupedGenerator(values, fanout, false);
  }

  @Override
  public ValueKind kind() {
    return values.kind();
  }

  @Override
  public void write(long row, FieldWriter out) {
    values.write(byGroup ? (row - 1) / fanout + 1 : (row - 1) % fanout + 1, out);
  }

  @Override
  public boolean unique() {
    return fanout == 1 && values.unique();
  }

  @Override
  public int maxTextLength() {
    return values.maxTextLength();
  }

  @Override
  public long minLong() {
    return values.minLong();
  }

  @Override
  public long maxLong() {
    return values.maxLong();
  }

  @Override
  public int scale() {
    return values.scale();
  }
}
