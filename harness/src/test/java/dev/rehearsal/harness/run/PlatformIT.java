package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.Console;
import dev.rehearsal.report.PlatformReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.PlatformReport.Instance;
import dev.rehearsal.report.PlatformReport.OutOfService;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the platform would have done, end to end on the embedded server: a 2 s ACCESS EXCLUSIVE hold
 * with a pool of 4 fails readiness probes borne by the pool (timeout 500 ms, threshold 2) and the
 * report marks the instance unready for the seconds that implies, while the same probe on its own
 * connection does not fail; and 3 instances x pool 5 against max_connections 12, whose refusals
 * (53300) are counted and charged to the pools that met them. Reports stay in
 * {@code harness/target/platform-*} to look at.
 */
class PlatformIT {

  private static final String SCENARIO = """
      name: platform
      server:
        settings: {max_connections: %d, synchronous_commit: on}
      schema:
        sql: CREATE TABLE users (id bigint PRIMARY KEY, n integer NOT NULL);
      dataset:
        tables:
          - name: users
            rows: 20000
            columns:
              id: {generator: sequence}
              n: {generator: uniform, min: 0, max: 9}
      workload:
        rate: 100
        instances: %d
        pool: {maximumPoolSize: %d, connectionTimeout: 5s}
        healthCheck: {via: %s, sql: SELECT 1, periodSeconds: 0.25, timeoutSeconds: 0.5, failureThreshold: 2,
          successThreshold: 1, kind: readiness}
        operations:
          - {name: read, weight: 3, sql: 'SELECT n FROM users WHERE id = ?', params: [{kind: existingKey, table: users}]}
          - {name: write, weight: 1, sql: 'UPDATE users SET n = n + 1 WHERE id = ?',
             params: [{kind: existingKey, table: users}]}
      phases: {warmup: 3s, cooldown: 3s}
      strategies:
        - name: hold
          steps:
            - sql: "LOCK TABLE users IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(2);"
              transaction: single
        - name: update
          steps:
            - sql: UPDATE users SET n = n + 1
      budgets:
        - {metric: instancesUnreadySeconds, critical: 0.1, action: Instances went out of service., owner: test}
      """;

  private static RehearsalReport rehearse(String strategy, String via, int instances, int poolSize,
      int maxConnections) {
    Scenario scenario = ScenarioLoader.parse(String.format(SCENARIO, maxConnections, instances, poolSize, via),
        "platform.yaml", Path.of("."));
    RunOptions options = new RunOptions(strategy, "embedded", null, null, null, null, null, null, 42L,
        Path.of("target", "platform-" + strategy + "-" + via + "-" + instances), null, false, false);
    RehearsalReport report = new Rehearsal(scenario, options, Console.stderr()).run().report();
    System.out.println("HEADLINE: " + report.verdict().status() + ": " + report.verdict().headline());
    return report;
  }

  @Test
  void aFullPoolTakesTheInstanceOutOfServiceWhenItsProbeGoesThroughThePool() {
    RehearsalReport pooled = rehearse("hold", "pool", 1, 4, 50);
    assertThat(pooled.complete()).isTrue();
    Instance instance = pooled.platform().instances().get(0);
    double holdFrom = pooled.statements().get(0).startSecond();
    System.out.printf("hold from %.2f s; out of service %s%n", holdFrom, instance.probe().outOfService());
    assertThat(instance.probe().via()).isEqualTo("pool");
    assertThat(instance.probe().outOfService()).hasSize(1);
    OutOfService out = instance.probe().outOfService().get(0);
    // the second failed probe (0.5 s each) takes it out about a second into the 2 s hold; the first
    // probe after the hold, once the queued requests have had their connections, brings it back
    assertThat(out.fromSecond() - holdFrom).isBetween(0.9, 1.7);
    assertThat(out.toSecond() - holdFrom).isBetween(2.0, 3.0);
    assertThat(out.seconds()).isBetween(0.5, 1.9);
    assertThat(pooled.summary().instancesUnreadySeconds()).isEqualTo(out.seconds());
    assertThat(pooled.summary().instanceRestarts()).isZero();
    // the cause first, then what the platform would have done about it
    assertThat(pooled.verdict().headline()).startsWith("Statement 1 ")
        .contains(". Kubernetes would have taken the instance out of service for ");
    assertThat(pooled.verdict().status()).isEqualTo("fail");
    assertThat(pooled.timeline().stream().mapToInt(RehearsalReport.TimelineSecond::healthCheckFailures).sum())
        .isEqualTo(instance.probe().failedProbes()).isPositive();

    RehearsalReport own = rehearse("hold", "own-connection", 1, 4, 50);
    Instance control = own.platform().instances().get(0);
    // the same hold: SELECT 1 on a connection of its own never waits for the pool
    assertThat(control.probe().failedProbes()).isZero();
    assertThat(control.probe().outOfService()).isEmpty();
    assertThat(own.summary().instancesUnreadySeconds()).isZero();
    assertThat(own.verdict().headline()).doesNotContain("Kubernetes");
  }

  @Test
  void poolsBeyondMaxConnectionsAreRefusedAndEachRefusalIsChargedToItsInstance() {
    // 3 x 5 = 15 pooled connections, plus the harness's own sessions, against 12
    RehearsalReport report = rehearse("update", "pool", 3, 5, 12);
    PlatformReport platform = report.platform();
    System.out.printf("max_connections %d, peak %d, refusals %d by instance %s%n", platform.maxConnections(),
        platform.peakServerConnections(), platform.connectionRefusals(),
        platform.instances().stream().map(Instance::connectionRefusals).toList());
    assertThat(platform.maxConnections()).isEqualTo(12);
    assertThat(platform.instances()).hasSize(3);
    assertThat(platform.connectionRefusals()).isPositive()
        .isEqualTo(platform.instances().stream().mapToLong(Instance::connectionRefusals).sum());
    assertThat(report.summary().connectionRefusals()).isEqualTo(platform.connectionRefusals());
    assertThat(platform.peakServerConnections()).isEqualTo(12);
    assertThat(report.summary().peakServerConnections()).isEqualTo(12);
    assertThat(report.timeline().stream().mapToInt(RehearsalReport.TimelineSecond::connectionRefusals).sum())
        .isPositive();
    // the WAL of the UPDATE of every row, read beside it
    assertThat(report.wal().statements()).hasSize(1);
    assertThat(report.wal().statements().get(0).walBytes()).isGreaterThan(1_000_000L);
    assertThat(report.summary().walBytes()).isGreaterThanOrEqualTo(report.wal().statements().get(0).walBytes());
    assertThat(report.summary().peakWalBytesPerSecond()).isPositive();
  }
}
