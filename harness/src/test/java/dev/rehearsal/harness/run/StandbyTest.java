package dev.rehearsal.harness.run;

import static dev.rehearsal.harness.run.ServerVersionTest.scenario;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.provision.ContainerProvider;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.ExternalProvider;
import dev.rehearsal.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** {@code server.standby} before anything starts: every provider may run one, unless the server's WAL cannot feed it. */
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
}
