package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * 100 waiting passes at 20 ops/s and fails at 150 — on both versions.
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
        "--pg-version", "17,18", "--rows", "10k", "--rate", "20,150", "--out", out.toString());
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
