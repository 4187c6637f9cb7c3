package dev.rehearsal.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs periodic operations (report queries, batch jobs) on connections of their own, named
 * {@value #APPLICATION_NAME} so that the lock observer can tell them from pooled traffic. A run
 * that overruns its period delays the next one rather than overlapping it, like a cron job
 * with a lock.
 */
final class PeriodicRunner {

  static final String APPLICATION_NAME = "rehearsal-periodic";
  private static final Logger log = LoggerFactory.getLogger(PeriodicRunner.class);

  private final DatabaseTarget target;
  private final Function<String, OperationStats> statsByName;
  private final Set<ScheduledFuture<?>> futures = ConcurrentHashMap.newKeySet();
  private final Set<Statement> running = ConcurrentHashMap.newKeySet();

  PeriodicRunner(DatabaseTarget target, Function<String, OperationStats> statsByName) {
    this.target = target;
    this.statsByName = statsByName;
  }

  void schedule(PeriodicOperation op, ScheduledExecutorService timers) {
    long intendedFirstNanos = System.nanoTime() + op.startAfter().toNanos();
    long periodNanos = op.every().toNanos();
    long[] runs = {0};
    futures.add(timers.scheduleAtFixedRate(() -> {
      long intendedNanos = intendedFirstNanos + runs[0]++ * periodNanos;
      runOnce(op, intendedNanos);
    }, op.startAfter().toNanos(), periodNanos, TimeUnit.NANOSECONDS));
  }

  private void runOnce(PeriodicOperation op, long intendedNanos) {
    OperationStats stats = statsByName.apply(op.name());
    long startNanos = System.nanoTime();
    ErrorClass error = null;
    Properties props = new Properties();
    props.setProperty("user", target.user());
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    props.setProperty("ApplicationName", APPLICATION_NAME);
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), props);
        Statement st = c.createStatement()) {
      running.add(st);
      try {
        Statements.drain(st, st.execute(op.sql()));
      } finally {
        running.remove(st);
      }
    } catch (SQLException e) {
      error = ErrorClass.of(e);
      log.debug("periodic operation {} failed: {}", op.name(), e.getMessage());
    }
    long endNanos = System.nanoTime();
    stats.record(endNanos - intendedNanos, endNanos - startNanos, error);
  }

  /** Stops scheduling and cancels runs in progress (a report query may last minutes). */
  void cancelAll() {
    futures.forEach(f -> f.cancel(false));
    for (Statement st : running) {
      try {
        st.cancel();
      } catch (SQLException e) {
        log.debug("could not cancel a periodic operation", e);
      }
    }
  }
}
