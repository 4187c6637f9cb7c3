package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.harness.BadInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code histogram}: common values at their shares, the rest as many distinct values as asked, along the bounds. */
class HistogramGeneratorTest {

  private static final int N = 100_000;
  private static final long SEED = 7;

  @Test
  void commonValuesTakeTheirSharesAndTheRestIsExactlyDistinctValues() {
    ColumnGenerator g = Gen.single(SEED, N, col("c", "integer"),
        spec("histogram").values("5", "9").weights(0.3, 0.1).bounds("100", "20000", "100000").distinct(2000));
    long[] v = Gen.longs(g, N);
    Map<Long, Integer> counts = new HashMap<>();
    for (long x : v) {
      counts.merge(x, 1, Integer::sum);
    }
    assertThat(counts.get(5L)).isEqualTo(30_000);
    assertThat(counts.get(9L)).isEqualTo(10_000);
    assertThat(counts.size()).isEqualTo(2 + 2000);
    // equi-depth: half of the other values are below 200, half above
    long below = Arrays.stream(v).filter(x -> x >= 100 && x < 20000).count();
    assertThat(below / 60_000.0).isCloseTo(0.5, within(0.01));
    assertThat(g.minLong()).isEqualTo(5);
    assertThat(g.maxLong()).isEqualTo(100_000);
  }

  @Test
  void otherValuesSkipTheCommonOnesAndNeverCrowdAStretch() {
    // 1..10 holds ten integers; 3 and 4 are common, so the eight others are exactly the rest
    ColumnGenerator g = Gen.single(SEED, 10_000, col("c", "integer"),
        spec("histogram").values("3", "4").weights(0.5, 0.25).bounds("1", "2", "10").distinct(8));
    Map<Long, Integer> counts = new HashMap<>();
    for (long x : Gen.longs(g, 10_000)) {
      counts.merge(x, 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(counts.get(3L)).isEqualTo(5_000);
    assertThat(counts.get(4L)).isEqualTo(2_500);
    assertThat(counts.get(7L)).isBetween(312, 313); // 2,500 rows over 8 values, to a row
  }

  @Test
  void datesAreCountedInDays() {
    // ten days hold exactly ten distinct dates: micro-second spacing would put several in one day
    ColumnGenerator g = Gen.single(SEED, 1_000, col("c", "date"),
        spec("histogram").bounds("2025-01-01", "2025-01-05", "2025-01-10").distinct(10));
    long[] v = Gen.longs(g, 1_000);
    assertThat(Arrays.stream(v).distinct().count()).isEqualTo(10);
    assertThat(Arrays.stream(v).allMatch(x -> x % 86_400_000_000L == 0)).isTrue();
    // more values than days: each day once, the rows spread over all of them, in order when ordered
    long[] ordered = Gen.longs(Gen.single(SEED, 1_000, col("c", "date"),
        spec("histogram").bounds("2025-01-01", "2025-01-10").distinct(500).ordered(true)), 1_000);
    assertThat(Arrays.stream(ordered).distinct().count()).isEqualTo(10);
    assertThat(correlation(ordered)).isGreaterThan(0.95);
  }

  @Test
  void nullsAreExactAndHideNoValue() {
    ColumnGenerator g = Gen.single(SEED, 10_000, col("c", "text").nullable(),
        spec("histogram").distinct(5_000).lengths(5, 9).nullFraction(0.5));
    List<CapturingWriter.Value> all = Gen.values(g, 1, 10_000);
    assertThat(all.stream().filter(v -> v.kind() == CapturingWriter.Kind.NULL).count()).isEqualTo(5_000);
    assertThat(all.stream().filter(v -> v.kind() == CapturingWriter.Kind.TEXT).map(CapturingWriter.Value::asText)
        .distinct().count()).isEqualTo(5_000);
  }

  @Test
  void permutedByDefaultAndInRowOrderWhenOrdered() {
    Gen.Spec shape = spec("histogram").bounds("2025-01-01T00:00:00Z", "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z")
        .distinct(N);
    long[] permuted = Gen.longs(Gen.single(SEED, N, col("c", "timestamp with time zone"), shape), N);
    long[] ordered = Gen.longs(Gen.single(SEED, N, col("c", "timestamp with time zone"), shape.ordered(true)), N);
    assertThat(correlation(ordered)).isGreaterThan(0.99);
    assertThat(Math.abs(correlation(permuted))).isLessThan(0.05);
    long[] sorted = permuted.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(ordered); // the same values, only placed differently
  }

  @Test
  void decimalBoundsKeepTheirScale() {
    ColumnGenerator g = Gen.single(SEED, 1_000, col("c", "numeric(10,2)"),
        spec("histogram").bounds("1.5", "20.25").distinct(50));
    assertThat(g.scale()).isEqualTo(2);
    assertThat(g.minLong()).isEqualTo(150);
    assertThat(g.maxLong()).isEqualTo(2025);
  }

  @Test
  void textWithoutBoundsIsSyntheticWordsOfTheGivenLengths() {
    ColumnGenerator inner = Gen.single(SEED, N, col("c", "text"),
        spec("histogram").values("mab", "mbcdef").weights(0.5, 0.2).distinct(300).lengths(10, 30));
    List<String> all = Gen.texts(inner, N);
    assertThat(all.stream().filter("mab"::equals).count()).isEqualTo(50_000);
    HashSet<String> rest = new HashSet<>(all.stream().filter(t -> t.startsWith("r")).toList());
    assertThat(rest).hasSize(300);
    assertThat(rest).allSatisfy(t -> assertThat(t.length()).isBetween(10, 30));
    assertThat(inner.maxTextLength()).isEqualTo(30);
  }

  @Test
  void aUniqueColumnIsRefusedAndFitIsChecked() {
    assertThatThrownBy(() -> Gen.single(SEED, 100, col("c", "integer").unique(),
        spec("histogram").bounds("1", "10").distinct(10)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("repeats its values");
    assertThatThrownBy(() -> Gen.single(SEED, 100, col("c", "smallint"),
        spec("histogram").bounds("1", "100000").distinct(10)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("do not fit smallint");
    assertThatThrownBy(() -> Gen.single(SEED, 100, col("c", "integer"), spec("histogram").distinct(10)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("needs bounds");
  }

  private static double correlation(long[] v) {
    double n = v.length;
    double mx = (n - 1) / 2;
    double my = Arrays.stream(v).asDoubleStream().average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < v.length; i++) {
      double dx = i - mx;
      double dy = v[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
