package dev.rehearsal.load.schedule;

/** How intended start times are spaced. */
public enum Arrival {
  /** Evenly, like wrk2 and {@code pgbench -R} without jitter: the n-th operation at n / rate. */
  CONSTANT,
  /**
   * Exponential gaps (a Poisson process), as independent users arrive: the same mean rate with
   * bursts, which is what fills a pool first.
   */
  POISSON
}
