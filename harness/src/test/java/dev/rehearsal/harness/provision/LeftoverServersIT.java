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
}
