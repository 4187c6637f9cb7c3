package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.run.CellManifest;
import dev.rehearsal.harness.run.FanOut;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.ReportJson;
import dev.rehearsal.report.SummaryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep fanned out over three runners, one size each, then {@code rehearse merge}: only the
 * merge sees every size, so it fits the statements and carries them to the size the cells were
 * planned with, or to its own {@code --extrapolate-to}. No server: the cells' reports are made here.
 */
class MergeExtrapolationTest {

  private static final String ALTER = "ALTER TABLE users ALTER COLUMN id TYPE bigint";
  private static final List<Long> SIZES = List.of(1_000_000L, 4_000_000L, 16_000_000L);

  @TempDir
  Path dir;

  /** A finished cell whose ALTER held ACCESS EXCLUSIVE 0.2 s + 0.19 µs a row. */
  private static RehearsalReport report(long rows) {
    double holdMs = (0.2 + 0.19e-6 * rows) * 1000;
    StatementResult alter = new StatementResult(1, ALTER, 10.0, holdMs, null, null, "up", null, "sql", null, null,
        null, 1, 0, null, null, true, List.of(new Lock("users", "AccessExclusiveLock")), List.of(), null, null, null);
    return new RehearsalReport(RehearsalReport.SCHEMA_VERSION, "demo", "naive",
        Instant.parse("2026-01-10T02:00:00Z"), Instant.parse("2026-01-10T02:01:00Z"), true,
        new RehearsalReport.ServerInfo("embedded", "18.6", Map.of()), List.of(), null, null, List.of(),
        List.of(alter), SummaryFixture.quiet().with("healthCheckFailures", SummaryFixture.NULL).build(), null,
        List.of(), new RehearsalReport.Verdict("pass", "pass"), List.of(), null);
  }

  /** The three runners' outputs, as `sweep --cell ID --out artifacts/ID --extrapolate-to 200M` leaves them. */
  private Path artifacts(Long extrapolateToRows) throws Exception {
    List<String> ids = SIZES.stream().map(n -> "pg18-rows-" + n + "-rate-100").toList();
    for (long rows : SIZES) {
      String id = "pg18-rows-" + rows + "-rate-100";
      String cellDir = "pg18/rows-" + rows + "/rate-100";
      Path out = dir.resolve("artifacts").resolve(id);
      ReportJson.write(report(rows), Files.createDirectories(out.resolve(cellDir)).resolve("report.json"));
      CellManifest manifest = new CellManifest(1, "sweep", "demo", "naive", List.of(18), SIZES, List.of(100.0), ids,
          id, cellDir, 18, rows, 100.0, extrapolateToRows);
      new ObjectMapper().writeValue(out.resolve(FanOut.MANIFEST).toFile(), manifest);
    }
    return dir.resolve("artifacts");
  }

  @Test
  void theMergeCarriesTheStatementsToTheSizeTheCellsWerePlannedWith() throws Exception {
    CapturedRun merged = CapturedRun.of("merge", artifacts(200_000_000L).toString(), "--out",
        dir.resolve("merged").toString());

    assertThat(merged.exit()).as(merged.stderr()).isZero();
    assertThat(merged.stdout()).contains("Extrapolation to 200,000,000 rows (PG 18, 100 ops/s, measured at 1,000,000, "
        + "4,000,000, 16,000,000 rows):\n  at 200M rows, statement 1 (" + ALTER + ") would take ~38 s (");
    assertThat(merged.stdout()).contains("  at 200M rows, statement 1 (" + ALTER + ") would hold ACCESS EXCLUSIVE "
        + "for ~38 s (");
    JsonNode sweep = new ObjectMapper().readTree(dir.resolve("merged/sweep.json").toFile());
    assertThat(sweep.at("/extrapolation/targetRows").asLong()).isEqualTo(200_000_000L);
    assertThat(sweep.at("/extrapolation/series/0/statements/0/figures/1/predicted").asDouble()).isEqualTo(38.2,
        org.assertj.core.api.Assertions.within(1e-6));
    assertThat(Files.readString(dir.resolve("merged/sweep.html"))).contains("id=\"extrapolation-pg18-rate-100\"");
  }

  @Test
  void mergesOwnExtrapolateToWinsAndCellsWithoutOneAreNotExtrapolated() throws Exception {
    Path artifacts = artifacts(null);
    CapturedRun plain = CapturedRun.of("merge", artifacts.toString(), "--out", dir.resolve("plain").toString());
    assertThat(plain.exit()).isZero();
    assertThat(plain.stdout()).doesNotContain("Extrapolation");
    assertThat(new ObjectMapper().readTree(dir.resolve("plain/sweep.json").toFile()).get("extrapolation").isNull())
        .isTrue();

    CapturedRun asked = CapturedRun.of("merge", artifacts.toString(), "--out", dir.resolve("asked").toString(),
        "--extrapolate-to", "8M");
    assertThat(asked.exit()).isZero();
    assertThat(asked.stdout()).contains("Extrapolation to 8,000,000 rows: not made: 8,000,000 rows is not above the "
        + "largest size measured (16,000,000 rows): that is interpolation, not extrapolation");
    assertThat(asked.stdout()).doesNotContain("would hold");
  }
}
