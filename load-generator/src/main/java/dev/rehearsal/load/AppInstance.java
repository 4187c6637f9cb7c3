package dev.rehearsal.load;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One application instance of a run: its HikariCP pool (the run's pool settings), the connections
 * the server refused it, and its health probe with the orchestrator's view of it.
 */
final class AppInstance {

  final int number;
  final PoolTelemetry telemetry = new PoolTelemetry();
  final HikariDataSource pool;
  final HealthProbe probe;
  private final PoolConfig config;
  private final HealthCheck check;
  private final RefusalCountingDataSource connections;
  private final Orchestrator orchestrator;
  private final AtomicLong poolTimeouts = new AtomicLong();
  private int peakActive;
  private int maxWaiting;
  private int saturatedSeconds;

  AppInstance(int number, DatabaseTarget target, PoolConfig config, HealthCheck check, LoadRecorder recorder) {
    this.number = number;
    this.config = config;
    this.check = check;
    this.connections = new RefusalCountingDataSource(target,
        config.statementTimeout() == null ? null : config.statementTimeout().toMillis(), recorder::connectionRefused);
    this.pool = ApplicationPool.create(config, telemetry, connections, number);
    this.orchestrator = check == null ? null : new Orchestrator(check);
    this.probe = check == null ? null : new HealthProbe(check, target, recorder, pool, orchestrator);
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
