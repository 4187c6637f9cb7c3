package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.Orchestrator.OutOfService;
import dev.rehearsal.load.schedule.Arrival;
import dev.rehearsal.load.schedule.RateProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health checks as the application runs them, against a real PostgreSQL: a 2 s ACCESS EXCLUSIVE
 * hold fills a pool of 4 with queued requests, so a readiness probe that borrows from that pool
 * (timeout 500 ms, failure threshold 2) fails and the instance goes out of service, while a probe
 * on its own connection, running at the same time, never fails: the difference is the point.
 * Several instances against a small max_connections: the server's refusals, charged to the pools
 * that asked.
 */
class HealthCheckIT {

  private static EmbeddedPostgres postgres;
  private static DatabaseTarget target;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "12")
        .setServerConfig("superuser_reserved_connections", "0").start();
    target = new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    try (Connection c = admin(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE items (id bigint PRIMARY KEY, n int NOT NULL)");
      st.execute("INSERT INTO items SELECT g, 0 FROM generate_series(1, 1000) g");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Connection admin() throws Exception {
    return DriverManager.getConnection(target.jdbcUrl(), "postgres", null);
  }

  private static LoadPlan plan(double rate, HealthCheck check, int instances) {
    return new LoadPlan(new Traffic.OpenLoop(RateProfile.constant(rate), Arrival.CONSTANT, 512),
        LoadEngineIT.readsAndWrites(), List.of(), check, 7, instances);
  }

  private static HealthCheck readiness(HealthCheck.Via via) {
    return new HealthCheck("SELECT 1", Duration.ofMillis(250), Duration.ofMillis(500), via,
        HealthCheck.Kind.READINESS, 2, 1);
  }

  @Test
  void aFullPoolFailsThePoolBorneProbeButNotOneOnItsOwnConnection() throws Exception {
    long holdFrom;
    long loadStart;
    List<InstanceFigures> pooled;
    List<InstanceFigures> own;
    try (LoadEngine app = new LoadEngine(plan(100, readiness(HealthCheck.Via.POOL), 1), target,
            new PoolConfig(4, Duration.ofSeconds(5), null), null, null);
        LoadEngine control = new LoadEngine(plan(5, readiness(HealthCheck.Via.OWN_CONNECTION), 1), target,
            new PoolConfig(1, Duration.ofSeconds(5), null), null, null);
        Connection locker = admin()) {
      app.start();
      control.start();
      loadStart = app.startNanos();
      TimeUnit.MILLISECONDS.sleep(1_500);
      locker.setAutoCommit(false);
      try (Statement st = locker.createStatement()) {
        st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
        holdFrom = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(2_000);
      }
      locker.commit();
      TimeUnit.MILLISECONDS.sleep(2_000);
      app.stop(5_000);
      control.stop(5_000);
      pooled = app.instances();
      own = control.instances();
    }
    double hold = (holdFrom - loadStart) / 1e9;
    InstanceFigures instance = pooled.get(0);
    System.out.printf("hold from %.2f s for 2 s; pool-borne probe: %d of %d failed, out of service %s; "
        + "own connection: %d of %d failed%n", hold, instance.failedProbes(), instance.probes(),
        instance.outOfService(), own.get(0).failedProbes(), own.get(0).probes());
    assertThat(instance.failedProbes()).isPositive();
    assertThat(instance.outOfService()).hasSize(1);
    OutOfService out = instance.outOfService().get(0);
    // the second failed probe (each gives up after 0.5 s) takes it out; the first probe after the
    // 2 s hold, once the queued requests have their connections, brings it back
    assertThat(out.fromSecond() - hold).isBetween(0.9, 1.6);
    assertThat(out.toSecond() - hold).isBetween(2.0, 2.9);
    assertThat(out.seconds()).isBetween(0.5, 1.9);
    assertThat(out.untilEnd()).isFalse();
    assertThat(instance.peakActive()).isEqualTo(4);
    assertThat(instance.saturatedSeconds()).isPositive();
    // the same hold, the same moment: the database answers SELECT 1 on a connection of its own
    assertThat(own.get(0).probes()).isPositive();
    assertThat(own.get(0).failedProbes()).isZero();
    assertThat(own.get(0).outOfService()).isEmpty();
  }

  @Test
  void poolsTogetherBeyondMaxConnectionsAreRefusedAndEachRefusalChargedToItsPool() throws Exception {
    // 3 instances x 5 connections = 15 against max_connections 12 (no superuser reserve)
    List<InstanceFigures> instances;
    int refusedPerSecond = 0;
    try (LoadEngine app = new LoadEngine(plan(60, null, 3), target, new PoolConfig(5, Duration.ofSeconds(1), null),
        null, null)) {
      app.start();
      TimeUnit.MILLISECONDS.sleep(3_000);
      app.stop(5_000);
      instances = app.instances();
      refusedPerSecond = app.tally().seconds().stream().mapToInt(SecondFigures::connectionRefusals).sum();
    }
    long refused = instances.stream().mapToLong(InstanceFigures::connectionRefusals).sum();
    assertThat(refused).isPositive();
    int connected = instances.stream().mapToInt(InstanceFigures::peakActive).sum();
    assertThat(connected).isLessThanOrEqualTo(12);
    // refusals before load start (pool start-up) are charged to their instance, not to a second
    assertThat(refusedPerSecond).isLessThanOrEqualTo((int) refused);
    System.out.printf("refusals by instance %s, peak connections by instance %s%n",
        instances.stream().map(InstanceFigures::connectionRefusals).toList(),
        instances.stream().map(InstanceFigures::peakActive).toList());
  }
}
