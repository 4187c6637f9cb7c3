package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.Orchestrator.OutOfService;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

  /** Probes once a second from second 1: {@code results} is one letter a probe, o ok, x failed. */
  private static Orchestrator run(Orchestrator o, String results) {
    for (int i = 0; i < results.length(); i++) {
      o.probe(results.charAt(i) == 'o', i + 1);
    }
    return o;
  }

  @Test
  void readinessGoesOutAtTheThresholdAndBackAfterEnoughSuccesses() {
    Orchestrator o = run(new Orchestrator(HealthCheck.Kind.READINESS, 2, 2), "ooxxxxoxooo");
    // failures at 3,4 (out at 4); success 7 then a failure resets the count; back at 10
    assertThat(o.outOfService(11)).containsExactly(new OutOfService(4, 10, 0, false));
    assertThat(o.probes()).isEqualTo(11);
    assertThat(o.failedProbes()).isEqualTo(5);
  }

  @Test
  void failuresBelowTheThresholdChangeNothing() {
    Orchestrator o = run(new Orchestrator(HealthCheck.Kind.READINESS, 3, 1), "xxoxxoxxo");
    assertThat(o.outOfService(9)).isEmpty();
    assertThat(o.failedProbes()).isEqualTo(6);
  }

  @Test
  void anInstanceStillOutAtTheEndIsOutUntilTheEnd() {
    Orchestrator o = run(new Orchestrator(HealthCheck.Kind.READINESS, 1, 1), "oox");
    assertThat(o.outOfService(5.5)).containsExactly(new OutOfService(3, 5.5, 0, true));
    assertThat(o.outOfService(5.5).get(0).seconds()).isEqualTo(2.5);
  }

  @Test
  void livenessRestartsAgainAfterEveryThresholdOfFailures() {
    Orchestrator o = run(new Orchestrator(HealthCheck.Kind.LIVENESS, 2, 1), "oxxxxxoxx");
    // out at 3 (restart 1), at 5 (restart 2); back at 7; out again at 9 (restart 3)
    assertThat(o.outOfService(10)).containsExactly(new OutOfService(3, 7, 2, false),
        new OutOfService(9, 10, 1, true));
  }

  @Test
  void theDefaultsAreKubernetes() {
    HealthCheck check = new HealthCheck("SELECT 1", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
    assertThat(check.failureThreshold()).isEqualTo(3);
    assertThat(check.successThreshold()).isEqualTo(1);
    assertThat(run(new Orchestrator(check), "xxxo").outOfService(4)).containsExactly(new OutOfService(3, 4, 0, false));
  }
}
