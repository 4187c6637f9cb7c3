package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/** true with probability {@code trueFraction}. */
final class BooleanGenerator implements ColumnGenerator {

  private final double trueFraction;
  private final long seed;

  BooleanGenerator(double trueFraction, long seed) {
    this.trueFraction = trueFraction;
    this.seed = seed;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.BOOLEAN;
  }

  @Override
  public void write(long row, FieldWriter out) {
    out.writeBoolean(Rng.unit(Rng.at(seed, row)) < trueFraction);
  }
}
