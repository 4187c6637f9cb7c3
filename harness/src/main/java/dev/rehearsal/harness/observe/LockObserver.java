package dev.rehearsal.harness.observe;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches, from a connection of its own, which sessions of the rehearsal database are waiting on
 * a heavyweight lock, every {@value #SAMPLE_MILLIS} ms. Application sessions (the load pool and
 * periodic jobs, told apart by application_name) feed the blocked-time figures; the migration
 * session's own waits are kept apart, since they are the cause rather than the harm.
 */
public final class LockObserver implements AutoCloseable {

  public static final String APPLICATION_NAME = ApplicationNames.OBSERVER;
  static final int SAMPLE_MILLIS = 15;
  private static final Logger log = LoggerFactory.getLogger(LockObserver.class);

  /** waitstart (PG14+) tells when each wait began; older servers fall back to query_start. */
  private static final String WAITING_SESSIONS = """
      SELECT a.application_name,
             max(extract(epoch FROM clock_timestamp() - coalesce(l.waitstart, a.query_start))) * 1000
      FROM pg_stat_activity a
      JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
      WHERE a.datname = current_database() AND a.wait_event_type = 'Lock'
        AND a.pid <> pg_backend_pid()
      GROUP BY a.pid, a.application_name""";

  private final Connection connection;
  private final BlockedTime figures;
  private final Thread thread;
  private volatile boolean running = true;

  /** @param loadStartNanos second 0 of the timeline, to key per-second figures */
  public LockObserver(DatabaseTarget target, long loadStartNanos) {
    try {
      this.connection = ScratchDatabase.connect(target, APPLICATION_NAME);
    } catch (SQLException e) {
      throw new InfrastructureException("could not open the lock observer's session: " + e.getMessage(), e);
    }
    this.figures = new BlockedTime(loadStartNanos);
    this.thread = new Thread(this::observe, "rehearsal-lock-observer");
    thread.setDaemon(true);
    thread.start();
  }

  private void observe() {
    try (PreparedStatement ps = connection.prepareStatement(WAITING_SESSIONS)) {
      while (running) {
        long sampleNanos = System.nanoTime();
        int applicationWaiting = 0;
        double longestApplicationWaitMs = 0;
        double migrationWaitMs = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String role = rs.getString(1);
            double waitMs = rs.getDouble(2);
            if (isApplication(role)) {
              applicationWaiting++;
              longestApplicationWaitMs = Math.max(longestApplicationWaitMs, waitMs);
            } else if (ApplicationNames.MIGRATION.equals(role)) {
              migrationWaitMs = Math.max(migrationWaitMs, waitMs);
            }
          }
        }
        figures.addSample(sampleNanos, applicationWaiting, longestApplicationWaitMs, migrationWaitMs);
        TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      if (running) {
        log.warn("lock observer stopped sampling: {}", e.getMessage());
      }
    }
  }

  static boolean isApplication(String applicationName) {
    return ApplicationNames.isApplication(applicationName);
  }

  /** Stops sampling and returns the figures. */
  public BlockedTime stop() {
    running = false;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    return figures;
  }

  @Override
  public void close() {
    running = false;
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a broken session: nothing to add
    }
  }
}
