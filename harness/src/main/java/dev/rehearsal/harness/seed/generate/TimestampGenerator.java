package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * Instants in [from, to]: {@code to - u^2 * span} for uniform u, so the density falls with age
 * as 1/sqrt(age) — recent rows much denser, as in a table that grows (the newest 10% of the span
 * holds ~32% of the rows, the oldest 10% ~5%). The unique form spreads
 * rows over distinct microseconds instead.
 */
final class TimestampGenerator implements ColumnGenerator {

  private final long fromMicros;
  private final long toMicros;
  private final long seed;
  private final Permutation permutation;

  private TimestampGenerator(long fromMicros, long toMicros, long seed, Permutation permutation) {
    this.fromMicros = fromMicros;
    this.toMicros = toMicros;
    this.seed = seed;
    this.permutation = permutation;
  }

  static TimestampGenerator recentDenser(long fromMicros, long toMicros, long seed) {
    return new TimestampGenerator(fromMicros, toMicros, seed, null);
  }

  static TimestampGenerator unique(long fromMicros, long toMicros, long seed) {
    return new TimestampGenerator(fromMicros, toMicros, seed, new Permutation(toMicros - fromMicros + 1, seed));
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TIMESTAMP;
  }

  @Override
  public void write(long row, FieldWriter out) {
    if (permutation != null) {
      out.writeTimestampMicros(fromMicros + permutation.apply(row - 1));
      return;
    }
    double u = Rng.unit(Rng.at(seed, row));
    out.writeTimestampMicros(toMicros - (long) (u * u * (toMicros - fromMicros)));
  }

  @Override
  public boolean unique() {
    return permutation != null;
  }
}
