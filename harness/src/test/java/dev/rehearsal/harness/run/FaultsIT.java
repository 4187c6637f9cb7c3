package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.PostgresProcesses;
import dev.rehearsal.harness.cli.RehearseCommand;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while a migration runs: the rehearsal reports them as findings and leaves nothing
 * behind. Connections terminated, a deadlock with the migration and a starved pool are
 * injected by the workload itself (faults.yaml); the server's postmaster is killed from outside
 * (the rehearsal's own server only, found by its marks).
 */
class FaultsIT {

  @TempDir
  Path dir;

  @Test
  void terminatedConnectionsADeadlockAndAStarvedPoolAreFindings() throws Exception {
    Path scenario = Path.of("src", "test", "resources", "scenarios", "faults.yaml");
    int exit = RehearseCommand.execute("run", scenario.toString(), "--postgres", "embedded", "--no-seed-cache",
        "--out", dir.toString());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());

    assertThat(exit).isIn(0, 1);
    assertThat(report.get("complete").asBoolean()).isTrue();
    // pg_terminate_backend on the application's connections: counted, the pool replaced them
    assertThat(report.at("/summary/errorsByClass/connection").asLong()).isPositive();
    // the pool of 3 behind blocked sessions
    assertThat(report.at("/summary/poolTimeouts").asLong()).isPositive();
    // the deadlock: either the migration's transaction or the workload's swap was the victim
    long deadlockedOperations = report.at("/summary/errorsByClass/deadlock").asLong(0);
    boolean migrationDeadlocked = false;
    for (JsonNode s : report.get("statements")) {
      migrationDeadlocked |= "40P01".equals(s.path("sqlState").asText());
    }
    assertThat(migrationDeadlocked || deadlockedOperations > 0).as("a deadlock was detected").isTrue();
    // acknowledged writes survive connection kills (writes cut off mid-flight are excused as in doubt)
    assertThat(report.at("/summary/lostWrites").asLong()).isZero();
  }

  @Test
  void aServerRefusingConnectionsBeforeTheLoadLeavesAReportThatSaysSo() throws Exception {
    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of())) {
      try (Connection c = ScratchDatabase.connect(server.adminTarget(), "faults-it");
          Statement st = c.createStatement()) {
        // a role the server lets open two sessions: the rehearsal needs more before its load starts
        st.execute("CREATE ROLE limited LOGIN CREATEDB CONNECTION LIMIT 2");
      }
      String url = server.adminTarget().jdbcUrl() + "?user=limited";
      Path scenario = Path.of("src", "test", "resources", "scenarios", "faults.yaml");
      int exit = RehearseCommand.execute("run", scenario.toString(), "--postgres", url, "--streams", "4",
          "--out", dir.toString());

      assertThat(exit).isEqualTo(3);
      JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
      assertThat(report.get("complete").asBoolean()).isFalse();
      assertThat(report.get("failure").asText()).startsWith("the rehearsal failed before the load started (")
          .contains("too many connections").endsWith("nothing measured");
      assertThat(dir.resolve("report.html")).isNotEmptyFile();
      try (Connection c = ScratchDatabase.connect(server.adminTarget(), "faults-it");
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'rehearsal%'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("scratch databases left").isZero();
      }
    }
  }

  @Test
  void thePostmasterKilledMidMigrationLeavesAnIncompleteReportAndNoProcess() throws Exception {
    Path log = dir.resolve("stderr.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "rehearse.jar").toString(), "run",
        Path.of("src", "test", "resources", "scenarios", "stop-test.yaml").toString(), "--postgres", "embedded",
        "--no-seed-cache", "--out", dir.resolve("out").toString()));
    Process rehearse = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.readString(log).contains("up statement 1 (step 1) done") && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    TimeUnit.SECONDS.sleep(1);
    // the rehearsal's own server (its marks say who started it; other servers on the machine are
    // left alone), while statement 2 runs; SIGKILL to the postmaster, not to a reused pid
    List<ProcessHandle> server = PostgresProcesses.embeddedServerOf(rehearse.pid());
    ProcessHandle postmaster = server.get(0);
    assertThat(postmaster.destroyForcibly()).as("SIGKILL to the postmaster %d", postmaster.pid()).isTrue();

    assertThat(rehearse.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(rehearse.exitValue()).as(stderr).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.get("failure").asText()).contains("failed during the load");
    assertThat(report.get("timeline").size()).isPositive();
    // a run cut short cannot pass: its verdict says it was judged on part of the run
    assertThat(report.at("/verdict/headline").asText()).startsWith("Incomplete run, judged on what was measured");
    PostgresProcesses.assertServerGone(server, rehearse.pid(), "after the postmaster was killed");
  }
}
