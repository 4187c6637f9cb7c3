package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void choiceDrawsInProportionToTheWeights() {
    ParamGenerator g = ParamGenerators.choice(List.of("active", "suspended", 3L), new double[] {7, 2, 1});
    Map<Object, Integer> counts = draw(g, 100_000);
    // expected 70 % / 20 % / 10 %; with 100,000 draws one standard deviation is under 0.15 %
    assertThat(counts.get("active") / 100_000.0).isCloseTo(0.70, org.assertj.core.data.Offset.offset(0.01));
    assertThat(counts.get("suspended") / 100_000.0).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.01));
    assertThat(counts.get(3L) / 100_000.0).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.01));
    assertThat(counts).hasSize(3);
  }

  @Test
  void choiceWithoutWeightsGivesEqualChances() {
    Map<Object, Integer> counts = draw(ParamGenerators.choice(List.of("a", "b", "c", "d"), null), 100_000);
    assertThat(counts).hasSize(4);
    counts.values().forEach(c -> assertThat(c / 100_000.0).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01)));
  }

  @Test
  void choiceOfOneValueAlwaysGivesIt() {
    assertThat(draw(ParamGenerators.choice(List.of(2.5), new double[] {3}), 1_000)).containsOnlyKeys(2.5);
  }

  @Test
  void choiceRejectsWeightsThatDoNotMatch() {
    assertThatThrownBy(() -> ParamGenerators.choice(List.of("a", "b"), new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParamGenerators.choice(List.of("a"), new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<Object, Integer> draw(ParamGenerator g, int n) {
    SplittableRandom random = new SplittableRandom(42);
    Map<Object, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts.merge(g.next(random), 1, Integer::sum);
    }
    return counts;
  }
}
