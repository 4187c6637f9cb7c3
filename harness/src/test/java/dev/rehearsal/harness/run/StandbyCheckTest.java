package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.figures.ReplicaReadsScenario;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.ExternalProvider;
import dev.rehearsal.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Before anything starts: operations on the standby need one the harness started. */
class StandbyCheckTest {

  private static final Scenario REPLICA_READS = ReplicaReadsScenario.withBudgets("");

  @Test
  void anExternalServerIsRefusedWithAFix() {
    assertThatThrownBy(() -> Standby.check(REPLICA_READS, new ExternalProvider("jdbc:postgresql://localhost:1/app")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("operation 'read-replica' reads from the standby (replica: true), but the harness starts no "
            + "standby beside an external server and does not know the address of its own\n  fix: rehearse with "
            + "--postgres embedded (it starts the standby itself), or remove replica: true");
  }

  @Test
  void theEmbeddedServerStartsOne() {
    assertThatCode(() -> Standby.check(REPLICA_READS, new EmbeddedProvider(18))).doesNotThrowAnyException();
  }
}
