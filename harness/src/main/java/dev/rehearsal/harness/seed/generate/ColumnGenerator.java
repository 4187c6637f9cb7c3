package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * Makes one column's value for a row. The value is a function of the row number and the
 * generator's seed only, so any stream can make any row. An instance may keep scratch buffers:
 * each seeding stream gets its own instances (see {@link TableGenerators}).
 */
public interface ColumnGenerator {

  ValueKind kind();

  /** Writes row {@code row}'s value (rows count from 1) — exactly one call on {@code out}. */
  void write(long row, FieldWriter out);

  /** Whether distinct rows always get distinct values (a unique column needs it). */
  default boolean unique() {
    return false;
  }

  /** Longest text written, in characters, or -1 when unknown or not text. */
  default int maxTextLength() {
    return -1;
  }

  /** Smallest and largest whole number written (for INTEGER and DECIMAL as unscaled value). */
  default long minLong() {
    return Long.MIN_VALUE;
  }

  default long maxLong() {
    return Long.MAX_VALUE;
  }

  /** Decimal places of DECIMAL values, 0 otherwise. */
  default int scale() {
    return 0;
  }
}
