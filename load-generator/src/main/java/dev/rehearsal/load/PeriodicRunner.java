package dev.rehearsal.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs periodic operations (report queries, batch jobs, idle-in-transaction sessions) on
 * connections of their own, named {@link ApplicationNames#REPORT}. A run that overruns its
 * period delays the next one rather than overlapping it, like a cron job with a lock.
 */
final class PeriodicRunner {

  private static final Logger log = LoggerFactory.getLogger(PeriodicRunner.class);

  private final DatabaseTarget target;
  private final DatabaseTarget replicaTarget;
  private final LoadRecorder recorder;
  private final OperationRunner runner;
  private final Set<ScheduledFuture<?>> futures = ConcurrentHashMap.newKeySet();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /** @param replicaTarget the standby, for operations marked replica; null when there is none */
  PeriodicRunner(DatabaseTarget target, DatabaseTarget replicaTarget, LoadRecorder recorder, OperationRunner runner) {
    this.target = target;
    this.replicaTarget = replicaTarget;
    this.recorder = recorder;
    this.runner = runner;
  }

  void schedule(PeriodicOperation op, ScheduledExecutorService timers, long loadStartNanos, long seed) {
    long intendedFirstNanos = loadStartNanos + op.startAfter().toNanos();
    long periodNanos = op.every().toNanos();
    long[] runs = {0};
    SplittableRandom random = new SplittableRandom(seed ^ op.name().hashCode());
    long delay = Math.max(0, intendedFirstNanos - System.nanoTime());
    futures.add(timers.scheduleAtFixedRate(() -> {
      long intendedNanos = intendedFirstNanos + runs[0]++ * periodNanos;
      runOnce(op, op.operation().drawValues(random), intendedNanos);
    }, delay, periodNanos, TimeUnit.NANOSECONDS));
  }

  private void runOnce(PeriodicOperation periodic, Object[] values, long intendedNanos) {
    Operation op = periodic.operation();
    long startNanos = System.nanoTime();
    ErrorClass error = null;
    try (Connection c = op.replica() ? SideConnections.open(replicaTarget, ApplicationNames.REPLICA, 0)
        : SideConnections.open(target, ApplicationNames.REPORT, 0)) {
      open.add(c);
      try {
        if (periodic.holdFor().isZero()) {
          runner.run(op, c, values, startNanos);
        } else {
          holdOpen(periodic, c, values, startNanos);
        }
      } finally {
        open.remove(c);
      }
    } catch (SQLException e) {
      if (stopping) {
        return; // cut short by stop(): not something the database did
      }
      error = ErrorClass.of(e, op.replica());
      log.debug("periodic operation {} failed: {}", op.name(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // stopping: the run was cut short on purpose, not a failure of the database
    } catch (RuntimeException e) {
      error = ErrorClass.OTHER;
      log.warn("periodic operation {} failed", op.name(), e);
    }
    long endNanos = System.nanoTime();
    recorder.record(op.name(), intendedNanos, startNanos, endNanos, error);
  }

  /** BEGIN; the statements; then idle in transaction, holding their locks; COMMIT. */
  private void holdOpen(PeriodicOperation periodic, Connection c, Object[] values, long startNanos)
      throws SQLException, InterruptedException {
    Operation op = periodic.operation();
    c.setAutoCommit(false);
    Operation inOpenTransaction = new Operation(op.name(), op.statements(), false, op.values(), op.ledgerTable(),
        op.replica());
    runner.run(inOpenTransaction, c, values, startNanos);
    TimeUnit.NANOSECONDS.sleep(periodic.holdFor().toNanos());
    c.commit();
  }

  /** Stops scheduling and ends runs in progress (a report query may last minutes). */
  void cancelAll() {
    stopping = true;
    futures.forEach(f -> f.cancel(true));
    for (Connection c : open) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("could not close a periodic connection", e);
      }
    }
  }
}
