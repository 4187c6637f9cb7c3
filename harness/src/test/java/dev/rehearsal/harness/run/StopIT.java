package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.PostgresProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT to a real {@code rehearse} process (the jar the build made): it writes what
 * it measured as an incomplete report, stops the PostgreSQL it started (and the standby beside it),
 * and exits 3. Checked
 * from outside, as an operator would: the exit code, report.json, and no process left of the server
 * it started (found by its marks: other PostgreSQL servers on the machine do not count).
 */
class StopIT {

  private static final Path JAR = Path.of("target", "rehearse.jar");
  private static final Path SCENARIO = Path.of("src", "test", "resources", "scenarios", "stop-test.yaml");
  private static final Path STANDBY_SCENARIO = Path.of("src", "test", "resources", "scenarios",
      "stop-standby-test.yaml");

  @TempDir
  Path out;

  @Test
  void sigtermMidMigrationWritesAnIncompleteReportAndLeavesNoServer() throws Exception {
    Path log = out.resolve("stderr.log");
    Process rehearse = start(log, "run", SCENARIO.toString(), "--postgres", "embedded", "--no-seed-cache",
        "--out", out.resolve("report").toString());
    // statement 1 is instant; statement 2 (pg_sleep(60)) is running once statement 1 is done
    waitFor(log, "up statement 1 (step 1) done", 90);
    TimeUnit.SECONDS.sleep(2);
    List<ProcessHandle> server = PostgresProcesses.embeddedServerOf(rehearse.pid());
    rehearse.destroy(); // SIGTERM

    assertThat(rehearse.waitFor(90, TimeUnit.SECONDS)).as("rehearse exits after SIGTERM").isTrue();
    assertThat(rehearse.exitValue()).as(Files.readString(log)).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(out.resolve("report/report.json").toFile());
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.get("failure").asText()).contains("stopped by a signal", "during the load");
    // pg_sleep(60) did not run to its end: cancelled (57014) — or, when the embedded server's own
    // shutdown hook stopped PostgreSQL first, the session was gone before it could be recorded
    JsonNode sleep = report.at("/statements/1");
    if (!sleep.isMissingNode()) {
      assertThat(sleep.get("error").isNull()).as("statement 2 ended by the stop: %s", sleep).isFalse();
      assertThat(sleep.get("durationMs").asDouble()).isLessThan(30_000);
    }
    assertThat(report.get("timeline").size()).isGreaterThanOrEqualTo(4);
    assertThat(out.resolve("report/report.html")).content().contains("id=\"incomplete\"");
    PostgresProcesses.assertServerGone(server, rehearse.pid(), "after the rehearsal was stopped");
  }

  @Test
  void sigtermWithAStandbyLeavesNeitherServer() throws Exception {
    Path log = out.resolve("stderr.log");
    Process rehearse = start(log, "run", STANDBY_SCENARIO.toString(), "--postgres", "embedded", "--no-seed-cache",
        "--out", out.resolve("report").toString());
    waitFor(log, "up statement 1 (step 1) done", 120);
    List<ProcessHandle> servers = PostgresProcesses.embeddedServersStartedBy(rehearse.pid());
    assertThat(servers).as("the primary and its standby").hasSize(2);
    List<ProcessHandle> tree = new java.util.ArrayList<>(servers);
    servers.forEach(s -> s.descendants().forEach(tree::add));
    rehearse.destroy(); // SIGTERM

    assertThat(rehearse.waitFor(90, TimeUnit.SECONDS)).as("rehearse exits after SIGTERM").isTrue();
    assertThat(rehearse.exitValue()).as(Files.readString(log)).isEqualTo(3);
    PostgresProcesses.assertServerGone(tree, rehearse.pid(), "after the rehearsal with a standby was stopped");
    try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(tmp.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("rehearsal-standby-")))
          .as("the standby's copy of the data").isEmpty();
    }
  }

  @Test
  void sigintMidSeedWritesAReportThatSaysNothingWasMeasured() throws Exception {
    Path log = out.resolve("stderr.log");
    Process rehearse = start(log, "run", SCENARIO.toString(), "--postgres", "embedded", "--no-seed-cache",
        "--rows", "8M", "--out", out.resolve("report").toString());
    // the seeder's first progress line comes 5 s into the COPY; 8M rows take several times longer
    waitFor(log, "  seeding users ", 90);
    List<ProcessHandle> server = PostgresProcesses.embeddedServerOf(rehearse.pid());
    new ProcessBuilder("kill", "-INT", Long.toString(rehearse.pid())).start().waitFor();

    assertThat(rehearse.waitFor(90, TimeUnit.SECONDS)).as("rehearse exits after SIGINT").isTrue();
    String stderr = Files.readString(log);
    assertThat(rehearse.exitValue()).as(stderr).isEqualTo(3);
    assertThat(stderr).doesNotContain("ready; rehearsal database");
    JsonNode report = new ObjectMapper().readTree(out.resolve("report/report.json").toFile());
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.get("failure").asText()).contains("before the load started", "nothing measured");
    assertThat(report.get("timeline")).isEmpty();
    PostgresProcesses.assertServerGone(server, rehearse.pid(), "after the rehearsal was stopped");
  }

  private static Process start(Path log, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
      // a build started in the background (nohup, CI runners) hands its children SIGINT ignored,
      // and a JVM that starts with SIGINT ignored never sees Ctrl-C: give the child the default back
      command.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"", "--"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
  }

  private static void waitFor(Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("no '" + text + "' within " + seconds + " s:\n" + Files.readString(log));
  }
}
