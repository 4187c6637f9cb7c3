package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine against a real PostgreSQL: rate, latency from intended start, pool exhaustion. */
class OpenLoopEngineIT {

  private static EmbeddedPostgres postgres;
  private static DatabaseTarget target;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    target = new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), "postgres", null);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE items (id bigint PRIMARY KEY, n int NOT NULL)");
      st.execute("INSERT INTO items SELECT g, 0 FROM generate_series(1, 1000) g");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static LoadPlan plan(double rate) {
    return new LoadPlan(rate, 64, List.of(
        new Operation("read", "SELECT n FROM items WHERE id = ?", 3, List.of(ParamGenerators.existingKey(1000))),
        new Operation("write", "UPDATE items SET n = n + 1 WHERE id = ?", 1, List.of(ParamGenerators.existingKey(1000)))),
        List.of());
  }

  @Test
  void keepsTheScheduledRateAndRecordsEverySecond() throws Exception {
    List<SecondSample> samples;
    try (OpenLoopEngine engine = new OpenLoopEngine(plan(200), target,
        new PoolConfig(4, Duration.ofSeconds(2), null), null, null)) {
      engine.start();
      TimeUnit.MILLISECONDS.sleep(3_000);
      engine.stop(5_000);
      samples = engine.samples();
    }
    long ops = samples.stream().mapToLong(SecondSample::successes).sum();
    long errors = samples.stream().mapToLong(SecondSample::errorCount).sum();
    // 3 s at 200/s: the open-loop schedule issues ~600 whatever the latency
    assertThat(ops).isBetween(540L, 660L);
    assertThat(errors).isZero();
    assertThat(samples).extracting(SecondSample::second).startsWith(0, 1, 2);
    assertThat(samples.get(1).latencyMicrosByOperation()).containsKeys("read", "write");
    assertThat(samples.get(1).weightedLatencyMicros().getTotalCount()).isBetween(170L, 230L);
  }

  @Test
  void latencyCountsTheQueueBehindALockFromTheIntendedStart() throws Exception {
    List<SecondSample> samples;
    try (OpenLoopEngine engine = new OpenLoopEngine(plan(100), target,
        new PoolConfig(2, Duration.ofSeconds(5), null), null, null);
        Connection locker = DriverManager.getConnection(target.jdbcUrl(), "postgres", null)) {
      engine.start();
      TimeUnit.MILLISECONDS.sleep(1_000);
      locker.setAutoCommit(false);
      try (Statement st = locker.createStatement()) {
        st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
        TimeUnit.MILLISECONDS.sleep(1_500);
      }
      locker.commit();
      TimeUnit.MILLISECONDS.sleep(1_500);
      engine.stop(5_000);
      samples = engine.samples();
    }
    Histogram all = new Histogram(3);
    samples.forEach(s -> all.add(s.weightedLatencyMicros()));
    int maxWaiting = samples.stream().mapToInt(SecondSample::poolMaxWaiting).max().orElse(0);
    // operations scheduled at the start of the 1.5 s lock finish only when it is released:
    // measured from their intended start, the worst is ~1.5 s, although each ran in microseconds
    assertThat(all.getMaxValue() / 1000.0).isBetween(1_200.0, 2_500.0);
    // with 2 connections held by blocked sessions, the rest queued for the pool
    assertThat(maxWaiting).isGreaterThan(10);
    assertThat(samples.stream().mapToInt(SecondSample::poolMaxActive).max().orElse(0)).isEqualTo(2);
  }

  @Test
  void poolTimeoutsAreClassifiedAsSuch() throws Exception {
    List<SecondSample> samples;
    try (OpenLoopEngine engine = new OpenLoopEngine(plan(100), target,
        new PoolConfig(1, Duration.ofMillis(300), null), null, null);
        Connection locker = DriverManager.getConnection(target.jdbcUrl(), "postgres", null)) {
      locker.setAutoCommit(false);
      try (Statement st = locker.createStatement()) {
        st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
      }
      engine.start();
      TimeUnit.MILLISECONDS.sleep(1_500);
      locker.rollback();
      engine.stop(5_000);
      samples = engine.samples();
      assertThat(engine.poolTelemetry().timeouts()).isGreaterThan(50);
    }
    long poolTimeouts = samples.stream().mapToLong(s -> s.errors().getOrDefault(ErrorClass.POOL_TIMEOUT, 0L)).sum();
    assertThat(poolTimeouts).isGreaterThan(50);
    assertThat(samples.stream().flatMap(s -> s.errors().keySet().stream())).containsOnly(ErrorClass.POOL_TIMEOUT);
  }
}
