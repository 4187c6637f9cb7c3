package dev.rehearsal.harness.seed.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The building blocks of uniqueness and skew: Permutation, ZipfRanks, Rng. */
class PermutationTest {

  @Test
  void aPermutationIsABijectionOfItsRange() {
    for (long size : new long[] {1, 2, 3, 4, 5, 15, 16, 17, 1000, 1024, 4097, 65_537}) {
      for (long seed : new long[] {0, 1, -1, 0x5DEECE66DL}) {
        Permutation p = new Permutation(size, seed);
        assertThat(p.size()).isEqualTo(size);
        BitSet seen = new BitSet((int) size);
        for (long x = 0; x < size; x++) {
          long y = p.apply(x);
          if (y < 0 || y >= size || seen.get((int) y)) {
            throw new AssertionError("size " + size + ", seed " + seed + ": " + x + " -> " + y
                + (y >= 0 && y < size ? ", a repeat" : ", out of range"));
          }
          seen.set((int) y);
        }
        assertThat(seen.cardinality()).isEqualTo((int) size);
      }
    }
  }

  @Test
  void aPermutationShufflesAndDependsOnTheSeed() {
    Permutation a = new Permutation(4097, 1);
    Permutation b = new Permutation(4097, 2);
    int fixed = 0;
    int same = 0;
    for (long x = 0; x < 4097; x++) {
      fixed += a.apply(x) == x ? 1 : 0;
      same += a.apply(x) == b.apply(x) ? 1 : 0;
    }
    assertThat(fixed).isLessThan(20);
    assertThat(same).isLessThan(20);
    // the same seed, another instance: the same permutation
    Permutation again = new Permutation(4097, 1);
    for (long x = 0; x < 4097; x += 7) {
      assertThat(again.apply(x)).isEqualTo(a.apply(x));
    }
  }

  @Test
  void largePermutationsStayInRange() {
    for (long size : new long[] {1L << 40, (1L << 40) + 1, 1L << 62}) {
      Permutation p = new Permutation(size, 9);
      for (long x : new long[] {0, 1, size / 2, size - 2, size - 1}) {
        assertThat(p.apply(x)).isBetween(0L, size - 1);
      }
    }
  }

  @Test
  void hugePermutationsStayInRange() {
    for (long size : new long[] {(1L << 62) + 3, Long.MAX_VALUE}) {
      Permutation p = new Permutation(size, 9);
      for (long x : new long[] {0, 1, size / 2, size - 2, size - 1}) {
        assertThat(p.apply(x)).isBetween(0L, size - 1);
      }
    }
  }

  @Test
  void anEmptyPermutationIsRefused() {
    assertThatThrownBy(() -> new Permutation(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zipfRanksStayInOneToN() {
    for (long n : new long[] {1, 2, 10, 1000, Integer.MAX_VALUE}) {
      for (double skew : new double[] {0.0, 0.5, 1.0, 2.0, 5.0}) {
        ZipfRanks ranks = new ZipfRanks(n, skew, 17);
        long max = 0;
        for (long row = 1; row <= 20_000; row++) {
          long r = ranks.rank(row);
          if (r < 1 || r > n) {
            throw new AssertionError("n " + n + ", skew " + skew + ": rank " + r);
          }
          max = Math.max(max, r);
        }
        if (n == 10 && skew <= 1.0) {
          assertThat(max).as("every rank is reachable").isEqualTo(10);
        }
      }
    }
    assertThatThrownBy(() -> new ZipfRanks(Integer.MAX_VALUE + 1L, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zipfRanksAreAFunctionOfTheRow() {
    ZipfRanks a = new ZipfRanks(1000, 1.0, 5);
    ZipfRanks b = new ZipfRanks(1000, 1.0, 5);
    long[] forward = new long[5000];
    for (int row = 1; row <= 5000; row++) {
      forward[row - 1] = a.rank(row);
    }
    for (int row = 5000; row >= 1; row--) {
      assertThat(b.rank(row)).isEqualTo(forward[row - 1]);
      assertThat(a.rank(row)).isEqualTo(forward[row - 1]);
    }
  }

  @Test
  void rngBelowAndUnitStayInRange() {
    long h = 1;
    for (int i = 0; i < 100_000; i++) {
      h = Rng.next(h);
      double u = Rng.unit(h);
      if (u < 0 || u >= 1) {
        throw new AssertionError("unit " + u);
      }
      long big = Rng.below(h, (1L << 60) + 1);
      long small = Rng.below(h, 3);
      if (big < 0 || big > 1L << 60 || small < 0 || small > 2) {
        throw new AssertionError("below: " + big + ", " + small);
      }
    }
    assertThat(Rng.below(-1L, 1)).isZero();
    assertThat(Rng.unit(-1L)).isLessThan(1.0);
  }

  @Test
  void streamSeedsDependOnEveryName() {
    assertThat(Rng.seed(1, "users", "email")).isEqualTo(Rng.seed(1, "users", "email"))
        .isNotEqualTo(Rng.seed(2, "users", "email"))
        .isNotEqualTo(Rng.seed(1, "users", "name"))
        .isNotEqualTo(Rng.seed(1, "user", "semail")) // the boundary between names counts
        .isNotEqualTo(Rng.seed(1, "email", "users"));
  }
}
