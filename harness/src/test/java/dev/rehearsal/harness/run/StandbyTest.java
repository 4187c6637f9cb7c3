package dev.rehearsal.harness.run;

import static dev.rehearsal.harness.run.ServerVersionTest.scenario;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.figures.ReplicaReadsScenario;
import dev.rehearsal.harness.provision.ContainerProvider;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.ExternalProvider;
import dev.rehearsal.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * {@code server.standby} before anything starts: every provider may run one, unless the server's WAL cannot feed it;
 * reads on the standby ({@code replica: true}) need one the harness started.
 */
class StandbyTest {

  @Test
  void theContainerProviderIsNoLongerRefused() {
    Scenario withStandby = scenario("server:\n  standby: {applyDelay: 500ms}\n");
    assertThatCode(() -> Standby.check(withStandby, new ContainerProvider("postgres:17", 17)))
        .doesNotThrowAnyException();
    assertThatCode(() -> Standby.check(withStandby, new EmbeddedProvider(17))).doesNotThrowAnyException();
  }

  @Test
  void walLevelMinimalCannotFeedAStandbyTheHarnessStarts() {
    Scenario minimal = scenario("server:\n  standby: true\n  settings:\n    wal_level: minimal\n"
        + "    max_wal_senders: 0\n");
    assertThatThrownBy(() -> Standby.check(minimal, new ContainerProvider("postgres:17", 17)))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("server.standby: the server's wal_level: minimal writes too little WAL");
    // a server given by URL: its own standbys are measured, whatever the scenario's settings
    assertThatCode(() -> Standby.check(minimal, new ExternalProvider("jdbc:postgresql://localhost:1/postgres")))
        .doesNotThrowAnyException();
    // without a standby, wal_level: minimal is the scenario's to choose
    assertThatCode(() -> Standby.check(scenario("server:\n  settings:\n    wal_level: minimal\n"),
        new EmbeddedProvider(17))).doesNotThrowAnyException();
  }

  @Test
  void readsOnTheStandbyOfAnExternalServerAreRefusedWithAFix() {
    Scenario replicaReads = ReplicaReadsScenario.withBudgets("");
    assertThatThrownBy(() -> Standby.check(replicaReads, new ExternalProvider("jdbc:postgresql://localhost:1/app")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("operation 'read-replica' reads from the standby (replica: true), but the harness starts no "
            + "standby beside an external server and does not know the address of its own\n  fix: rehearse with "
            + "--postgres embedded (it starts the standby itself), or remove replica: true");
    assertThatCode(() -> Standby.check(replicaReads, new EmbeddedProvider(18))).doesNotThrowAnyException();
  }
}
