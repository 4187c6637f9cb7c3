package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.ANCHOR;
import static dev.rehearsal.harness.seed.generate.GeneratorFactory.notEnough;

import dev.rehearsal.scenario.ColumnSpec;

/**
 * Builds the generators that draw from a range of numbers or instants: {@code sequence},
 * {@code uniform}, {@code zipfian} and {@code timestamp}. They share the question a range
 * raises for a unique column: whether the range holds enough distinct values for the rows, and
 * if so which generator visits each value at most once.
 */
final class RangeGeneratorFactory {

  private RangeGeneratorFactory() {}

  static ColumnGenerator sequence(ColumnSpec spec, long rows, boolean unique) {
    long rpv = spec.rowsPerValue() == null ? 1 : spec.rowsPerValue();
    if (unique && rpv > 1) {
      throw new IllegalArgumentException("the column is unique, but rowsPerValue " + rpv + " repeats each value");
    }
    return new SequenceGenerator(spec.min() == null ? 1 : spec.min(), rpv, rows);
  }

  static ColumnGenerator uniform(ColumnSpec spec, long rows, long seed, boolean unique) {
    int scale = spec.scale() == null ? 0 : spec.scale();
    if (!unique) {
      return NumberGenerator.uniform(spec.min(), spec.max(), scale, seed);
    }
    long distinct = NumberGenerator.distinctValues(spec.min(), spec.max(), scale);
    if (distinct < rows) {
      throw notEnough(rows, distinct, "widen min..max, or use {generator: sequence}");
    }
    return NumberGenerator.permuted(spec.min(), spec.max(), scale, seed);
  }

  static ColumnGenerator zipfian(ColumnSpec spec, long seed, boolean unique) {
    if (unique) {
      throw new IllegalArgumentException("the column is unique, but zipfian repeats values by design; "
          + "use uniform or sequence");
    }
    long distinct = NumberGenerator.distinctValues(spec.min(), spec.max(), spec.scale() == null ? 0 : spec.scale());
    if (distinct > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a zipfian range holds at most " + Integer.MAX_VALUE
          + " values, this one " + distinct);
    }
    return NumberGenerator.zipfian(spec.min(), spec.max(), spec.scale() == null ? 0 : spec.scale(),
        spec.skew() == null ? 1.0 : spec.skew(), seed);
  }

  static ColumnGenerator timestamp(ColumnSpec spec, long rows, long seed, boolean unique) {
    long to = spec.to() != null ? Literal.micros(spec.to()) : ANCHOR.getEpochSecond() * 1_000_000L;
    long from = spec.from() != null ? Literal.micros(spec.from())
        : to - (spec.days() == null ? 365 : spec.days()) * 86_400_000_000L;
    if (!unique) {
      return TimestampGenerator.recentDenser(from, to, seed);
    }
    if (to - from + 1 < rows) {
      throw notEnough(rows, to - from + 1, "widen from..to");
    }
    return TimestampGenerator.unique(from, to, seed);
  }
}
