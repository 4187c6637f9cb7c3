package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pool an operation runs through, and what happens when one marked replica has no standby. */
class ReplicaRoutingTest {

  private static final Operation PRIMARY = Operation.of("read", "SELECT 1", List.of());
  private static final Operation REPLICA = new Operation("read-replica",
      List.of(OperationStatement.positional("SELECT 1", 0)), false, List.of(), null, true);

  @Test
  void replicaOperationsGoToTheStandbysPoolTheOthersToThePrimarys() {
    assertThat(AppInstance.route(PRIMARY, "primary", "standby")).isEqualTo("primary");
    assertThat(AppInstance.route(REPLICA, "primary", "standby")).isEqualTo("standby");
    assertThat(AppInstance.route(PRIMARY, "primary", null)).isEqualTo("primary");
  }

  @Test
  void aReplicaOperationWithoutAStandbyPoolIsAnError() {
    assertThatThrownBy(() -> AppInstance.route(REPLICA, "primary", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read-replica reads from the standby");
  }

  @Test
  void thePlanNamesItsReplicaOperation() {
    assertThat(plan(List.of(PRIMARY), List.of()).replicaOperation()).isNull();
    assertThat(plan(List.of(PRIMARY, REPLICA), List.of()).replicaOperation()).isEqualTo("read-replica");
    PeriodicOperation report = new PeriodicOperation(REPLICA, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ZERO);
    assertThat(plan(List.of(PRIMARY), List.of(report)).replicaOperation()).isEqualTo("read-replica");
  }

  @Test
  void theEngineRefusesAReplicaOperationWithNoStandby() {
    DatabaseTarget nowhere = new DatabaseTarget("jdbc:postgresql://localhost:1/none", "u", null);
    assertThatThrownBy(() -> new LoadEngine(plan(List.of(PRIMARY, REPLICA), List.of()), nowhere, null,
        new PoolConfig(1, Duration.ofSeconds(1), null), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation read-replica reads from the standby (replica), but no standby is running");
  }

  @Test
  void on40001TheStandbyCancelledForRecovery() {
    SQLException conflict = new SQLException("canceling statement due to conflict with recovery", "40001");
    assertThat(ErrorClass.of(conflict, true)).isEqualTo(ErrorClass.RECOVERY_CONFLICT);
    assertThat(ErrorClass.of(conflict, true).key()).isEqualTo("recoveryConflict");
    // on the primary 40001 is a serialization failure
    assertThat(ErrorClass.of(conflict, false)).isEqualTo(ErrorClass.OTHER);
    assertThat(ErrorClass.of(new SQLException("x", "57014"), true)).isEqualTo(ErrorClass.STATEMENT_TIMEOUT);
  }

  private static LoadPlan plan(List<Operation> weighted, List<PeriodicOperation> periodic) {
    return new LoadPlan(new Traffic.ClosedLoop(1, Duration.ZERO),
        weighted.stream().map(op -> new LoadPlan.Weighted(op, 1)).toList(), periodic, null);
  }
}
