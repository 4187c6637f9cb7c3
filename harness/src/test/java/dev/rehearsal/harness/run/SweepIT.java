package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.cli.CapturedRun;
import dev.rehearsal.harness.cli.RehearseCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse sweep} on two PostgreSQL versions and two rates: the ALTER stalls requests for
 * ~2 s behind a report query, so about twice the rate of them wait for the pool, and a budget of
 * 100 waiting passes at 20 ops/s and fails at 150 — on both versions. Then the PostgreSQL 18 half
 * fanned out as CI would: {@code --plan}, each cell in a process of its own, {@code merge}. Both
 * ask for {@code --extrapolate-to} from one size, which is refused: the fit itself is
 * ScalingFitTest's, from synthetic sizes, as a sweep of three sizes would cost three seedings here.
 */
class SweepIT {

  @TempDir
  static Path out;
  static int exitCode;
  static JsonNode sweep;

  @BeforeAll
  static void sweep() throws Exception {
    Path scenario = Path.of(SweepIT.class.getResource("/scenarios/sweep-test.yaml").toURI());
    exitCode = RehearseCommand.execute("sweep", scenario.toString(), "--postgres", "embedded", "--no-seed-cache",
        "--pg-version", "17,18", "--rows", "10k", "--rate", "20,150", "--extrapolate-to", "1M", "--out",
        out.toString());
    sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
  }

  @Test
  void everyCombinationIsRehearsedOnItsOwnVersion() throws Exception {
    assertThat(exitCode).isZero();
    List<String> cells = new ArrayList<>();
    for (JsonNode cell : sweep.get("cells")) {
      cells.add(cell.get("pgVersion").asInt() + "/" + cell.get("rows").asLong() + "/" + cell.get("rate").asInt());
      JsonNode report = new ObjectMapper().readTree(out.resolve(cell.get("report").asText()).toFile());
      assertThat(report.at("/server/version").asText()).startsWith(cell.get("pgVersion").asText() + ".");
      assertThat(report.at("/timeline/3/targetOperations").asDouble()).isEqualTo(cell.get("rate").asDouble());
    }
    assertThat(cells).containsExactly("17/10000/20", "17/10000/150", "18/10000/20", "18/10000/150");
  }

  @Test
  void planCellsInTheirOwnProcessesAndMergeGiveTheSingleMachinesMatrix(@TempDir Path work) throws Exception {
    Path scenario = Path.of(SweepIT.class.getResource("/scenarios/sweep-test.yaml").toURI());
    List<String> options = List.of("--postgres", "embedded", "--no-seed-cache", "--pg-version", "18", "--rows", "10k",
        "--rate", "20,150", "--extrapolate-to", "1M");
    List<String> plan = new ArrayList<>(List.of("sweep", scenario.toString()));
    plan.addAll(options);
    plan.add("--plan");
    CapturedRun planned = CapturedRun.of(plan.toArray(String[]::new));
    assertThat(planned.exit()).as(planned.stderr()).isZero();
    JsonNode matrix = new ObjectMapper().readTree(planned.stdout());
    List<String> ids = new ArrayList<>();
    matrix.get("cell").forEach(c -> ids.add(c.asText()));
    assertThat(ids).containsExactly("pg18-rows-10000-rate-20", "pg18-rows-10000-rate-150");

    // each cell on its "runner": a process of its own, as a CI matrix job would run it, both at once
    List<Process> runners = new ArrayList<>();
    for (String id : ids) {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", Path.of("target", "rehearse.jar").toAbsolutePath().toString(), "sweep", scenario.toString()));
      command.addAll(options);
      command.addAll(List.of("--cell", id, "--out", work.resolve("artifacts").resolve(id).toString()));
      runners.add(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(work.resolve(id + ".log").toFile()).start());
    }
    for (int i = 0; i < runners.size(); i++) {
      assertThat(runners.get(i).waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      assertThat(runners.get(i).exitValue()).as(Files.readString(work.resolve(ids.get(i) + ".log"))).isZero();
    }
    Path merged = work.resolve("merged");
    assertThat(RehearseCommand.execute("merge", work.resolve("artifacts").toString(), "--out", merged.toString()))
        .isZero();

    JsonNode fanned = new ObjectMapper().readTree(merged.resolve("sweep.json").toFile());
    List<String> single = new ArrayList<>();
    sweep.get("cells").forEach(c -> {
      if (c.get("pgVersion").asInt() == 18) {
        single.add(c.get("rows").asLong() + "/" + c.get("rate").asInt() + " " + c.get("verdict").asText() + " "
            + c.get("report").asText());
      }
    });
    List<String> cells = new ArrayList<>();
    fanned.get("cells").forEach(c -> cells.add(c.get("rows").asLong() + "/" + c.get("rate").asInt() + " "
        + c.get("verdict").asText() + " " + c.get("report").asText()));
    assertThat(cells).isEqualTo(single);
    // the cells' --extrapolate-to reached the merge through their manifests
    assertThat(fanned.at("/extrapolation/series/0/refusal").asText()).startsWith("measured at 1 distinct row count");
    assertThat(fanned.get("headline").asText()).isEqualTo("PG 18: fails from 10,000 rows at 150 ops/s (1 of 2 cells "
        + "pass).");
    // the matrix links to the cells' own reports, copied where a single machine writes them
    assertThat(Files.readString(merged.resolve("sweep.html"))).contains("href=\"pg18/rows-10000/rate-150/report.html\"");
    assertThat(merged.resolve("pg18/rows-10000/rate-150/report.html")).isRegularFile();
    assertThat(merged.resolve("pg18/rows-10000/rate-20/report.json")).isRegularFile();
  }

  @Test
  void oneSizeIsNotExtrapolatedButEachStatementsFiguresAreThereToFit() {
    JsonNode extrapolation = sweep.get("extrapolation");
    assertThat(extrapolation.get("targetRows").asLong()).isEqualTo(1_000_000L);
    assertThat(extrapolation.get("series")).hasSize(4);
    extrapolation.get("series").forEach(series -> {
      assertThat(series.get("refusal").asText()).isEqualTo("measured at 1 distinct row count (10,000); a fit needs at "
          + "least 3, or any line fits exactly: sweep at least 3 sizes, e.g. --rows 1M,4M,16M");
      series.at("/statements/0/figures").forEach(f -> assertThat(f.get("predicted").isNull()).isTrue());
    });
    // the ALTER's figures, from the cell's own report: it held ACCESS EXCLUSIVE, and kept the application waiting
    JsonNode alter = sweep.at("/cells/1/statements/0");
    assertThat(alter.get("lock").asText()).isEqualTo("AccessExclusiveLock");
    assertThat(alter.get("lockHoldSeconds").isNumber()).isTrue();
    assertThat(alter.get("blockedSessionSeconds").asDouble()).isPositive();
  }

  @Test
  void theMatrixShowsWhereTheBudgetStartsToFail() throws Exception {
    List<String> verdicts = new ArrayList<>();
    sweep.get("cells").forEach(c -> verdicts.add(c.get("verdict").asText()));
    assertThat(verdicts).containsExactly("pass", "fail", "pass", "fail");
    assertThat(sweep.get("headline").asText()).isEqualTo("PG 17: fails from 10,000 rows at 150 ops/s (1 of 2 cells "
        + "pass); PG 18: fails from 10,000 rows at 150 ops/s (1 of 2 cells pass).");
    assertThat(sweep.get("differences")).isEmpty();
    String html = Files.readString(out.resolve("sweep.html"));
    assertThat(html).contains("id=\"matrix-pg17\"", "id=\"matrix-pg18\"", "href=\"pg18/rows-10000/rate-150/report.html\"",
        "id=\"verdict\">FAILS SOMEWHERE<");
  }
}
