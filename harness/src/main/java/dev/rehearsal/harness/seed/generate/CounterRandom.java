package dev.rehearsal.harness.seed.generate;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Feeds a Commons RNG sampler from {@link Rng}'s per-row draws: positioned at a row before each
 * sample, so sampled values stay a function of the row. One per generator instance (per stream
 * thread) — it is mutable.
 */
final class CounterRandom implements UniformRandomProvider {

  private long state;

  void position(long streamSeed, long row) {
    state = Rng.at(streamSeed, row);
  }

  @Override
  public long nextLong() {
    long value = state;
    state = Rng.next(state);
    return value;
  }
}
