package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SweepReport.Cell;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  private static Cell cell(int version, long rows, double rate, String verdict) {
    RehearsalReport.Summary s = SummaryFixture.quiet().with("baselineP99Ms", 5).with("peakP99Ms", 2000)
        .with("p99Ratio", 400).with("spikeThresholdMs", 25).with("spikeSeconds", 2)
        .with("blockedSessionSeconds", 20).with("longestWaitMs", 2000).with("longestBlockedWindowMs", 2000)
        .with("maxSessionsBlocked", 10).with("poolTimeouts", 3).with("poolSaturatedSeconds", 2)
        .with("maxPoolWaiting", 100).with("operations", 9000).with("errors", 3)
        .with("healthCheckFailures", SummaryFixture.NULL).with("migrationDurationMs", 2100).build();
    return new Cell(version, rows, rate, verdict, verdict + " headline",
        "pg" + version + "/rows-" + rows + "/rate-" + (long) rate + "/report.json", s, List.of());
  }

  private static SweepReport sweep(List<Cell> cells) {
    return SweepMatrix.of("demo", "naive", START, START.plusSeconds(600), List.of(15, 18),
        List.of(1_000_000L, 10_000_000L), List.of(100.0, 500.0), cells);
  }

  @Test
  void theHeadlineNamesTheSmallestLoadThatFailsOnEachVersion() {
    SweepReport s = sweep(List.of(
        cell(15, 1_000_000, 100, "pass"), cell(15, 1_000_000, 500, "fail"),
        cell(15, 10_000_000, 100, "fail"), cell(15, 10_000_000, 500, "fail"),
        cell(18, 1_000_000, 100, "pass"), cell(18, 1_000_000, 500, "warn"),
        cell(18, 10_000_000, 100, "pass"), cell(18, 10_000_000, 500, "warn")));

    assertThat(s.headline()).isEqualTo("PG 15: fails from 1,000,000 rows at 500 ops/s (1 of 4 cells pass); "
        + "PG 18: warns from 1,000,000 rows at 500 ops/s (2 of 4 cells pass).");
    assertThat(s.differences()).containsExactly(
        "1,000,000 rows at 500 ops/s: PG 15 fail, PG 18 warn",
        "10,000,000 rows at 100 ops/s: PG 15 fail, PG 18 pass",
        "10,000,000 rows at 500 ops/s: PG 15 fail, PG 18 warn");
  }

  @Test
  void theMatrixPageHasACellPerCombinationLinkedToItsReport() {
    SweepReport s = sweep(List.of(cell(18, 1_000_000, 100, "pass"), cell(18, 1_000_000, 500, "fail")));

    String html = SweepHtml.render(s, c -> "pg18/rows-" + c.rows() + "/rate-" + (long) c.rate() + "/report.html");

    assertThat(html).contains("id=\"verdict\">FAILS SOMEWHERE<", "id=\"matrix-pg18\"",
        "<th>100 ops/s</th><th>500 ops/s</th>", "<th>1,000,000</th>",
        "<td class=\"cell fail\"><a href=\"pg18/rows-1000000/rate-500/report.html\">")
        .contains("default-src 'none'").doesNotContain("<script");
    assertThat(s.headline()).isEqualTo("PG 18: fails from 1,000,000 rows at 500 ops/s (1 of 2 cells pass).");
  }

  private static final String ALTER = "ALTER TABLE users ALTER COLUMN id TYPE bigint";

  /** A cell whose one statement held ACCESS EXCLUSIVE 0.2 s + 0.19 µs a row, and ran 10% longer. */
  private static Cell measured(int version, long rows) {
    double holdSeconds = 0.2 + 0.19e-6 * rows;
    Cell plain = cell(version, rows, 100, "fail");
    return new Cell(version, rows, 100, "fail", "fail headline", plain.report(), plain.summary(), List.of(
        new SweepReport.StatementFigures(1, ALTER, "AccessExclusiveLock", holdSeconds * 1.1, holdSeconds, 0)));
  }

  private static SweepReport extrapolated(long targetRows, Cell... cells) {
    return SweepMatrix.of("demo", "naive", START, START.plusSeconds(600), List.of(18), List.of(), List.of(100.0),
        List.of(cells), targetRows);
  }

  @Test
  void eachStatementsFiguresAreCarriedToProductionsSizeWithTheirSpread() {
    SweepReport s = extrapolated(200_000_000L, measured(18, 1_000_000), measured(18, 4_000_000),
        measured(18, 16_000_000));

    SweepReport.Series series = s.extrapolation().series().get(0);
    assertThat(series.refusal()).isNull();
    assertThat(series.rowsMeasured()).containsExactly(1_000_000L, 4_000_000L, 16_000_000L);
    SweepReport.StatementFit statement = series.statements().get(0);
    assertThat(statement.figures()).extracting(SweepReport.FigureFit::figure)
        .containsExactly("durationSeconds", "lockHoldSeconds", "blockedSessionSeconds");
    SweepReport.FigureFit hold = statement.figures().get(1);
    assertThat(hold.model()).isEqualTo("linear");
    assertThat(hold.predicted()).isCloseTo(38.2, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(hold.sentence()).isEqualTo("at 200M rows, statement 1 (" + ALTER + ") would hold ACCESS EXCLUSIVE "
        + "for ~38 s (" + SweepExtrapolation.approx(hold.low()) + "-" + SweepExtrapolation.approx(hold.high())
        + " s from the fit's spread; linear, R² 1.000)");
    assertThat(statement.figures().get(0).sentence()).startsWith("at 200M rows, statement 1 (" + ALTER
        + ") would take ~42 s (");
    // nobody was blocked at any size: no growth to carry, and no number
    assertThat(statement.figures().get(2).predicted()).isNull();
    assertThat(statement.figures().get(2).sentence()).isEqualTo("statement 1 (" + ALTER + "): blocked "
        + "session-seconds not extrapolated to 200M rows: it is the same (0) at every size measured: nothing grows "
        + "with rows to fit");
  }

  @Test
  void eachVersionAndRateIsItsOwnSeriesAndTooFewSizesAreRefused() {
    SweepReport s = extrapolated(200_000_000L, measured(17, 1_000_000), measured(17, 4_000_000),
        measured(18, 1_000_000), measured(18, 4_000_000), measured(18, 16_000_000));

    assertThat(s.extrapolation().series()).extracting(SweepReport.Series::pgVersion).containsExactly(17, 18);
    SweepReport.Series pg17 = s.extrapolation().series().get(0);
    assertThat(pg17.refusal()).startsWith("measured at 2 distinct row counts (1,000,000, 4,000,000)");
    assertThat(pg17.statements().get(0).figures()).allSatisfy(f -> assertThat(f.predicted()).isNull());
    assertThat(s.extrapolation().series().get(1).refusal()).isNull();
    assertThat(extrapolated(10_000_000L, measured(18, 1_000_000), measured(18, 4_000_000), measured(18, 16_000_000))
        .extrapolation().series().get(0).refusal()).contains("that is interpolation, not extrapolation");
    assertThat(sweep(List.of(cell(18, 1, 1, "pass"))).extrapolation()).isNull();
  }

  @Test
  void thePageShowsThePointsTheModelItsQualityAndThePrediction() throws Exception {
    SweepReport s = extrapolated(200_000_000L, measured(18, 1_000_000), measured(18, 4_000_000),
        measured(18, 16_000_000));

    String html = SweepHtml.render(s, c -> "x");

    assertThat(html).contains("<h2 id=\"extrapolation\">Extrapolated to 200,000,000 rows</h2>",
        "id=\"extrapolation-pg18-rate-100\"", "<td class=\"name\">ACCESS EXCLUSIVE held (s)</td>",
        "1,000,000: 0.39, 4,000,000: 0.96, 16,000,000: 3.24", "linear, R² 1.000 (n log n 1.000)",
        "<strong>~38</strong>", "not extrapolated: it is the same (0) at every size measured");
    assertThat(ReportJson.sweepFromJson(ReportJson.toJson(s))).isEqualTo(s);
  }

  @Test
  void aStatementHoldsItsLockThroughTheRestOfItsTransaction() {
    RehearsalReport.Lock users = new RehearsalReport.Lock("users", "AccessExclusiveLock");
    RehearsalReport.StatementResult alter = new RehearsalReport.StatementResult(1, ALTER + "\n  USING id::bigint", 15.0,
        100, null, null, "up", null, "sql", null, null, null, 1, 0, null, null, true,
        List.of(new RehearsalReport.Lock("users", "RowExclusiveLock"), users), List.of(), null, 50.0, null);
    RehearsalReport.StatementResult backfill = new RehearsalReport.StatementResult(2, "UPDATE users SET x = 1", 15.1,
        2_000, null, null, "up", null, "sql", null, null, null, 1, 0, 10L, null, true, List.of(users), List.of(),
        new RehearsalReport.LockWaits(7.5, 2000, 2000, 4, 12, List.of("users"), List.of("RowExclusiveLock")), null,
        null);
    RehearsalReport.StatementResult failed = new RehearsalReport.StatementResult(3, "SELECT 1/0", 17.2, 1, "22012",
        "division by zero");
    ReportFixture fixture = new ReportFixture();
    fixture.statements = List.of(alter, backfill, failed);

    List<SweepReport.StatementFigures> figures = SweepReport.StatementFigures.of(fixture.build());

    assertThat(figures).containsExactly(
        new SweepReport.StatementFigures(1, ALTER, "AccessExclusiveLock", 0.1, 2.05, 0),
        new SweepReport.StatementFigures(2, "UPDATE users SET x = 1", "AccessExclusiveLock", 2.0, 2.0, 7.5));
  }

  @Test
  void namesAreEscapedAndTheJsonRoundTrips() throws Exception {
    SweepReport s = SweepMatrix.of("<script>alert(1)</script>", "<img src=x>", START, START, List.of(18),
        List.of(1L), List.of(1.0), List.of(cell(18, 1, 1, "pass")));

    assertThat(SweepHtml.render(s, c -> "x").toLowerCase()).doesNotContain("<script", "<img");
    assertThat(ReportJson.sweepFromJson(ReportJson.toJson(s))).isEqualTo(s);
  }
}
