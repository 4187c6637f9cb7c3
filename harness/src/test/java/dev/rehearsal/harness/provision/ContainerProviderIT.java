package dev.rehearsal.harness.provision;

import static dev.rehearsal.harness.provision.EmbeddedProviderIT.SETTINGS;
import static dev.rehearsal.harness.provision.EmbeddedProviderIT.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The container provider against a real Docker engine (see ../shared/testing/docker-postgres.sh
 * on machines without a registry). Skipped, with the reason, where Docker does not answer. The
 * Docker daemon stopping mid-run is benchmarks/scripts/fault-docker-daemon.sh (docs/faults.md).
 */
class ContainerProviderIT {

  /** Per test, so that each is reported as skipped with the reason rather than silently absent. */
  @BeforeEach
  void requireDocker() {
    assumeDocker("the container provider's tests are skipped");
  }

  /** Skips the calling test, saying why and {@code consequence}, where Docker does not answer. */
  static void assumeDocker(String consequence) {
    Assumptions.assumeTrue(DockerProbe.available(Duration.ofSeconds(5)),
        "Docker does not answer here (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + "): " + consequence);
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

  @Test
  void theNextStartRemovesExitedContainersOfEarlierRunsAndLeavesTheOthers() throws Exception {
    List<String> said = new ArrayList<>();
    ContainerProvider provider = new ContainerProvider(null, 15, said::add);
    DockerClient docker = DockerClientFactory.instance().client();
    String ownId;
    try (PostgresServer server = provider.start(SETTINGS)) { // the image is here from now on
      ownId = ((ContainerProvider.Server) server).containerId();
      Map<String, String> labels = docker.inspectContainerCmd(ownId).exec().getConfig().getLabels();
      assertThat(labels).containsEntry(ContainerProvider.LABEL, ContainerProvider.LABEL_VALUE);
    }
    // what a daemon stopped mid-run leaves: an exited container with the label; and one just
    // created by a rehearsal starting now, which must survive
    Map<String, String> label = Map.of(ContainerProvider.LABEL, ContainerProvider.LABEL_VALUE);
    String exited = docker.createContainerCmd(provider.image()).withLabels(label)
        .withEntrypoint("/bin/bash", "-c", "exit 3").exec().getId();
    String created = docker.createContainerCmd(provider.image()).withLabels(label)
        .withEntrypoint("/bin/bash", "-c", "exit 0").exec().getId();
    try {
      docker.startContainerCmd(exited).exec();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Boolean.TRUE.equals(docker.inspectContainerCmd(exited).exec().getState().getRunning())
          && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
      said.clear();
      try (PostgresServer server = provider.start(SETTINGS)) {
        assertThat(show(server.adminTarget(), "fsync")).isEqualTo("on");
      }
      assertThatThrownBy(() -> docker.inspectContainerCmd(exited).exec()).isInstanceOf(NotFoundException.class);
      assertThat(docker.inspectContainerCmd(created).exec().getState().getStatus()).isEqualTo("created");
      assertThat(said).anySatisfy(line -> assertThat(line).startsWith("Removed ")
          .contains(ContainerProvider.shortId(exited)).doesNotContain(ContainerProvider.shortId(created)));
      // and its own container is gone after close
      assertThatThrownBy(() -> docker.inspectContainerCmd(ownId).exec()).isInstanceOf(NotFoundException.class);
    } finally {
      for (String id : List.of(exited, created)) {
        try {
          docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
          // removed by the provider, as it should be
        }
      }
    }
  }

  @Test
  void aStoppedContainerIsDiagnosedInPlainWordsAndStillRemoved() throws Exception {
    DockerClient docker = DockerClientFactory.instance().client();
    String id;
    try (PostgresServer server = new ContainerProvider(null, 15, line -> { }).start(SETTINGS)) {
      id = ((ContainerProvider.Server) server).containerId();
      ScratchDatabase db = ScratchDatabase.create(server);
      db.keep(); // nothing to drop once the container has stopped; it goes with the container
      assertThat(server.diagnose()).as("a running container").isNull();
      assertThat(db.explain("the rehearsal failed (x)")).isEqualTo("the rehearsal failed (x)");
      // docker stop (and a daemon that stops) sends the stop signal the provider set: SIGINT, a fast
      // shutdown that does not wait for this open session (SIGTERM would: killed after 10 s, exit 137)
      try (Connection session = ScratchDatabase.connect(db.target(), "rehearsal-test")) {
        long t0 = System.nanoTime();
        docker.stopContainerCmd(id).withTimeout(10).exec();
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(8));
      }
      assertThat(server.diagnose()).isEqualTo("the PostgreSQL container stopped (exit code 0)");
      assertThat(db.explain("the rehearsal failed (x)"))
          .isEqualTo("the PostgreSQL container stopped (exit code 0): the rehearsal failed (x)");
    }
    assertThatThrownBy(() -> docker.inspectContainerCmd(id).exec()).isInstanceOf(NotFoundException.class);
  }
}
