package dev.rehearsal.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.profile.FidelityCheck.Row;
import dev.rehearsal.harness.profile.FidelityCheck.TableFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fidelity table from both sides' statistics, without a database. */
class FidelityCheckTest {

  static ColumnStats stats(String column, double distinct, List<Double> freqs, Double correlation) {
    return new ColumnStats(column, 0.1, 8, distinct, List.of(), freqs, List.of(), correlation);
  }

  static TableFacts table(double rows, ColumnStats... columns) {
    Map<String, ColumnStats> stats = new LinkedHashMap<>();
    for (ColumnStats c : columns) {
      stats.put(c.column(), c);
    }
    return new TableFacts(rows, stats, Set.of("CREATE UNIQUE INDEX t_pkey ON t (id)"), Set.of("t_pkey PRIMARY KEY (id)"));
  }

  static Row row(List<Row> rows, String table, String column, String figure) {
    return rows.stream().filter(r -> r.table().equals(table) && r.column().equals(column)
        && r.figure().startsWith(figure)).findFirst().orElseThrow(() -> new AssertionError(table + "." + column
        + " " + figure + " not in " + rows));
  }

  @Test
  void aFaithfulCopyPassesWithExitZero() {
    TableFacts t = table(10_000, stats("id", -1, List.of(), 1.0), stats("kind", 3, List.of(0.5, 0.3, 0.1), 0.02));
    List<Row> rows = FidelityCheck.compare(Map.of("t", t), Map.of("t", t), 1.0);
    assertThat(rows).allMatch(Row::ok);
    assertThat(FidelityCheck.exitCode(rows)).isZero();
    assertThat(FidelityCheck.table(rows)).endsWith("every figure within its threshold\n");
  }

  @Test
  void aFigureOutsideItsThresholdIsAFailingRowAndExitOne() {
    TableFacts source = table(10_000, stats("kind", 3, List.of(0.5, 0.3, 0.1), null));
    TableFacts copy = table(10_000, stats("kind", 3, List.of(0.7, 0.2, 0.1), null)); // 0.7 is 40 % off 0.5
    List<Row> rows = FidelityCheck.compare(Map.of("t", source), Map.of("t", copy), 1.0);
    assertThat(row(rows, "t", "kind", "mcv freq #1")).satisfies(r -> {
      assertThat(r.ok()).isFalse();
      assertThat(r.source()).isEqualTo("0.500");
      assertThat(r.copy()).isEqualTo("0.700");
    });
    assertThat(row(rows, "t", "kind", "mcv freq #3").ok()).isTrue();
    assertThat(FidelityCheck.exitCode(rows)).isEqualTo(1);
    String printed = FidelityCheck.table(rows);
    assertThat(printed).contains("NO").contains("2 of " + rows.size() + " figures outside their thresholds");
  }

  @Test
  void aSmallFrequencyOfASampledTableIsComparedWithinItsSamplingNoise() {
    // 1.2M rows: ANALYZE saw 30,000; 0.0020 against 0.0016 is 20 % off but within three standard errors
    TableFacts source = table(1_200_000, stats("score", 1000, List.of(0.0020, 0.017), null));
    TableFacts copy = table(1_200_000, stats("score", 1000, List.of(0.0016, 0.0130), null));
    List<Row> rows = FidelityCheck.compare(Map.of("t", source), Map.of("t", copy), 1.0);
    assertThat(row(rows, "t", "score", "mcv freq #1").ok()).isTrue();
    assertThat(row(rows, "t", "score", "mcv freq #2").ok()).as("1.7 %% against 1.3 %%: beyond the noise").isFalse();
    // the same figures on a table ANALYZE read whole are exact: 20 % it is
    TableFacts small = table(20_000, stats("score", 1000, List.of(0.0020), null));
    TableFacts smallCopy = table(20_000, stats("score", 1000, List.of(0.0015), null));
    assertThat(row(FidelityCheck.compare(Map.of("t", small), Map.of("t", smallCopy), 1.0), "t", "score",
        "mcv freq #1").ok()).isFalse();
    assertThat(FidelityCheck.samplingNoise(0.002, 1_200_000, 0.002, 1_200_000))
        .isCloseTo(1.09e-3, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(FidelityCheck.samplingNoise(0.002, 20_000, 0.002, 20_000)).isZero();
  }

  @Test
  void tablesOfEitherSideAreComparedAndOneMissingOnASideFails() {
    TableFacts t = table(100, stats("id", -1, List.of(), 1.0));
    Map<String, TableFacts> source = new LinkedHashMap<>();
    source.put("a", t);
    source.put("only_source", t);
    Map<String, TableFacts> copy = new LinkedHashMap<>();
    copy.put("a", t);
    copy.put("only_copy", t);
    List<Row> rows = FidelityCheck.compare(source, copy, 1.0);
    assertThat(rows).extracting(Row::table).containsOnly("a", "only_source", "only_copy");
    assertThat(row(rows, "only_source", "", "table")).isEqualTo(new Row("only_source", "", "table", "present",
        "missing", false));
    assertThat(row(rows, "only_copy", "", "table")).isEqualTo(new Row("only_copy", "", "table", "missing",
        "present", false));
    assertThat(rows.stream().filter(r -> r.table().equals("a"))).allMatch(Row::ok);
    assertThat(FidelityCheck.exitCode(rows)).isEqualTo(1);
  }

  @Test
  void aSourceTableNeverAnalyzedIsNotProfiledAndDoesNotFail() {
    TableFacts neverAnalyzed = new TableFacts(-1, Map.of(), Set.of(), Set.of());
    TableFacts seededEmpty = new TableFacts(0, Map.of("id", stats("id", 0, List.of(), null)), Set.of(), Set.of());
    List<Row> rows = FidelityCheck.compare(Map.of("untouched", neverAnalyzed), Map.of("untouched", seededEmpty), 1.0);
    assertThat(rows.get(0)).isEqualTo(new Row("untouched", "", "not profiled", "never analyzed", "0.000", true));
    assertThat(rows).extracting(Row::figure).containsExactly("not profiled", "indexes", "constraints");
    assertThat(FidelityCheck.exitCode(rows)).isZero();
    assertThat(FidelityCheck.table(rows)).contains("untouched").contains("never analyzed")
        .endsWith("every figure within its threshold (1 tables not profiled: never analyzed on the source)\n");
    // its definitions are still compared
    TableFacts indexed = new TableFacts(-1, Map.of(), Set.of("CREATE INDEX i ON untouched (id)"), Set.of());
    assertThat(FidelityCheck.exitCode(FidelityCheck.compare(Map.of("untouched", indexed),
        Map.of("untouched", seededEmpty), 1.0))).isEqualTo(1);
  }

  @Test
  void aScaledCopyIsComparedWithTheSourceTimesTheScale() {
    ColumnStats fraction = stats("email", -1, List.of(), null); // unique: a share of the rows
    ColumnStats share = stats("note", -0.2, List.of(), null);
    ColumnStats absolute = stats("country", 14, List.of(), null); // does not grow with the rows
    TableFacts source = table(10_000, fraction, share, absolute);
    TableFacts copy = table(1_000, stats("email", -1, List.of(), null), stats("note", 200, List.of(), null),
        stats("country", 14, List.of(), null));
    List<Row> rows = FidelityCheck.compare(Map.of("t", source), Map.of("t", copy), 0.1);
    assertThat(row(rows, "t", "", "rows")).isEqualTo(new Row("t", "", "rows (x0.1)", "1,000", "1,000", true));
    assertThat(row(rows, "t", "note", "n_distinct")).isEqualTo(new Row("t", "note", "n_distinct", "200", "200", true));
    assertThat(row(rows, "t", "country", "n_distinct").source()).isEqualTo("14.000");
    assertThat(rows).allMatch(Row::ok);
    // unscaled, the same copy fails: 1,000 rows of 10,000, and 200 distinct notes of 2,000
    List<Row> unscaled = FidelityCheck.compare(Map.of("t", source), Map.of("t", copy), 1.0);
    assertThat(row(unscaled, "t", "", "rows").ok()).isFalse();
    assertThat(row(unscaled, "t", "note", "n_distinct").ok()).isFalse();
    assertThat(row(unscaled, "t", "country", "n_distinct").ok()).isTrue();
  }

  @Test
  void correlationSignAndBucketEqualExceptBothBelowTheNoiseFloor() {
    // both below 0.1: "none", whatever the signs (a shuffled column's sign is noise)
    assertThat(FidelityCheck.sameCorrelation(0.03, -0.05)).isTrue();
    assertThat(FidelityCheck.sameCorrelation(-0.099, 0.099)).isTrue();
    // otherwise the sign counts, below 0.5 as well
    assertThat(FidelityCheck.sameCorrelation(0.3, -0.3)).isFalse();
    assertThat(FidelityCheck.sameCorrelation(0.2, -0.05)).isFalse();
    assertThat(FidelityCheck.sameCorrelation(0.2, 0.05)).isTrue();
    assertThat(FidelityCheck.sameCorrelation(-0.3, -0.12)).isTrue();
    // and the bucket
    assertThat(FidelityCheck.sameCorrelation(0.9, 0.3)).isFalse();
    assertThat(FidelityCheck.sameCorrelation(0.9, 0.5)).isTrue();
    assertThat(FidelityCheck.sameCorrelation(-0.9, 0.9)).isFalse();
    assertThat(FidelityCheck.sameCorrelation(-0.8, -0.6)).isTrue();
    // as a row
    List<Row> rows = FidelityCheck.compare(Map.of("t", table(100, stats("c", -1, List.of(), 0.3))),
        Map.of("t", table(100, stats("c", -1, List.of(), -0.3))), 1.0);
    assertThat(row(rows, "t", "c", "correlation").ok()).isFalse();
  }
}
