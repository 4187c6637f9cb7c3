package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParamGeneratorsTest {

  @Test
  void zipfianKeysStayInRangeAndFavourTheLowIds() {
    ParamGenerator g = ParamGenerators.zipfianKey(1_000_000, 1.0);
    SplittableRandom random = new SplittableRandom(7);
    int n = 200_000;
    int top1Percent = 0;
    int first = 0;
    for (int i = 0; i < n; i++) {
      long key = (Long) g.next(random);
      assertThat(key).isBetween(1L, 1_000_000L);
      if (key <= 10_000) {
        top1Percent++;
      }
      if (key == 1) {
        first++;
      }
    }
    // harmonic numbers: H(10^4) / H(10^6) = 9.79 / 14.39 = 68 % of requests on 1 % of the rows
    assertThat(top1Percent / (double) n).isBetween(0.65, 0.71);
    // key 1 alone: 1 / H(10^6) = 6.9 %
    assertThat(first / (double) n).isBetween(0.06, 0.078);
  }

  @Test
  void newKeysAreNeverRepeated() {
    ParamGenerator g = ParamGenerators.newKey(100);
    SplittableRandom random = new SplittableRandom(1);
    assertThat(g.next(random)).isEqualTo(101L);
    assertThat(g.next(random)).isEqualTo(102L);
  }
}
