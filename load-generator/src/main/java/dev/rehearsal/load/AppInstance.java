package dev.rehearsal.load;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One application instance of a run: its HikariCP pool (the run's pool settings), the connections
 * the server refused it, and its health probe with the orchestrator's view of it. When operations
 * read from the standby, a second pool of the same settings on the standby serves them, and only them.
 */
final class AppInstance {

  final int number;
  final PoolTelemetry telemetry = new PoolTelemetry();
  final HikariDataSource pool;
  /** On the standby, for replica operations; null when none reads from it. */
  final HikariDataSource replicaPool;
  final HealthProbe probe;
  private final PoolConfig config;
  private final HealthCheck check;
  private final RefusalCountingDataSource connections;
  private final Orchestrator orchestrator;
  private final AtomicLong poolTimeouts = new AtomicLong();
  private int peakActive;
  private int maxWaiting;
  private int saturatedSeconds;

  /** @param replicaTarget the standby for a second pool, or null for none */
  AppInstance(int number, DatabaseTarget target, DatabaseTarget replicaTarget, PoolConfig config, HealthCheck check,
      LoadRecorder recorder) {
    this.number = number;
    this.config = config;
    this.check = check;
    Long statementTimeout = config.statementTimeout() == null ? null : config.statementTimeout().toMillis();
    this.connections = new RefusalCountingDataSource(target, ApplicationNames.LOAD, statementTimeout,
        recorder::connectionRefused);
    this.pool = ApplicationPool.create(config, telemetry, connections, number);
    try {
      this.replicaPool = replicaTarget == null ? null : ApplicationPool.createReplica(config,
          new RefusalCountingDataSource(replicaTarget, ApplicationNames.REPLICA, statementTimeout,
              recorder::connectionRefused), number);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    this.orchestrator = check == null ? null : new Orchestrator(check);
    this.probe = check == null ? null : new HealthProbe(check, target, recorder, pool, orchestrator);
  }

  /** The pool {@code op} runs through: the standby's for a replica operation, else the primary's. */
  HikariDataSource poolFor(Operation op) {
    return route(op, pool, replicaPool);
  }

  /** The routing decision: replica operations to the standby's pool, which must then exist. */
  static <P> P route(Operation op, P primary, P replica) {
    if (!op.replica()) {
      return primary;
    }
    if (replica == null) {
      throw new IllegalStateException("operation " + op.name() + " reads from the standby, but no standby pool "
          + "was opened");
    }
    return replica;
  }

  /** Closes both pools. */
  void close() {
    try {
      pool.close();
    } finally {
      if (replicaPool != null) {
        replicaPool.close();
      }
    }
  }

  void poolTimedOut() {
    poolTimeouts.incrementAndGet();
  }

  /** Closes this second's pool gauges: returns {max active, max waiting}. Called by the ticker only. */
  synchronized int[] closeSecond() {
    int active = telemetry.takeMaxActive();
    int waiting = telemetry.takeMaxWaiting();
    peakActive = Math.max(peakActive, active);
    maxWaiting = Math.max(maxWaiting, waiting);
    if (telemetry.takeSaturated()) {
      saturatedSeconds++;
    }
    return new int[] {active, waiting};
  }

  synchronized InstanceFigures figures(double endSecond) {
    if (orchestrator == null) {
      return new InstanceFigures(number, config.maximumPoolSize(), peakActive, maxWaiting, saturatedSeconds,
          poolTimeouts.get(), connections.refusals(), null, 0, 0, List.of());
    }
    synchronized (orchestrator) {
      return new InstanceFigures(number, config.maximumPoolSize(), peakActive, maxWaiting, saturatedSeconds,
          poolTimeouts.get(), connections.refusals(), check, orchestrator.probes(), orchestrator.failedProbes(),
          orchestrator.outOfService(endSecond));
    }
  }
}
