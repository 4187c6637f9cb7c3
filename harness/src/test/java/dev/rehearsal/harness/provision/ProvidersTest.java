package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --postgres auto}: a container when Docker answers, the embedded server when it does not, with or
 * without a standby (each provider starts one: a second container, a second embedded server). Each choice is
 * said with why.
 */
class ProvidersTest {

  private final List<String> said = new ArrayList<>();

  @Test
  void aStandbyKeepsAutoOnTheContainerWhenDockerAnswersAndSaysHowTheStandbyRuns() {
    PostgresProvider provider = Providers.auto(true, true, 18, "postgres:18", said::add);

    assertThat(provider).isInstanceOf(AutoProvider.class);
    assertThat(said).containsExactly("PostgreSQL: container postgres:18 (Docker answered; --postgres embedded to use "
        + "the embedded server); server.standby: a second container of the same image");
  }

  @Test
  void withoutAStandbyAutoPrefersTheContainerWhenDockerAnswers() {
    PostgresProvider provider = Providers.auto(true, false, 18, "postgres:18", said::add);

    assertThat(provider).isInstanceOf(AutoProvider.class);
    assertThat(said).containsExactly("PostgreSQL: container postgres:18 (Docker answered; --postgres embedded to use "
        + "the embedded server)");
  }

  @Test
  void withoutDockerAutoRunsTheEmbeddedServer() {
    assertThat(Providers.auto(false, false, 17, "postgres:17", said::add)).isInstanceOf(EmbeddedProvider.class);
    assertThat(said).containsExactly("PostgreSQL: embedded 17 (Docker did not answer; --postgres container to "
        + "insist)");
  }

  @Test
  void withoutDockerAStandbyIsASecondEmbeddedServer() {
    assertThat(Providers.auto(false, true, 17, "postgres:17", said::add)).isInstanceOf(EmbeddedProvider.class);
    assertThat(said).containsExactly("PostgreSQL: embedded 17 (Docker did not answer; --postgres container to "
        + "insist); server.standby: a second embedded server");
  }

  @Test
  void anExplicitProviderIsKeptWithAStandby() {
    assertThat(Providers.choose("container", 18, "postgres:18", true, said::add))
        .isInstanceOf(ContainerProvider.class);
    assertThat(Providers.choose("embedded", 18, "postgres:18", true, said::add))
        .isInstanceOf(EmbeddedProvider.class);
    assertThat(Providers.choose("jdbc:postgresql://localhost:1/postgres", 18, null, true, said::add))
        .isInstanceOf(ExternalProvider.class);
    assertThat(said).isEmpty();
  }
}
