package dev.rehearsal.harness.seed.generate;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based randomness: a row's value is a pure function of (column seed, row number).
 * That makes the data identical whatever the number of streams or the order rows are made in,
 * and lets a foreign key compute its parent's key for any parent row without storing it.
 * The mixer is SplitMix64's finalizer, which passes BigCrush on a counter.
 */
final class Rng {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Rng() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The first draw for {@code row} in the stream {@code streamSeed}. */
  static long at(long streamSeed, long row) {
    return mix(streamSeed + row * GOLDEN);
  }

  /** The draw after {@code h}, for generators that need several per row. */
  static long next(long h) {
    return mix(h + GOLDEN);
  }

  /** A double in [0, 1) from 53 bits of {@code h}. */
  static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** A long in [0, bound) for bound >= 1; the bias is below 2^-11 for any bound. */
  static long below(long h, long bound) {
    if (bound <= (1L << 53)) {
      return (long) (unit(h) * bound);
    }
    return Math.floorMod(h, bound);
  }

  /**
   * A seed for a named stream, e.g. (run seed, "users", "email"): derived from names rather
   * than positions, so adding a column does not change the others' data.
   */
  static long seed(long runSeed, String... names) {
    long h = 0xCBF29CE484222325L; // FNV-1a
    for (String name : names) {
      for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xFF)) * 0x100000001B3L;
      }
      h = (h ^ 0xFF) * 0x100000001B3L;
    }
    return mix(runSeed ^ mix(h));
  }
}
