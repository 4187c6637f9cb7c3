package dev.rehearsal.load;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One application instance's health probe at a fixed period; a probe fails when it errors or
 * answers later than its timeout, and each result goes to the instance's {@link Orchestrator}.
 *
 * <p>Through the pool ({@link HealthCheck.Via#POOL}) it borrows from the instance's HikariCP pool
 * as the application's health endpoint does, waiting at most the timeout for a connection (a full
 * pool fails it), and the statement is cancelled once the rest of the timeout is up (JDBC query
 * timeouts count whole seconds, so a probe may run up to a second longer; it failed either way).
 * On its own connection ({@link ApplicationNames#HEALTH}) the server is told the timeout
 * (statement_timeout) and the socket gives up a second after it, so a probe never hangs; a broken
 * connection is reopened on the next probe, as a probe would from a fresh process. Probes of one
 * instance never overlap: one that overruns its period delays the next, like a kubelet's.
 */
final class HealthProbe {

  private final HealthCheck check;
  private final DatabaseTarget target;
  private final LoadRecorder recorder;
  private final HikariDataSource pool;
  private final Orchestrator orchestrator;
  private final Executor abortExecutor = Runnable::run;
  private Connection connection;
  private ScheduledFuture<?> future;
  private long loadStartNanos;

  /** @param pool the instance's pool, borrowed from when the check goes through the pool */
  HealthProbe(HealthCheck check, DatabaseTarget target, LoadRecorder recorder, HikariDataSource pool,
      Orchestrator orchestrator) {
    this.check = check;
    this.target = target;
    this.recorder = recorder;
    this.pool = pool;
    this.orchestrator = orchestrator;
  }

  void schedule(ScheduledExecutorService timers, long loadStartNanos) {
    this.loadStartNanos = loadStartNanos;
    long periodNanos = check.every().toNanos();
    long[] runs = {0};
    future = timers.scheduleAtFixedRate(() -> probe(loadStartNanos + ++runs[0] * periodNanos),
        periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void probe(long intendedNanos) {
    long startNanos = System.nanoTime();
    ErrorClass error = null;
    try {
      if (check.via() == HealthCheck.Via.POOL) {
        probeThroughPool(startNanos);
      } else {
        try (Statement st = connection().createStatement()) {
          st.execute(check.sql());
        }
      }
    } catch (SQLException e) {
      error = ErrorClass.of(e);
      closeConnection();
    } catch (RuntimeException e) {
      error = ErrorClass.OTHER;
      closeConnection();
    }
    long endNanos = System.nanoTime();
    boolean ok = error == null && endNanos - startNanos <= check.timeout().toNanos();
    recorder.record(LoadRecorder.HEALTH_CHECK, intendedNanos, startNanos, endNanos, error);
    recorder.healthCheck(ok);
    synchronized (orchestrator) {
      orchestrator.probe(ok, (endNanos - loadStartNanos) / 1e9);
    }
  }

  private void probeThroughPool(long startNanos) throws SQLException {
    long timeoutNanos = check.timeout().toNanos();
    HikariPool hikari = (HikariPool) pool.getHikariPoolMXBean();
    if (hikari == null) {
      throw new SQLException("the application pool is closed");
    }
    try (Connection c = hikari.getConnection(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
        Statement st = c.createStatement()) {
      long leftNanos = timeoutNanos - (System.nanoTime() - startNanos);
      if (leftNanos <= 0) {
        return; // too late already: failed on its time, the connection goes back unused
      }
      st.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(leftNanos + 999_999_999L)));
      st.execute(check.sql());
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      long timeoutMillis = Math.max(1, check.timeout().toMillis());
      int seconds = (int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(timeoutMillis + 999));
      Connection c = SideConnections.open(target, ApplicationNames.HEALTH, seconds);
      try (Statement st = c.createStatement()) {
        st.execute("SET statement_timeout = " + timeoutMillis);
      }
      c.setNetworkTimeout(abortExecutor, (int) Math.min(Integer.MAX_VALUE, timeoutMillis + 1000));
      connection = c;
    }
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken
      }
      connection = null;
    }
  }

  void stop() {
    if (future != null) {
      future.cancel(false);
    }
  }

  /** Called after the timers have stopped, so no probe is running. */
  void close() {
    closeConnection();
  }
}
