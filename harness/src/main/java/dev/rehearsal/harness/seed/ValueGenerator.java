package dev.rehearsal.harness.seed;

import java.util.SplittableRandom;

/**
 * Produces one column's value for one row, already in COPY text form (null for SQL NULL).
 * Values depend only on the row number and the random stream, so a seed reproduces the data.
 */
@FunctionalInterface
interface ValueGenerator {

  String value(long rowNumber, SplittableRandom random);
}
