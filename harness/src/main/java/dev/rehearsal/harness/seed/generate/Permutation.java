package dev.rehearsal.harness.seed.generate;

/**
 * A pseudo-random bijection of [0, size): a balanced Feistel network over the smallest even
 * number of bits that covers {@code size}, with cycle-walking back into range. Used where values
 * must be distinct (a unique column drawn from a range) or spread (the hot parents of a skewed
 * foreign key should not all be the first rows).
 */
final class Permutation {

  private static final int ROUNDS = 4;

  private final long size;
  private final int halfBits;
  private final long halfMask;
  private final long[] keys = new long[ROUNDS];

  Permutation(long size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, got " + size);
    }
    this.size = size;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
    bits += bits & 1;
    this.halfBits = bits / 2;
    this.halfMask = (1L << halfBits) - 1;
    long k = seed;
    for (int i = 0; i < ROUNDS; i++) {
      k = Rng.next(k);
      keys[i] = k;
    }
  }

  long size() {
    return size;
  }

  /** The image of {@code x} in [0, size). */
  long apply(long x) {
    long y = x;
    do {
      y = encrypt(y);
    } while (Long.compareUnsigned(y, size) >= 0); // cycle-walk back into range: ~2 steps on average at worst
    return y;
  }

  private long encrypt(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long key : keys) {
      long next = left ^ (Rng.mix(right ^ key) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }
}
