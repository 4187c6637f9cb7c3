package dev.rehearsal.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.profile.ProfiledSchema.Category;
import dev.rehearsal.harness.profile.ProfiledSchema.Column;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pg_stats to generators, one statistic at a time. */
class ColumnMappingTest {

  static Column column(String type, Category category, boolean notNull) {
    return new Column("c", type, notNull, "", false, null, category, List.of());
  }

  static ColumnStats stats(double nullFrac, int width, double distinct, List<String> mcv, List<Double> freqs,
      List<String> bounds, Double correlation) {
    return new ColumnStats("c", nullFrac, width, distinct, mcv, freqs, bounds, correlation);
  }

  static ColumnMapping.Facts facts(long rows) {
    return new ColumnMapping.Facts(rows, false, null, false);
  }

  @Test
  void negativeDistinctIsAFractionOfTheRowsAndScalesWithThem() {
    ColumnStats s = stats(0, 4, -0.5, List.of(), List.of(), List.of("1", "500", "1000"), 0.0);
    Map<String, Object> spec = ColumnMapping.plan(column("integer", Category.INTEGER, true), s, facts(10_000)).spec();
    assertThat(spec).containsEntry("generator", "histogram").containsEntry("distinct", 5_000L)
        .containsEntry("bounds", List.of("1", "500", "1000")).doesNotContainKey("ordered");
    Map<String, Object> scaled = ColumnMapping.plan(column("integer", Category.INTEGER, true), s, facts(1_000)).spec();
    assertThat(scaled).containsEntry("distinct", 500L);
    // positive: a count that does not grow with the table
    ColumnStats fixed = stats(0, 4, 300, List.of(), List.of(), List.of("1", "1000"), 0.0);
    assertThat(ColumnMapping.plan(column("integer", Category.INTEGER, true), fixed, facts(1_000_000)).spec())
        .containsEntry("distinct", 300L);
  }

  @Test
  void commonValuesAndHistogramMixWithSharesOfTheNonNullRows() {
    ColumnStats s = stats(0.2, 4, 1000, List.of("7", "3"), List.of(0.4, 0.2), List.of("10", "20", "90"), 0.1);
    Map<String, Object> spec = ColumnMapping.plan(column("bigint", Category.INTEGER, false), s, facts(100_000)).spec();
    assertThat(spec).containsEntry("generator", "histogram").containsEntry("values", List.of("7", "3"))
        .containsEntry("weights", List.of(0.5, 0.25)).containsEntry("distinct", 998L)
        .containsEntry("nullFraction", 0.2);
  }

  @Test
  void commonValuesCoveringEveryRowAreExactSharesWithoutOtherValues() {
    ColumnStats s = stats(0, 3, 3, List.of("b", "a", "c"), List.of(0.5, 0.3, 0.2), List.of(), 0.3);
    Map<String, Object> spec = ColumnMapping.plan(column("text", Category.TEXT, true), s, facts(1_000)).spec();
    assertThat(spec).containsEntry("generator", "histogram").doesNotContainKey("distinct")
        .containsEntry("weights", List.of(0.5, 0.3, 0.2));
  }

  @Test
  void correlationNearOneLaysValuesOutInRowOrder() {
    ColumnStats ordered = stats(0, 8, -1, List.of(), List.of(), List.of("2025-01-01 00:00:00+00",
        "2025-06-01 12:30:00+00"), 0.98);
    Map<String, Object> spec = ColumnMapping.plan(column("timestamp with time zone", Category.TIMESTAMP, true),
        ordered, facts(1_000)).spec();
    assertThat(spec).containsEntry("ordered", true)
        .containsEntry("bounds", List.of("2025-01-01T00:00:00Z", "2025-06-01T12:30:00Z"));
    // a unique integer key in row order is a sequence from its lowest value; scattered, a permutation
    ColumnStats key = stats(0, 8, -1, List.of(), List.of(), List.of("100", "5000"), 0.99);
    ColumnMapping.Facts unique = new ColumnMapping.Facts(1_000, true, null, false);
    assertThat(ColumnMapping.plan(column("bigint", Category.INTEGER, true), key, unique).spec())
        .containsEntry("generator", "sequence").containsEntry("min", 100L);
    ColumnStats scattered = stats(0, 8, -1, List.of(), List.of(), List.of("100", "5000"), 0.01);
    assertThat(ColumnMapping.plan(column("bigint", Category.INTEGER, true), scattered, unique).spec())
        .containsEntry("generator", "uniform").containsEntry("min", 100L).containsEntry("max", 5000L);
  }

  @Test
  void nullsAndAlwaysNull() {
    ColumnStats half = stats(0.5, 10, -0.5, List.of(), List.of(), List.of(), 0.0);
    assertThat(ColumnMapping.plan(column("text", Category.TEXT, false), half, facts(1_000)).spec())
        .containsEntry("nullFraction", 0.5);
    ColumnStats all = stats(1.0, 0, 0, List.of(), List.of(), List.of(), null);
    assertThat(ColumnMapping.plan(column("text", Category.TEXT, false), all, facts(1_000)).spec())
        .containsEntry("generator", "constant").containsEntry("nullFraction", 1.0);
  }

  @Test
  void textLengthsFollowTheAverageWidthOfTheOtherValues() {
    // avg_width 21 bytes = 20 characters and a 1-byte header; no common values
    ColumnStats s = stats(0, 21, -0.9, List.of(), List.of(), List.of(), 0.0);
    Map<String, Object> spec = ColumnMapping.plan(column("text", Category.TEXT, true), s, facts(1_000)).spec();
    assertThat(spec).containsEntry("minLength", 10).containsEntry("maxLength", 30);
    // varchar(12) caps them
    Map<String, Object> capped = ColumnMapping.plan(column("character varying(12)", Category.TEXT, true), s,
        facts(1_000)).spec();
    assertThat((Integer) capped.get("maxLength")).isLessThanOrEqualTo(12);
  }

  @Test
  void aForeignKeyIsClampedToItsParentsKeysOrReferencesItWithTheMeasuredSkew() {
    ColumnStats s = stats(0, 8, 900, List.of("1", "2", "5000"), List.of(0.1, 0.05, 0.01), List.of("0", "400", "999"),
        0.0);
    ColumnMapping.Facts child = new ColumnMapping.Facts(10_000, false,
        new ColumnMapping.Parent("customers", 1_000, 1L, 1_000L), false);
    Map<String, Object> spec = ColumnMapping.plan(column("bigint", Category.INTEGER, true), s, child).spec();
    // 5000 is no seeded customer: its share goes to one that is (the fan-out, not the key, is what the statistics say)
    assertThat(spec).containsEntry("generator", "histogram").containsEntry("values", List.of("1", "2", "1000"))
        .containsEntry("weights", List.of(0.1, 0.05, 0.01)).containsEntry("bounds", List.of("1", "400", "999"));
    ColumnMapping.Facts gaps = new ColumnMapping.Facts(10_000, false,
        new ColumnMapping.Parent("customers", 1_000, null, null), false);
    Map<String, Object> reference = ColumnMapping.plan(column("bigint", Category.INTEGER, true), s, gaps).spec();
    assertThat(reference).containsEntry("generator", "reference").containsEntry("table", "customers");
    assertThat((Double) reference.get("skew")).isGreaterThan(0.5);
  }

  @Test
  void hotParentsBelowTheSampledRangeKeepTheirShareOnSeededKeys() {
    // at scale: customers' keys 1..200,000, but ANALYZE's sample starts at 5, so the parent is seeded 5..200,004;
    // the hottest customers are 1, 2, 3 and 5
    ColumnStats s = stats(0, 8, 60_000, List.of("1", "2", "5", "3"), List.of(0.017, 0.004, 0.003, 0.0025),
        List.of("4", "90000", "199990"), 0.0);
    ColumnMapping.Facts child = new ColumnMapping.Facts(1_200_000, false,
        new ColumnMapping.Parent("customers", 200_000, 5L, 200_004L), false);
    Map<String, Object> spec = ColumnMapping.plan(column("bigint", Category.INTEGER, true), s, child).spec();
    assertThat(spec).containsEntry("values", List.of("6", "7", "5", "8"))
        .containsEntry("weights", List.of(0.017, 0.004, 0.003, 0.0025));
  }

  @Test
  void theZipfSkewOfAMeasuredTopShare() {
    assertThat(ZipfFit.skew(1_000, 0)).isZero();
    double s = ZipfFit.skew(1_000, 0.2);
    assertThat(1 / ZipfFit.harmonic(1_000, s)).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void noTextValueOfTheSourceWithoutKeepValues() {
    List<String> secrets = List.of("alice@example.com", "Bob Smith", "");
    ColumnStats s = stats(0, 12, 1000, secrets, List.of(0.3, 0.2, 0.1), List.of("aaa", "zzz"), 0.0);
    ColumnPlan plan = ColumnMapping.plan(column("text", Category.TEXT, true), s, facts(10_000));
    String written = plan.spec().toString() + plan.commonValues();
    for (String secret : List.of("alice@example.com", "Bob Smith", "aaa", "zzz")) {
      assertThat(written).doesNotContain(secret);
    }
    @SuppressWarnings("unchecked")
    List<String> values = (List<String>) plan.spec().get("values");
    assertThat(values).extracting(String::length).containsExactly(17, 9, 2); // same lengths (the empty one: 2)
    ColumnPlan kept = ColumnMapping.plan(column("text", Category.TEXT, true), s,
        new ColumnMapping.Facts(10_000, false, null, true));
    assertThat(kept.spec().get("values")).isEqualTo(secrets);
    // documents and other types: nothing without --keep-values
    ColumnStats doc = stats(0, 30, 2, List.of("{\"ssn\": \"123\"}", "{}"), List.of(0.5, 0.5), List.of(), 0.0);
    assertThat(ColumnMapping.plan(column("jsonb", Category.JSON, true), doc, facts(100)).spec()).isNull();
  }

  @Test
  void standInsFitAShortColumn() {
    List<String> codes = List.of("A", "B", "C");
    ColumnStats s = stats(0, 2, 3, codes, List.of(0.5, 0.3, 0.2), List.of(), 0.0);
    @SuppressWarnings("unchecked")
    List<String> values = (List<String>) ColumnMapping.plan(column("character varying(1)", Category.TEXT, true), s,
        facts(100)).spec().get("values");
    assertThat(values).containsExactly("A", "B", "C"); // by index in upper case: 0 is A, not the source's A by chance
    List<String> longer = SyntheticText.commonValues(List.of("xy", "zz"), false, 2);
    assertThat(longer).containsExactly("ma", "mb");
    assertThat(SyntheticText.commonValues(List.of("x", "y"), false, 1)).containsExactly("A", "B");
  }

  @Test
  void arraysOfAnyTypeAsPostgresPrintsThem() {
    assertThat(PgArrays.parse("{a,\"b c\",NULL,\"NULL\",\"x\\\\\\\"y\"}"))
        .containsExactly("a", "b c", null, "NULL", "x\\\"y");
    assertThat(PgArrays.parse("{}")).isEmpty();
    assertThat(ColumnMapping.instant("2025-01-01 10:00:00.5+00")).isEqualTo("2025-01-01T10:00:00.5Z");
    assertThat(ColumnMapping.instant("2025-01-01 10:00:00")).isEqualTo("2025-01-01T10:00:00Z");
  }
}
