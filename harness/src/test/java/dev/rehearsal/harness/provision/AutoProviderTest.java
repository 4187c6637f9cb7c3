package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** auto: a container that cannot start gives way to the next provider; bad input does not. */
class AutoProviderTest {

  private final List<String> said = new ArrayList<>();

  /** A container provider whose start fails the way a missing image does. */
  private static PostgresProvider containerFailing(RuntimeException failure) {
    return new PostgresProvider() {
      @Override
      public String name() {
        return "container";
      }

      @Override
      public PostgresServer start(Map<String, String> settings) {
        throw failure;
      }
    };
  }

  @Test
  void aContainerThatCannotStartGivesWayAndSaysWhy() {
    // the fallback: any provider whose start needs no server (an external URL connects lazily)
    PostgresProvider fallback = new ExternalProvider("jdbc:postgresql://localhost:1/postgres");
    AutoProvider auto = new AutoProvider(containerFailing(new InfrastructureException(
        "PostgreSQL container postgres:18 did not start: pull access denied for postgres")), fallback, said::add);

    try (PostgresServer server = auto.start(Map.of())) {
      assertThat(server.provider()).isEqualTo("external");
    }
    assertThat(said).containsExactly("PostgreSQL: the container could not start (PostgreSQL container postgres:18 did"
        + " not start: pull access denied for postgres); using the embedded server instead (--postgres container to"
        + " insist)");
  }

  @Test
  void badInputIsNotPaperedOver() {
    AutoProvider auto = new AutoProvider(containerFailing(new BadInputException("--image ::: not an image")),
        new ExternalProvider("jdbc:postgresql://localhost:1/postgres"), said::add);

    assertThatThrownBy(() -> auto.start(Map.of())).isInstanceOf(BadInputException.class);
    assertThat(said).isEmpty();
  }
}
