package dev.rehearsal.harness.seed.generate;

import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Zipf-distributed ranks 1..n (rank 1 most frequent, exponent {@code skew}; 0 is uniform) as a
 * function of the row, through Commons RNG's rejection-inversion sampler (O(1) set-up and draw,
 * whatever n). Not thread-safe: one per stream.
 */
final class ZipfRanks {

  private final long seed;
  private final CounterRandom random = new CounterRandom();
  private final SharedStateDiscreteSampler sampler;

  ZipfRanks(long n, double skew, long seed) {
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a zipfian range holds at most " + Integer.MAX_VALUE + " values, got " + n);
    }
    this.seed = seed;
    this.sampler = RejectionInversionZipfSampler.of(random, (int) n, skew);
  }

  long rank(long row) {
    random.position(seed, row);
    return sampler.sample();
  }
}
