package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's {@code server.version} on the embedded provider, through the command line: the
 * pinned default major seeds; a pinned major this machine has no binaries for is bad input
 * before anything is seeded; {@code --pg-version} overrides a pin with a warning naming both.
 */
class ServerVersionIT {

  @TempDir Path dir;
  private final String repositoryBefore = System.getProperty("maven.repo.local");

  @AfterEach
  void restoreRepository() {
    System.clearProperty(EmbeddedBinaries.REPOSITORY_PROPERTY);
    if (repositoryBefore == null) {
      System.clearProperty("maven.repo.local");
    } else {
      System.setProperty("maven.repo.local", repositoryBefore);
    }
  }

  private Path scenario(String server) throws Exception {
    return Files.writeString(dir.resolve("pinned.yaml"), """
        name: pinned
        """ + server + """
        schema:
          sql: CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL);
        dataset:
          tables:
            - name: items
              rows: 500
        workload:
          rate: 10
          operations:
            - name: read
              weight: 1
              sql: SELECT 1
        strategies:
          - name: noop
            steps:
              - sql: SELECT 1
        """);
  }

  @Test
  void thePinnedDefaultMajorSeeds() throws Exception {
    Path pinned = scenario("server:\n  version: " + EmbeddedBinaries.DEFAULT_MAJOR + "\n");
    CapturedRun run = CapturedRun.of("seed", pinned.toString(), "--postgres", "embedded");
    assertThat(run.exit()).as(run.all()).isEqualTo(0);
    assertThat(run.all()).contains("items").doesNotContain("warning");
  }

  @Test
  void aPinnedMajorWithoutBinariesIsExit2BeforeSeeding() throws Exception {
    System.setProperty("maven.repo.local", dir.resolve("empty-repository").toString());
    // a repository that refuses at once: this machine is offline for the test
    System.setProperty(EmbeddedBinaries.REPOSITORY_PROPERTY, "http://127.0.0.1:9/maven2");
    Path pinned = scenario("server:\n  version: 16\n");
    CapturedRun run = CapturedRun.of("seed", pinned.toString(), "--postgres", "embedded");
    assertThat(run.exit()).as(run.all()).isEqualTo(2);
    assertThat(run.stderr()).contains("PostgreSQL 16 has no embedded binaries on this machine (available offline: "
            + EmbeddedBinaries.DEFAULT_MAJOR + "), and could not fetch http://127.0.0.1:9/maven2/", "mvn dependency:get -Dartifact=io.zonky.test.postgres:")
        .doesNotContain("ready", "seeding");
  }

  @Test
  void pgVersionOverridesThePinWithAWarning() throws Exception {
    System.setProperty("maven.repo.local", dir.resolve("empty-repository").toString());
    Path pinned = scenario("server:\n  version: 16\n");
    CapturedRun run = CapturedRun.of("seed", pinned.toString(), "--postgres", "embedded", "--pg-version",
        String.valueOf(EmbeddedBinaries.DEFAULT_MAJOR));
    assertThat(run.exit()).as(run.all()).isEqualTo(0);
    assertThat(run.stderr()).contains("warning: scenario pins PostgreSQL 16 (production); running "
        + EmbeddedBinaries.DEFAULT_MAJOR + " as --pg-version asks: index builds and locks differ between majors");
  }
}
