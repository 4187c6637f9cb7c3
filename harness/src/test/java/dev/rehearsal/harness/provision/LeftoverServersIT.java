package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal killed with SIGKILL (a CI job's timeout) runs no hook and leaves its embedded
 * server running; the next embedded start finds it by its marks and stops it.
 */
class LeftoverServersIT {

  @TempDir
  Path dir;

  @Test
  void theServerOfARehearsalKilledWithSigkillIsStoppedByTheNextStart() throws Exception {
    Path log = dir.resolve("stderr.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "rehearse.jar").toString(), "load",
        Path.of("src", "test", "resources", "scenarios", "stop-test.yaml").toString(), "--postgres", "embedded",
        "--no-seed-cache", "--rows", "2000", "--duration", "5m", "--out", dir.resolve("out").toString()));
    Process rehearse = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile()).start();
    Optional<LeftoverServers.Leftover> leftover;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(log, StandardCharsets.UTF_8).contains("ops/s") && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("ops/s");
    } finally {
      rehearse.destroyForcibly(); // SIGKILL: no shutdown hook runs
      rehearse.waitFor(30, TimeUnit.SECONDS);
    }
    leftover = LeftoverServers.find().stream().filter(l -> l.launcherPid() == rehearse.pid()).findFirst();
    assertThat(leftover).as("the killed rehearsal's server, still running").isPresent();
    Path dataDirectory = leftover.get().dataDirectory();
    assertThat(dataDirectory).isDirectory();

    List<String> said = new ArrayList<>();
    try (PostgresServer next = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR, said::add).start(Map.of())) {
      assertThat(next.provider()).isEqualTo("embedded");
    }
    assertThat(leftover.get().postmaster().isAlive()).isFalse();
    assertThat(dataDirectory).doesNotExist();
    assertThat(said).anySatisfy(line -> assertThat(line).startsWith("Cleaned up: stopped an embedded PostgreSQL server"
        + " left running by a rehearsal that was killed (pid " + leftover.get().postmaster().pid() + ", started by pid "
        + rehearse.pid() + " which is gone); removed its data directory"));
    assertThat(LeftoverServers.find()).noneMatch(l -> l.launcherPid() == rehearse.pid());
  }

  /**
   * The same with a streaming standby beside the server: the standby carries the same marks
   * (cluster_name, the launcher's pid in its environment), so the next start stops both and removes
   * both data directories.
   */
  @Test
  void aKilledRehearsalsStandbyIsStoppedWithItsServerByTheNextStart() throws Exception {
    Path log = dir.resolve("stderr.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "rehearse.jar").toString(), "run",
        Path.of("src", "test", "resources", "scenarios", "stop-standby-test.yaml").toString(), "--postgres",
        "embedded", "--no-seed-cache", "--out", dir.resolve("out").toString()));
    Process rehearse = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(log, StandardCharsets.UTF_8).contains("ops/s") && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Standby streaming", "ops/s");
    } finally {
      rehearse.destroyForcibly(); // SIGKILL: no shutdown hook runs
      rehearse.waitFor(30, TimeUnit.SECONDS);
    }
    List<LeftoverServers.Leftover> left = LeftoverServers.find().stream()
        .filter(l -> l.launcherPid() == rehearse.pid()).toList();
    assertThat(left).as("the killed rehearsal's server and its standby, still running").hasSize(2);
    assertThat(left).anySatisfy(l -> assertThat(l.dataDirectory().getFileName().toString())
        .startsWith("rehearsal-standby-"));

    try (PostgresServer next = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR, line -> { }).start(Map.of())) {
      assertThat(next.provider()).isEqualTo("embedded");
    }
    for (LeftoverServers.Leftover l : left) {
      assertThat(l.postmaster().isAlive()).as("postmaster %d", l.postmaster().pid()).isFalse();
      assertThat(l.dataDirectory()).doesNotExist();
    }
    assertThat(LeftoverServers.find()).noneMatch(l -> l.launcherPid() == rehearse.pid());
  }
}
