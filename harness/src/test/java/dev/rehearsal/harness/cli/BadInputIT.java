package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.PostgresProcesses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input found only once a server is up, or that depends on the machine: still exit 2 with
 * what, where and how to fix it — and nothing left running (no new postgres process, the
 * harness's own scratch data gone with its server).
 */
class BadInputIT {

  @TempDir
  Path dir;

  private String stderr;
  private Set<Long> postgresBefore;

  @BeforeEach
  void rememberServers() {
    postgresBefore = PostgresProcesses.pids();
  }

  @AfterEach
  void nothingLeftRunning() throws InterruptedException {
    PostgresProcesses.assertNoneBeyond(postgresBefore, "after bad input");
  }

  private int run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return RehearseCommand.execute(args);
    } finally {
      System.setErr(original);
      stderr = captured.toString(StandardCharsets.UTF_8);
    }
  }

  private Path scenario(String from, String to) throws Exception {
    Path source = Path.of("src", "test", "resources", "scenarios", "stop-test.yaml");
    String yaml = Files.readString(source);
    assertThat(yaml).contains(from);
    return Files.writeString(dir.resolve("bad.yaml"), yaml.replace(from, to));
  }

  @Test
  void aSchemaErrorDuringSeedingNamesTheStatementAndTheServersMessage() throws Exception {
    Path bad = scenario("login_count integer NOT NULL,", "login_count integr NOT NULL,");
    assertThat(run("run", bad.toString(), "--postgres", "embedded", "--no-seed-cache", "--out",
        dir.resolve("out").toString())).isEqualTo(2);
    assertThat(stderr).contains("schema DDL failed: ERROR: type \"integr\" does not exist", "SQLSTATE 42704",
        "fix: correct the schema");
  }

  @Test
  void moreRowsThanTheDiskHoldsIsRefusedBeforeTheFirstRow() {
    assertThat(run("run", "demo", "--postgres", "embedded", "--no-seed-cache", "--rows", "50000000000", "--out",
        dir.resolve("out").toString())).isEqualTo(2);
    assertThat(stderr).containsPattern("the dataset needs about [0-9.]+ GB on the server's disk, but only")
        .contains("fix: lower --rows or --scale");
  }

  @Test
  void anUnreachableServerSaysWhereItLooked() {
    assertThat(run("run", "demo", "--postgres", "jdbc:postgresql://127.0.0.1:1/app?password=hunter2", "--out",
        dir.resolve("out").toString())).isEqualTo(2);
    assertThat(stderr).contains("127.0.0.1:1", "cannot connect", "fix: check host and port")
        .doesNotContain("hunter2");
  }

  @Test
  void dockerRequestedWhereNoneAnswers() throws Exception {
    // Testcontainers falls back from a DOCKER_HOST that points nowhere to a local socket that works
    Assumptions.assumeFalse(dev.rehearsal.harness.provision.DockerProbe.available(java.time.Duration.ofSeconds(10)),
        "Docker answers on this machine, so 'Docker requested but absent' cannot be staged here");
    // a child process, so that DOCKER_HOST can point nowhere
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "rehearse.jar").toString(), "run", "demo", "--postgres", "container", "--out",
        dir.resolve("out").toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
    pb.environment().remove("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("--postgres container: Docker does not answer on this machine",
        "fix: start Docker (or set DOCKER_HOST), or use --postgres embedded");
  }

  @Test
  void aMissingMigrationFileIsFoundBeforeAnyServerStarts() throws Exception {
    Path bad = scenario("      - sql: SELECT pg_sleep(60)", "      - file: migrations/missing.sql");
    assertThat(run("run", bad.toString(), "--postgres", "embedded", "--out", dir.resolve("out").toString()))
        .isEqualTo(2);
    assertThat(stderr).contains("missing.sql").contains("fix:");
  }


}
