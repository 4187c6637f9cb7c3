package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * Picks one of a pre-built pool of UTF-8 values per row, uniformly: the Datafaker generators.
 * (Weighted and unique picks of literal values are {@link ChoiceGenerator}'s; a unique Datafaker
 * column is {@link SuffixedPoolGenerator}.)
 */
final class PoolGenerator implements ColumnGenerator {

  private final byte[][] values;
  private final long seed;
  private final int maxLength;

  private PoolGenerator(byte[][] values, long seed) {
    this.values = values;
    this.seed = seed;
    int longest = 0;
    for (byte[] v : values) {
      longest = Math.max(longest, Utf8.characters(v));
    }
    this.maxLength = longest;
  }

  static PoolGenerator uniform(byte[][] values, long seed) {
    return new PoolGenerator(values, seed);
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TEXT;
  }

  @Override
  public void write(long row, FieldWriter out) {
    byte[] value = values[(int) Rng.below(Rng.at(seed, row), values.length)];
    out.writeText(value, 0, value.length);
  }

  @Override
  public int maxTextLength() {
    return maxLength;
  }
}
