package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.harness.seed.copy.ValueKind;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shapes the generators promise, measured over enough rows to tell them apart. */
class DistributionTest {

  private static final int N = 200_000;
  private static final long SEED = 20260101;
  private static final BigDecimal ONE = new BigDecimal("1.00");
  private static final BigDecimal FIVE = new BigDecimal("5.00");

  /** A cheap per-row check: AssertJ in a 200k-row loop costs more than the generator. */
  private static void check(boolean ok, long row, Object value, String what) {
    if (!ok) {
      throw new AssertionError("row " + row + ": " + what + ", got " + value);
    }
  }

  private static ColumnGenerator single(String type, Gen.Spec spec) {
    return Gen.single(SEED, N, col("c", type), spec);
  }

  private static ColumnGenerator nullable(String type, Gen.Spec spec) {
    return Gen.single(SEED, N, col("c", type).nullable(), spec);
  }

  // ---- uniform -----------------------------------------------------------------------------

  @Test
  void uniformIntegersCoverTheRangeEvenly() {
    ColumnGenerator g = single("integer", spec("uniform").range(-5, 14));
    assertThat(g.kind()).isEqualTo(ValueKind.INTEGER);
    assertThat(g.minLong()).isEqualTo(-5);
    assertThat(g.maxLong()).isEqualTo(14);
    long[] counts = new long[20];
    for (long v : Gen.longs(g, N)) {
      check(v >= -5 && v <= 14, 0, v, "in [-5, 14]");
      counts[(int) (v + 5)]++;
    }
    double expected = N / 20.0;
    double chiSquare = 0;
    for (long c : counts) {
      assertThat(Math.abs(c - expected) / expected).as("bucket deviation").isLessThan(0.05);
      chiSquare += (c - expected) * (c - expected) / expected;
    }
    assertThat(chiSquare).as("chi-square, 19 degrees of freedom (p=0.001 at 43.8)").isLessThan(43.8);
  }

  @Test
  void uniformOverAWideRangeReachesBothEnds() {
    long[] v = Gen.longs(single("bigint", spec("uniform").range(0, 1_000_000_000_000L)), N);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long belowHalf = 0;
    for (long x : v) {
      check(x >= 0 && x <= 1_000_000_000_000L, 0, x, "in [0, 10^12]");
      min = Math.min(min, x);
      max = Math.max(max, x);
      belowHalf += x < 500_000_000_000L ? 1 : 0;
    }
    assertThat(min).isLessThan(10_000_000L * 1000 / 200); // within ~N^-1 * 10 of the ends
    assertThat(max).isGreaterThan(1_000_000_000_000L - 50_000_000L);
    assertThat(belowHalf / (double) N).isCloseTo(0.5, within(0.01));
  }

  @Test
  void uniformWithScaleTwoMakesDecimalsWithTwoPlacesInRange() {
    ColumnGenerator g = single("numeric(6,2)", spec("uniform").range(1, 5).scale(2));
    assertThat(g.kind()).isEqualTo(ValueKind.DECIMAL);
    assertThat(g.scale()).isEqualTo(2);
    CapturingWriter w = new CapturingWriter();
    Set<BigDecimal> distinct = new HashSet<>();
    double sum = 0;
    for (long r = 1; r <= N; r++) {
      CapturingWriter.Value v = w.capture(g, r);
      BigDecimal d = v.asDecimal();
      if (v.kind() != CapturingWriter.Kind.DECIMAL || d.scale() != 2 || d.compareTo(ONE) < 0 || d.compareTo(FIVE) > 0) {
        throw new AssertionError("row " + r + ": not a decimal with two places in [1.00, 5.00]: " + v);
      }
      distinct.add(d);
      sum += d.doubleValue();
    }
    assertThat(distinct).as("every cent from 1.00 to 5.00 appears").hasSize(401);
    assertThat(sum / N).isCloseTo(3.0, within(0.02));
  }

  // ---- zipfian -----------------------------------------------------------------------------

  @Test
  void zipfianMakesMinTheMostFrequentWithRatiosOfTwoToTheSkew() {
    ColumnGenerator g = single("integer", spec("zipfian").range(100, 1099).skew(1.0));
    Map<Long, Integer> counts = new HashMap<>();
    for (long v : Gen.longs(g, N)) {
      check(v >= 100 && v <= 1099, 0, v, "in [100, 1099]");
      counts.merge(v, 1, Integer::sum);
    }
    int first = counts.get(100L);
    assertThat(counts.values()).allMatch(c -> c <= first);
    assertThat(first / (double) counts.get(101L)).as("rank 1 / rank 2, 2^1").isCloseTo(2.0, within(0.3));
    assertThat(first / (double) counts.get(103L)).as("rank 1 / rank 4, 4^1").isCloseTo(4.0, within(0.6));
    // P(rank 1) = 1 / H(1000) = 0.1336; the top 1% (10 values) hold H(10) / H(1000) = 0.391
    assertThat(first / (double) N).isCloseTo(0.1336, within(0.005));
    long top = 0;
    for (long v = 100; v < 110; v++) {
      top += counts.getOrDefault(v, 0);
    }
    assertThat(top / (double) N).as("share of the top 1% of values").isCloseTo(0.391, within(0.01));
  }

  @Test
  void zipfianSkewSteepensTheHead() {
    ColumnGenerator g = single("integer", spec("zipfian").range(1, 1000).skew(2.0));
    long[] counts = new long[1001];
    for (long v : Gen.longs(g, N)) {
      counts[(int) v]++;
    }
    assertThat(counts[1] / (double) counts[2]).as("2^2").isCloseTo(4.0, within(0.6));
    // P(1) = 1 / zeta_1000(2) ~ 1 / 1.6439 = 0.608
    assertThat(counts[1] / (double) N).isCloseTo(0.608, within(0.01));
  }

  @Test
  void zipfianWithSkewZeroIsUniform() {
    long[] counts = new long[11];
    for (long v : Gen.longs(single("integer", spec("zipfian").range(1, 10).skew(0.0)), N)) {
      counts[(int) v]++;
    }
    for (int v = 1; v <= 10; v++) {
      assertThat(counts[v] / (double) N).as("value " + v).isCloseTo(0.1, within(0.005));
    }
  }

  @Test
  void zipfianWithScaleDrawsDecimalUnitsMinFirst() {
    ColumnGenerator g = single("numeric(8,2)", spec("zipfian").range(0, 10).scale(2));
    assertThat(g.kind()).isEqualTo(ValueKind.DECIMAL);
    Map<BigDecimal, Integer> counts = new HashMap<>();
    CapturingWriter w = new CapturingWriter();
    for (long r = 1; r <= 20_000; r++) {
      BigDecimal d = w.capture(g, r).asDecimal();
      assertThat(d).isBetween(BigDecimal.ZERO, BigDecimal.TEN);
      counts.merge(d, 1, Integer::sum);
    }
    BigDecimal mode = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertThat(mode).isEqualByComparingTo("0.00");
  }

  // ---- timestamps --------------------------------------------------------------------------

  @Test
  void timestampsStayInRangeAndCrowdTowardsTo() {
    String from = "2025-01-01";
    String to = "2026-01-01";
    long fromMicros = Literal.micros(from);
    long toMicros = Literal.micros(to);
    ColumnGenerator g = single("timestamp with time zone", spec("timestamp").from(from).to(to));
    assertThat(g.kind()).isEqualTo(ValueKind.TIMESTAMP);
    long span = toMicros - fromMicros;
    long firstTenth = 0;
    long lastTenth = 0;
    long secondHalf = 0;
    for (long t : Gen.longs(g, N)) {
      check(t >= fromMicros && t <= toMicros, 0, t, "in [from, to]");
      double x = (t - fromMicros) / (double) span;
      firstTenth += x < 0.1 ? 1 : 0;
      lastTenth += x >= 0.9 ? 1 : 0;
      secondHalf += x >= 0.5 ? 1 : 0;
    }
    // t = to - u^2 span: P(last 10%) = sqrt(0.1) = 0.316, P(first 10%) = 1 - sqrt(0.9) = 0.0513,
    // P(second half) = sqrt(0.5) = 0.707
    assertThat(lastTenth / (double) N).isCloseTo(0.3162, within(0.005));
    assertThat(firstTenth / (double) N).isCloseTo(0.0513, within(0.003));
    assertThat(secondHalf / (double) N).isCloseTo(0.7071, within(0.005));
    assertThat(lastTenth / (double) firstTenth).as("last tenth / first tenth, 6.16 by the law")
        .isGreaterThan(5.0).isCloseTo(6.16, within(0.5));
  }

  @Test
  void timestampsByDaysEndAtTheFixedAnchor() {
    long to = GeneratorFactory.ANCHOR.getEpochSecond() * 1_000_000L;
    long from = to - 30 * 86_400_000_000L;
    long max = Long.MIN_VALUE;
    for (long t : Gen.longs(single("timestamp without time zone", spec("timestamp").days(30)), N)) {
      check(t >= from && t <= to, 0, t, "within 30 days before the anchor");
      max = Math.max(max, t);
    }
    assertThat(to - max).as("the newest row is minutes from the anchor").isLessThan(3_600_000_000L);
    // the default window is 365 days
    for (long t : Gen.longs(single("date", spec("timestamp")), 10_000)) {
      assertThat(t).isBetween(to - 365 * 86_400_000_000L, to);
    }
  }

  // ---- choice, boolean, nullFraction -------------------------------------------------------

  @Test
  void weightedChoiceFollowsTheWeights() {
    ColumnGenerator g = single("text", spec("choice").values("free", "pro", "team").weights(70.0, 20.0, 10.0));
    Map<String, Integer> counts = new HashMap<>();
    for (String s : Gen.texts(g, N)) {
      counts.merge(s, 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder("free", "pro", "team");
    assertThat(counts.get("free") / (double) N).isCloseTo(0.70, within(0.015));
    assertThat(counts.get("pro") / (double) N).isCloseTo(0.20, within(0.015));
    assertThat(counts.get("team") / (double) N).isCloseTo(0.10, within(0.015));
  }

  @Test
  void unweightedChoiceIsUniformAndParsedAsTheColumnsKind() {
    ColumnGenerator g = single("smallint", spec("choice").values("1", "2", "3", "5"));
    assertThat(g.kind()).isEqualTo(ValueKind.INTEGER);
    long[] counts = new long[6];
    for (long v : Gen.longs(g, N)) {
      counts[(int) v]++;
    }
    assertThat(counts[0]).isZero();
    assertThat(counts[4]).isZero();
    for (int v : new int[] {1, 2, 3, 5}) {
      assertThat(counts[v] / (double) N).isCloseTo(0.25, within(0.01));
    }
  }

  @Test
  void booleanTrueFraction() {
    ColumnGenerator g = single("boolean", spec("boolean").trueFraction(0.3));
    CapturingWriter w = new CapturingWriter();
    long trues = 0;
    for (long r = 1; r <= N; r++) {
      CapturingWriter.Value v = w.capture(g, r);
      check(v.kind() == CapturingWriter.Kind.BOOLEAN, r, v, "a boolean");
      trues += (Boolean) v.value() ? 1 : 0;
    }
    assertThat(trues / (double) N).isCloseTo(0.3, within(0.01));
    // default 0.5
    long half = Gen.values(single("boolean", spec("boolean")), 1, N).stream().filter(v -> (Boolean) v.value()).count();
    assertThat(half / (double) N).isCloseTo(0.5, within(0.01));
  }

  @Test
  void nullFractionMakesThatShareOfRowsNull() {
    ColumnGenerator g = nullable("integer", spec("uniform").range(1, 100).nullFraction(0.3));
    assertThat(g.kind()).isEqualTo(ValueKind.INTEGER);
    List<CapturingWriter.Value> values = Gen.values(g, 1, N);
    long nulls = values.stream().filter(CapturingWriter.Value::isNull).count();
    assertThat(nulls / (double) N).isCloseTo(0.3, within(0.01));
    for (CapturingWriter.Value v : values) {
      check(v.isNull() || v.kind() == CapturingWriter.Kind.LONG && v.asLong() >= 1 && v.asLong() <= 100, 0, v,
          "NULL or a whole number in [1, 100]");
    }
    // the NULL draw is its own stream: the non-null rows are not biased towards low or high values
    double mean = values.stream().filter(v -> !v.isNull()).mapToLong(CapturingWriter.Value::asLong).average().orElseThrow();
    assertThat(mean).isCloseTo(50.5, within(0.5));
  }

  // ---- text --------------------------------------------------------------------------------

  @Test
  void textLengthsAreUniformAndOnlyLowercaseWords() {
    ColumnGenerator g = single("text", spec("text").lengths(5, 15));
    assertThat(g.maxTextLength()).isEqualTo(15);
    long[] byLength = new long[16];
    Pattern shape = Pattern.compile("[a-z][a-z ]*[a-z]");
    long spaces = 0;
    for (String s : Gen.texts(g, N)) {
      check(s.length() >= 5 && s.length() <= 15, 0, s, "5 to 15 characters");
      byLength[s.length()]++;
      if (!shape.matcher(s).matches() || s.contains("  ")) {
        throw new AssertionError("not lowercase words separated by single spaces: '" + s + "'");
      }
      spaces += s.chars().filter(c -> c == ' ').count();
    }
    for (int len = 5; len <= 15; len++) {
      assertThat(byLength[len] / (N / 11.0)).as("rows of length " + len + " vs expected").isCloseTo(1.0, within(0.05));
    }
    assertThat(spaces).as("words, not one run of letters").isGreaterThan(N / 2);
  }

  @Test
  void textWithAFixedLength() {
    for (String s : Gen.texts(single("character(7)", spec("text").length(7)), 20_000)) {
      assertThat(s).hasSize(7).matches("[a-z][a-z ]*[a-z]");
    }
    for (String s : Gen.texts(single("character(1)", spec("text").length(1)), 2_000)) {
      assertThat(s).matches("[a-z]");
    }
  }

  @Test
  void textDefaultsToTwelveCharacters() {
    ColumnGenerator g = single("text", spec("text"));
    assertThat(g.maxTextLength()).isEqualTo(12);
    assertThat(Gen.texts(g, 1000)).allSatisfy(s -> assertThat(s).hasSize(12));
  }

  // ---- uuid, email, Datafaker pools --------------------------------------------------------

  @Test
  void uuidsAreVersionFourWithTheRfcVariantAndDistinct() {
    ColumnGenerator g = single("uuid", spec("uuid"));
    assertThat(g.kind()).isEqualTo(ValueKind.UUID);
    assertThat(g.unique()).isTrue();
    Set<UUID> seen = new HashSet<>();
    long highBit = 0;
    for (CapturingWriter.Value v : Gen.values(g, 1, N)) {
      UUID u = (UUID) v.value();
      check(u.version() == 4 && u.variant() == 2, 0, u, "version 4, variant 2 (RFC 4122)");
      check(seen.add(u), 0, u, "distinct");
      highBit += u.getMostSignificantBits() < 0 ? 1 : 0;
    }
    assertThat(highBit / (double) N).as("random bits are random").isCloseTo(0.5, within(0.01));
    // the text form round-trips
    UUID sample = seen.iterator().next();
    assertThat(UUID.fromString(sample.toString())).isEqualTo(sample);
  }

  @Test
  void emailsAreWellFormedOnReservedDomainsAndUniqueOverAMillionRows() {
    int rows = 1_000_000;
    ColumnGenerator g = Gen.single(SEED, rows, col("email", "character varying(120)"), spec("email").pool(2000));
    assertThat(g.unique()).isTrue();
    assertThat(g.kind()).isEqualTo(ValueKind.TEXT);
    Pattern shape = Pattern.compile(
        "([a-z]+)\\.([a-z]+)([0-9]+)@(example\\.com|example\\.org|example\\.net|mail\\.example\\.com|corp\\.example)");
    long[] hashes = new long[rows];
    Set<String> domains = new HashSet<>();
    Set<String> firstNames = new HashSet<>();
    CapturingWriter w = new CapturingWriter();
    for (long r = 1; r <= rows; r++) {
      String email = w.capture(g, r).asText();
      hashes[(int) (r - 1)] = fnv64(email);
      if (email.length() > g.maxTextLength()) {
        throw new AssertionError("longer than the declared maximum " + g.maxTextLength() + ": " + email);
      }
      if (r % 50 == 0 || r < 1000) {
        var m = shape.matcher(email);
        if (!m.matches()) {
          throw new AssertionError("row " + r + ": not first.last<row>@<reserved domain>: " + email);
        }
        assertThat(Long.parseLong(m.group(3))).isEqualTo(r);
        firstNames.add(m.group(1));
        domains.add(m.group(4));
      }
    }
    assertThat(domains).hasSize(5);
    assertThat(firstNames.size()).as("names drawn from a pool").isGreaterThan(300);
    // equal emails have equal hashes, so a repeat cannot hide; distinct ones collide with p ~ 3e-8
    java.util.Arrays.sort(hashes);
    for (int i = 1; i < rows; i++) {
      check(hashes[i] != hashes[i - 1], 0, hashes[i], "no two emails with the same 64-bit hash");
    }
  }

  private static long fnv64(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }

  @Test
  void namedFakerPoolsMakeRealisticValuesFromAtMostPoolDistinct() {
    Map<String, Pattern> shapes = Map.of(
        "name", Pattern.compile("\\p{Lu}[\\p{L}'.-]*( [\\p{L}'.-]+)+"),
        "company", Pattern.compile("\\S.*\\S"),
        "city", Pattern.compile("\\p{Lu}[\\p{L}'. -]*\\p{L}"));
    for (var e : shapes.entrySet()) {
      ColumnGenerator g = single("text", spec(e.getKey()).pool(50));
      assertThat(g.kind()).isEqualTo(ValueKind.TEXT);
      Map<String, Integer> counts = new HashMap<>();
      for (String s : Gen.texts(g, 20_000)) {
        assertThat(s).as(e.getKey()).matches(e.getValue());
        counts.merge(s, 1, Integer::sum);
      }
      assertThat(counts.size()).as(e.getKey() + " distinct values").isBetween(20, 50);
      assertThat(counts.values()).as(e.getKey() + ": the pool is reused").allMatch(c -> c > 100);
      assertThat(g.maxTextLength()).isEqualTo(counts.keySet().stream().mapToInt(String::length).max().orElseThrow());
    }
  }

  @Test
  void theDefaultPoolHoldsTenThousandValues() {
    Set<String> distinct = new HashSet<>(Gen.texts(single("text", spec("city")), N));
    assertThat(distinct.size()).isLessThanOrEqualTo(DatafakerPools.DEFAULT_SIZE).isGreaterThan(500);
  }

  @Test
  void fakerExpressionsAreEvaluatedIntoAPool() {
    ColumnGenerator g = single("text", spec("faker").expression("#{Address.countryCode}").pool(100));
    Set<String> distinct = new HashSet<>(Gen.texts(g, 20_000));
    assertThat(distinct).hasSizeBetween(10, 100).allSatisfy(s -> assertThat(s).matches("[A-Z]{2}"));
  }
}
