package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/** NULL for a {@code nullFraction} share of rows (its own random stream), the wrapped value otherwise. */
final class NullableGenerator implements ColumnGenerator {

  private final ColumnGenerator values;
  private final double nullFraction;
  private final long seed;

  NullableGenerator(ColumnGenerator values, double nullFraction, long seed) {
    this.values = values;
    this.nullFraction = nullFraction;
    this.seed = seed;
  }

  @Override
  public ValueKind kind() {
    return values.kind();
  }

  @Override
  public void write(long row, FieldWriter out) {
    if (nullFraction >= 1 || Rng.unit(Rng.at(seed, row)) < nullFraction) {
      out.writeNull();
    } else {
      values.write(row, out);
    }
  }

  @Override
  public boolean unique() {
    return values.unique(); // NULLs never conflict in a unique index
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
