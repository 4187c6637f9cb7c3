package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static dev.rehearsal.harness.seed.generate.Gen.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A column under a PRIMARY KEY or UNIQUE index gets distinct values in every row, or the dataset
 * is rejected before loading with how many distinct values the generator can make.
 */
class UniquenessTest {

  private static final long SEED = 77;

  private static ColumnGenerator unique(long rows, String type, Gen.Spec spec) {
    return Gen.single(SEED, rows, col("c", type).unique(), spec);
  }

  private static void assertRejected(long rows, String type, Gen.Spec spec, String... messageParts) {
    var thrown = assertThatThrownBy(() -> unique(rows, type, spec)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("dataset table t, column c").hasMessageContaining("fix:");
    for (String part : messageParts) {
      thrown.hasMessageContaining(part);
    }
  }

  private static void assertAllDistinct(List<?> values) {
    assertThat(new HashSet<>(values)).as("distinct values").hasSize(values.size());
  }

  // ---- uniform -----------------------------------------------------------------------------

  @Test
  void uniformWithRangeEqualToRowsIsAPermutationOfTheRange() {
    int rows = 5_000;
    ColumnGenerator g = unique(rows, "integer", spec("uniform").range(1, rows));
    assertThat(g.unique()).isTrue();
    long[] values = Gen.longs(g, rows);
    Arrays.sort(values);
    assertThat(values).isEqualTo(LongStream.rangeClosed(1, rows).toArray());
    // and it is shuffled, not the identity
    long inPlace = 0;
    long[] unsorted = Gen.longs(g, rows);
    for (int i = 0; i < rows; i++) {
      inPlace += unsorted[i] == i + 1 ? 1 : 0;
    }
    assertThat(inPlace).isLessThan(20);
  }

  @Test
  void uniformWithAWideRangeGivesDistinctValuesInRange() {
    int rows = 200_000;
    long[] values = Gen.longs(unique(rows, "bigint", spec("uniform").range(-1_000_000_000L, 1_000_000_000_000L)), rows);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(sorted[0]).isGreaterThanOrEqualTo(-1_000_000_000L);
    assertThat(sorted[rows - 1]).isLessThanOrEqualTo(1_000_000_000_000L);
    for (int i = 1; i < rows; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new AssertionError("repeated value " + sorted[i]);
      }
    }
    // spread over the range, not packed at its start
    assertThat(sorted[rows / 2]).isBetween(400_000_000_000L, 600_000_000_000L);
  }

  @Test
  void uniformDecimalsCountCentsAsDistinctValues() {
    // 0.00 .. 99.00 holds 9,901 cents
    ColumnGenerator g = unique(9_901, "numeric(6,2)", spec("uniform").range(0, 99).scale(2));
    List<CapturingWriter.Value> values = Gen.values(g, 1, 9_901);
    assertAllDistinct(values);
    assertThat(values.stream().map(CapturingWriter.Value::asDecimal).min(BigDecimal::compareTo).orElseThrow())
        .isEqualByComparingTo("0.00");
    assertThat(values.stream().map(CapturingWriter.Value::asDecimal).max(BigDecimal::compareTo).orElseThrow())
        .isEqualByComparingTo("99.00");
    assertRejected(9_902, "numeric(6,2)", spec("uniform").range(0, 99).scale(2), "can yield only 9901 distinct values");
  }

  @Test
  void uniformWithTooSmallARangeIsRejected() {
    assertRejected(101, "integer", spec("uniform").range(0, 99), "can yield only 100 distinct values", "101 rows",
        "widen min..max");
    assertThat(unique(100, "integer", spec("uniform").range(0, 99)).unique()).isTrue();
  }

  @Test
  void uniqueUniformOverMoreThanHalfTheLongRangeIsSeeded() {
    ColumnGenerator g = unique(10_000, "bigint", spec("uniform").range(-5_000_000_000_000_000_000L,
        5_000_000_000_000_000_000L));
    long[] values = Gen.longs(g, 10_000);
    assertThat(Arrays.stream(values).distinct().count()).isEqualTo(10_000);
    assertThat(Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(-5_000_000_000_000_000_000L);
    assertThat(Arrays.stream(values).max().orElseThrow()).isLessThanOrEqualTo(5_000_000_000_000_000_000L);
  }

  @Test
  void uniqueUniformOverTheWholePositiveBigintRangeStaysPositive() {
    long[] values = Gen.longs(unique(10_000, "bigint", spec("uniform").range(1, Long.MAX_VALUE)), 10_000);
    assertThat(Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(1);
    assertThat(Arrays.stream(values).distinct().count()).isEqualTo(10_000);
  }

  // ---- sequence ----------------------------------------------------------------------------

  @Test
  void sequenceIsUniqueButNotWhenValuesRepeat() {
    ColumnGenerator g = unique(1000, "bigint", spec("sequence").min(10));
    assertThat(g.unique()).isTrue();
    assertThat(Gen.longs(g, 1000)).isEqualTo(LongStream.rangeClosed(10, 1009).toArray());
    assertRejected(1000, "bigint", spec("sequence").rowsPerValue(2), "rowsPerValue 2 repeats each value");
  }

  // ---- text --------------------------------------------------------------------------------

  @Test
  void uniqueTextIsDistinctEvenWhenTheSuffixFillsTheWholeValue() {
    // 26^3 rows in three letters: the whole text is the base-26 row number
    int rows = 17_576;
    ColumnGenerator g = unique(rows, "character(3)", spec("text").length(3));
    assertThat(g.unique()).isTrue();
    List<String> texts = Gen.texts(g, rows);
    assertAllDistinct(texts);
    assertThat(texts).allSatisfy(s -> assertThat(s).matches("[a-z]{3}"));
  }

  @Test
  void uniqueTextWithWordsKeepsTheTextShapeAndLengths() {
    int rows = 100_000;
    ColumnGenerator g = unique(rows, "character varying(30)", spec("text").lengths(6, 30));
    List<String> texts = Gen.texts(g, rows);
    assertAllDistinct(texts);
    java.util.regex.Pattern words = java.util.regex.Pattern.compile("[a-z][a-z ]*[a-z]");
    for (String s : texts) {
      if (s.length() < 6 || s.length() > 30 || !words.matcher(s).matches() || s.contains("  ")) {
        throw new AssertionError("not 6-30 characters of lowercase words: '" + s + "'");
      }
    }
  }

  @Test
  void uniqueTextTooShortForTheRowsIsRejected() {
    assertRejected(17_577, "character(3)", spec("text").length(3), "17577 distinct texts need at least 4 characters");
    assertRejected(1_000, "text", spec("text").lengths(1, 10), "need at least 3 characters, but the shortest is 1");
  }

  // ---- timestamp ---------------------------------------------------------------------------

  @Test
  void uniqueTimestampsAreDistinctMicrosecondsInRange() {
    int rows = 100_000;
    String from = "2025-06-01T00:00:00Z";
    String to = "2025-06-01T00:00:01Z"; // 1,000,001 microseconds
    ColumnGenerator g = unique(rows, "timestamp with time zone", spec("timestamp").from(from).to(to));
    assertThat(g.unique()).isTrue();
    long[] values = Gen.longs(g, rows);
    assertThat(Arrays.stream(values).distinct().count()).isEqualTo(rows);
    assertThat(Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(Literal.micros(from));
    assertThat(Arrays.stream(values).max().orElseThrow()).isLessThanOrEqualTo(Literal.micros(to));
  }

  @Test
  void uniqueTimestampsInTooNarrowAWindowAreRejected() {
    assertRejected(1_001, "timestamp with time zone",
        spec("timestamp").from("2025-06-01T00:00:00Z").to("2025-06-01T00:00:00.000999Z"),
        "can yield only 1000 distinct values", "widen from..to");
    // exactly as many microseconds as rows is enough
    long[] all = Gen.longs(unique(1_000, "timestamp with time zone",
        spec("timestamp").from("2025-06-01T00:00:00Z").to("2025-06-01T00:00:00.000999Z")), 1_000);
    assertThat(Arrays.stream(all).distinct().count()).isEqualTo(1_000);
  }

  // ---- choice, constant, boolean, zipfian, json --------------------------------------------

  @Test
  void uniqueChoiceTakesEachValueOnce() {
    ColumnGenerator g = unique(4, "text", spec("choice").values("red", "green", "blue", "cyan"));
    assertThat(g.unique()).isTrue();
    assertThat(Gen.texts(g, 4)).containsExactlyInAnyOrder("red", "green", "blue", "cyan");
    // fewer rows than values: distinct too
    long[] three = Gen.longs(unique(3, "integer", spec("choice").values("1", "2", "3", "4", "5")), 3);
    assertThat(Arrays.stream(three).distinct().count()).isEqualTo(3);
    assertThat(Arrays.stream(three).allMatch(v -> v >= 1 && v <= 5)).isTrue();
  }

  @Test
  void uniqueChoiceWithTooFewValuesIsRejected() {
    assertRejected(4, "text", spec("choice").values("red", "green", "blue"), "can yield only 3 distinct values",
        "list more values");
    assertRejected(2, "text", spec("constant").value("x"), "can yield only 1 distinct values");
    // one row of a constant is fine
    assertThat(Gen.texts(unique(1, "text", spec("constant").value("x")), 1)).containsExactly("x");
  }

  @Test
  void uniqueChoiceCountsValuesAsTheColumnReadsThem() {
    // "1" and "01" are the same integer: only one distinct value
    assertRejected(2, "integer", spec("choice").values("1", "01"), "can yield only 1 distinct values");
  }

  @Test
  void uniqueChoiceWithRepeatedValuesNeverRepeatsAValue() {
    for (long seed = 1; seed <= 20; seed++) {
      ColumnGenerator g = Gen.single(seed, 2, col("c", "text").unique(), spec("choice").values("a", "a", "a", "b"));
      assertThat(Gen.texts(g, 2)).as("seed " + seed).containsExactlyInAnyOrder("a", "b");
    }
  }

  @Test
  void zipfianCannotBeUnique() {
    assertRejected(10, "integer", spec("zipfian").range(1, 1_000_000), "zipfian repeats values by design");
  }

  @Test
  void booleanIsUniqueForAtMostTwoRows() {
    assertRejected(3, "boolean", spec("boolean"), "can yield only 2 distinct values");
    ColumnGenerator two = unique(2, "boolean", spec("boolean"));
    assertThat(two.kind()).isEqualTo(dev.rehearsal.harness.seed.copy.ValueKind.BOOLEAN);
  }

  @Test
  void jsonCannotBeUnique() {
    assertRejected(10, "jsonb", spec("json").template(java.util.Map.of("a", 1)), "json documents are not made unique");
  }

  // ---- pools and uuid ----------------------------------------------------------------------

  @Test
  void uniqueFakerColumnsGetTheRowNumberAppended() {
    int rows = 50_000;
    ColumnGenerator g = unique(rows, "character varying(80)", spec("company").pool(100));
    assertThat(g.unique()).isTrue();
    List<String> texts = Gen.texts(g, rows);
    assertAllDistinct(texts);
    for (int i = 0; i < rows; i++) {
      String t = texts.get(i);
      if (!t.endsWith("-" + (i + 1)) || t.length() > g.maxTextLength()) {
        throw new AssertionError("row " + (i + 1) + ": expected '<company>-" + (i + 1) + "' of at most "
            + g.maxTextLength() + " characters, got " + t);
      }
    }
    Set<String> bases = new HashSet<>();
    texts.forEach(t -> bases.add(t.substring(0, t.lastIndexOf('-'))));
    assertThat(bases.size()).as("the pool values under the suffixes").isBetween(20, 100);
    // the same column without UNIQUE repeats the pool values
    assertThat(new HashSet<>(Gen.texts(Gen.single(SEED, rows, col("c", "text"), spec("company").pool(100)), rows)))
        .hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void uniqueFakerSuffixCountsInTheLengthCheck() {
    // a pool value of up to N characters plus "-" and up to 7 digits must fit the column
    ColumnGenerator g = unique(1_000_000, "text", spec("city").pool(50));
    int longestCity = Gen.texts(Gen.single(SEED, 10, col("c", "text"), spec("city").pool(50)), 5_000).stream()
        .mapToInt(String::length).max().orElseThrow();
    assertThat(g.maxTextLength()).isGreaterThanOrEqualTo(longestCity + 8);
    assertThatThrownBy(() -> unique(1_000_000, "character varying(" + (longestCity + 7) + ")", spec("city").pool(50)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("do not fit character varying");
  }

  @Test
  void emailsAndUuidsAreUniqueByConstruction() {
    assertThat(unique(10_000, "text", spec("email").pool(100)).unique()).isTrue();
    assertAllDistinct(Gen.texts(unique(10_000, "text", spec("email").pool(20)), 10_000));
    assertThat(unique(10_000, "uuid", spec("uuid")).unique()).isTrue();
  }
}
