package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.function.LongUnaryOperator;

/**
 * Whole numbers or decimals in a range, by one of three draws: uniform, zipfian (the low end
 * most frequent), or a permutation of the range (uniform and never repeating, for unique
 * columns). A decimal with scale s is drawn as a whole number of 10^-s units.
 */
final class NumberGenerator implements ColumnGenerator {

  private final long minUnits;
  private final long maxUnits;
  private final int scale;
  private final boolean unique;
  private final LongUnaryOperator unitsOfRow;

  private NumberGenerator(long minUnits, long maxUnits, int scale, boolean unique, LongUnaryOperator unitsOfRow) {
    this.minUnits = minUnits;
    this.maxUnits = maxUnits;
    this.scale = scale;
    this.unique = unique;
    this.unitsOfRow = unitsOfRow;
  }

  static NumberGenerator uniform(long min, long max, int scale, long seed) {
    long lo = units(min, scale);
    long hi = units(max, scale);
    long span = hi - lo + 1;
    if (span > 0) {
      return new NumberGenerator(lo, hi, scale, false, row -> lo + Rng.below(Rng.at(seed, row), span));
    }
    long widthMinusOne = hi - lo; // more than Long.MAX_VALUE values: compare as unsigned, redraw when out of range
    return new NumberGenerator(lo, hi, scale, false, row -> {
      long h = Rng.at(seed, row);
      while (Long.compareUnsigned(h, widthMinusOne) > 0) {
        h = Rng.next(h);
      }
      return lo + h;
    });
  }

  /** Every row a different value; the caller has checked that the range has enough values. */
  static NumberGenerator permuted(long min, long max, int scale, long seed) {
    long lo = units(min, scale);
    long hi = units(max, scale);
    long size = hi - lo + 1;
    // a range of more than Long.MAX_VALUE values: permute its first Long.MAX_VALUE, plenty for any table
    Permutation permutation = new Permutation(size > 0 ? size : Long.MAX_VALUE, seed);
    return new NumberGenerator(lo, hi, scale, true, row -> lo + permutation.apply(row - 1));
  }

  static NumberGenerator zipfian(long min, long max, int scale, double skew, long seed) {
    long lo = units(min, scale);
    long hi = units(max, scale);
    ZipfRanks ranks = new ZipfRanks(hi - lo + 1, skew, seed);
    return new NumberGenerator(lo, hi, scale, false, row -> lo + ranks.rank(row) - 1);
  }

  /** How many distinct values [min, max] holds at this scale, saturating at Long.MAX_VALUE. */
  static long distinctValues(long min, long max, int scale) {
    long span = units(max, scale) - units(min, scale);
    return span < 0 || span == Long.MAX_VALUE ? Long.MAX_VALUE : span + 1;
  }

  private static long units(long value, int scale) {
    return Math.multiplyExact(value, pow10(scale));
  }

  static long pow10(int scale) {
    long p = 1;
    for (int i = 0; i < scale; i++) {
      p *= 10;
    }
    return p;
  }

  @Override
  public ValueKind kind() {
    return scale == 0 ? ValueKind.INTEGER : ValueKind.DECIMAL;
  }

  @Override
  public void write(long row, FieldWriter out) {
    long units = unitsOfRow.applyAsLong(row);
    if (scale == 0) {
      out.writeLong(units);
    } else {
      out.writeDecimal(units, scale);
    }
  }

  @Override
  public boolean unique() {
    return unique;
  }

  @Override
  public long minLong() {
    return minUnits;
  }

  @Override
  public long maxLong() {
    return maxUnits;
  }

  @Override
  public int scale() {
    return scale;
  }
}
