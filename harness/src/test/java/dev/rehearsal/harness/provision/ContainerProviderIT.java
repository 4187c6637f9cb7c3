package dev.rehearsal.harness.provision;

import static dev.rehearsal.harness.provision.EmbeddedProviderIT.SETTINGS;
import static dev.rehearsal.harness.provision.EmbeddedProviderIT.show;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container provider against a real Docker engine (see ../shared/testing/docker-postgres.sh
 * on machines without a registry). Skipped, with the reason, where Docker does not answer.
 */
class ContainerProviderIT {

  /** Per test, so that each is reported as skipped with the reason rather than silently absent. */
  @BeforeEach
  void requireDocker() {
    Assumptions.assumeTrue(DockerProbe.available(Duration.ofSeconds(5)),
        "Docker does not answer here (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
            + "): the container provider's tests are skipped");
  }

  @Test
  void overridesTestcontainersFsyncOffWithTheScenarioSettings() throws Exception {
    ContainerProvider provider = new ContainerProvider(null, 15);
    try (PostgresServer server = provider.start(SETTINGS)) {
      assertThat(show(server.adminTarget(), "fsync")).isEqualTo("on");
      assertThat(show(server.adminTarget(), "shared_buffers")).isEqualTo("64MB");
      assertThat(show(server.adminTarget(), "statement_timeout")).isEqualTo("7s");
      assertThat(show(server.adminTarget(), "max_connections")).isEqualTo("40");
      try (ScratchDatabase db = ScratchDatabase.create(server)) {
        assertThat(EmbeddedProviderIT.scalar(db.target(), "SELECT current_database()")).isEqualTo(db.name());
      }
    }
  }
}
