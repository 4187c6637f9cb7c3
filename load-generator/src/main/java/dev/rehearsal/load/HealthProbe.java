package dev.rehearsal.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A liveness probe: its statement on its own connection ({@link ApplicationNames#HEALTH}) at a
 * fixed period. A probe fails when it errors or answers later than its timeout; the server is
 * told the timeout too (statement_timeout), and the socket gives up a second after it, so a
 * probe never hangs the way the application might. A broken connection is reopened on the next
 * probe, as a probe would from a fresh process.
 */
final class HealthProbe {

  private final HealthCheck check;
  private final DatabaseTarget target;
  private final LoadRecorder recorder;
  private final Executor abortExecutor = Runnable::run;
  private Connection connection;
  private ScheduledFuture<?> future;

  HealthProbe(HealthCheck check, DatabaseTarget target, LoadRecorder recorder) {
    this.check = check;
    this.target = target;
    this.recorder = recorder;
  }

  void schedule(ScheduledExecutorService timers, long loadStartNanos) {
    long periodNanos = check.every().toNanos();
    long[] runs = {0};
    future = timers.scheduleAtFixedRate(() -> probe(loadStartNanos + ++runs[0] * periodNanos),
        periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void probe(long intendedNanos) {
    long startNanos = System.nanoTime();
    ErrorClass error = null;
    try {
      Connection c = connection();
      try (Statement st = c.createStatement()) {
        st.execute(check.sql());
      }
    } catch (SQLException e) {
      error = ErrorClass.of(e);
      closeConnection();
    } catch (RuntimeException e) {
      error = ErrorClass.OTHER;
      closeConnection();
    }
    long endNanos = System.nanoTime();
    boolean inTime = endNanos - startNanos <= check.timeout().toNanos();
    recorder.record(LoadRecorder.HEALTH_CHECK, intendedNanos, startNanos, endNanos, error);
    recorder.healthCheck(error == null && inTime);
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
