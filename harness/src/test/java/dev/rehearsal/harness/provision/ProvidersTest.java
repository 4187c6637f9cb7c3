package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --postgres auto}: a container when Docker answers, the embedded server when it does not, and the
 * embedded server whenever the scenario asks for a standby, which a container cannot start (it would fail only
 * after seeding). Each choice is said with why.
 */
class ProvidersTest {

  private final List<String> said = new ArrayList<>();

  @Test
  void aStandbyMakesAutoRunTheEmbeddedServerEvenWhenDockerAnswers() {
    PostgresProvider provider = Providers.auto(true, true, 18, "postgres:18", said::add);

    assertThat(provider).isInstanceOf(EmbeddedProvider.class);
    assertThat(said).containsExactly("PostgreSQL: embedded 18 (server.standby asks for a standby, which only the "
        + "embedded provider starts; a container cannot run one yet)");
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
  void chooseAutoWithAStandbyNeverGivesAContainer() {
    assertThat(Providers.choose("auto", 18, "postgres:18", true, said::add)).isInstanceOf(EmbeddedProvider.class);
    assertThat(Providers.choose(null, 18, "postgres:18", true, said::add)).isInstanceOf(EmbeddedProvider.class);
  }

  @Test
  void anExplicitProviderIsKeptWithAStandby() {
    // --postgres container insists: Standby.check refuses it before anything starts
    assertThat(Providers.choose("container", 18, "postgres:18", true, said::add))
        .isInstanceOf(ContainerProvider.class);
    assertThat(Providers.choose("jdbc:postgresql://localhost:1/postgres", 18, null, true, said::add))
        .isInstanceOf(ExternalProvider.class);
    assertThat(said).isEmpty();
  }
}
