package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.scenario.ColumnSpec;

/**
 * Builds the generators of text: {@code text} (random lowercase words), {@code email}, and the
 * Datafaker pools ({@code faker} with an expression, and the named ones such as {@code name} or
 * {@code city}). Pools are built once per expression, size and run seed and shared by every
 * stream, so this factory holds the run seed; a unique column gets its pool values suffixed.
 */
final class TextGeneratorFactory {

  private final long runSeed;

  TextGeneratorFactory(long runSeed) {
    this.runSeed = runSeed;
  }

  static ColumnGenerator text(ColumnSpec spec, long rows, long seed, boolean unique) {
    int min = spec.length() != null ? spec.length() : spec.minLength() != null ? spec.minLength() : 12;
    int max = spec.length() != null ? spec.length() : spec.maxLength() != null ? spec.maxLength() : Math.max(12, min);
    if (!unique) {
      return TextGenerator.of(min, max, seed);
    }
    int letters = TextGenerator.suffixLetters(rows);
    if (min < letters) {
      throw new IllegalArgumentException("the column is unique; " + rows + " distinct texts need at least "
          + letters + " characters, but the shortest is " + min);
    }
    return TextGenerator.unique(min, max, rows, seed);
  }

  ColumnGenerator email(ColumnSpec spec, long rows, long seed) {
    return new EmailGenerator(
        DatafakerPools.asciiLowercase(DatafakerPools.pool("#{Name.firstName}", poolSize(spec), runSeed)),
        DatafakerPools.asciiLowercase(DatafakerPools.pool("#{Name.lastName}", poolSize(spec), runSeed)), rows, seed);
  }

  ColumnGenerator pool(String expression, ColumnSpec spec, long rows, long seed, boolean unique) {
    PoolGenerator pool = PoolGenerator.uniform(DatafakerPools.pool(expression, poolSize(spec), runSeed), seed);
    return unique ? new SuffixedPoolGenerator(pool, rows) : pool;
  }

  private static int poolSize(ColumnSpec spec) {
    return spec.pool() == null ? DatafakerPools.DEFAULT_SIZE : spec.pool();
  }
}
