package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.List;

/**
 * Picks one of a fixed list of pre-encoded values per row: Datafaker pools and {@code choice}.
 * Weighted picks go through a cumulative table; the unique form takes each value once, in a
 * permuted order (the caller has checked there are enough values).
 */
final class PoolGenerator implements ColumnGenerator {

  private final byte[][] values;
  private final double[] cumulativeWeights;
  private final long seed;
  private final Permutation permutation;
  private final int maxLength;

  private PoolGenerator(byte[][] values, double[] cumulativeWeights, long seed, Permutation permutation) {
    this.values = values;
    this.cumulativeWeights = cumulativeWeights;
    this.seed = seed;
    this.permutation = permutation;
    int longest = 0;
    for (byte[] v : values) {
      longest = Math.max(longest, Utf8.characters(v));
    }
    this.maxLength = longest;
  }

  static PoolGenerator uniform(byte[][] values, long seed) {
    return new PoolGenerator(values, null, seed, null);
  }

  static PoolGenerator weighted(byte[][] values, List<Double> weights, long seed) {
    double[] cumulative = new double[weights.size()];
    double total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += weights.get(i);
      cumulative[i] = total;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    return new PoolGenerator(values, cumulative, seed, null);
  }

  static PoolGenerator unique(byte[][] values, long seed) {
    return new PoolGenerator(values, null, seed, new Permutation(values.length, seed));
  }

  int size() {
    return values.length;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TEXT;
  }

  @Override
  public void write(long row, FieldWriter out) {
    byte[] value = values[index(row)];
    out.writeText(value, 0, value.length);
  }

  private int index(long row) {
    if (permutation != null) {
      return (int) permutation.apply(row - 1);
    }
    long h = Rng.at(seed, row);
    if (cumulativeWeights == null) {
      return (int) Rng.below(h, values.length);
    }
    double u = Rng.unit(h);
    int i = 0;
    while (i < cumulativeWeights.length - 1 && u >= cumulativeWeights[i]) {
      i++;
    }
    return i;
  }

  @Override
  public boolean unique() {
    return permutation != null;
  }

  @Override
  public int maxTextLength() {
    return maxLength;
  }
}
