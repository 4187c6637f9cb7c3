package dev.rehearsal.harness.figures;

import dev.rehearsal.harness.measure.Measurement;
import dev.rehearsal.harness.measure.Phases;
import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.ServerSamples;
import dev.rehearsal.load.HealthCheck;
import dev.rehearsal.load.InstanceFigures;
import dev.rehearsal.load.Orchestrator;
import dev.rehearsal.report.WalReport;
import dev.rehearsal.report.PlatformReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the platform would have done, and the WAL the run wrote: each application instance's pool
 * and probe as the report shows them, the server's connections against max_connections, WAL per
 * migration statement and per second, and the summary figures made of them.
 *
 * @param instancesUnreadySeconds null when no probe ran
 * @param instanceRestarts null when no probe ran
 * @param walBytes WAL from the migration's start to its end (the whole run for load alone); null
 *     when not measured
 * @param peakWalBytesPerSecond from the migration's start on; null when not measured
 * @param peakReplicaLagMs the most a standby was behind from the migration's start on; null when no
 *     standby streamed
 * @param peakReplicaWriteLagMs the most a standby was behind in writing from the migration's start on; null
 *     when no standby streamed
 */
record PlatformFigures(PlatformReport platform, WalReport wal, Double instancesUnreadySeconds,
    Long instanceRestarts, long connectionRefusals, Integer peakServerConnections, Long walBytes,
    Long peakWalBytesPerSecond, Double peakReplicaLagMs, Double peakReplicaWriteLagMs) {

  /** @param maxConnections the server's max_connections, or null when unknown */
  static PlatformFigures of(Measurement m, Integer maxConnections) {
    List<PlatformReport.Instance> instances = m.instances().stream().map(PlatformFigures::instance).toList();
    boolean probed = m.instances().stream().anyMatch(i -> i.probe() != null);
    long refusals = m.instances().stream().mapToLong(InstanceFigures::connectionRefusals).sum();
    ServerSamples server = m.server() != null && m.server().measured() ? m.server() : null;
    Integer peak = server == null ? null : server.peakConnections();
    Phases p = m.phases();
    double from = p == null ? 0 : p.migrationStartSecond();
    double to = p == null ? m.runSeconds() : p.migrationEndSecond();
    return new PlatformFigures(
        new PlatformReport(maxConnections, peak, refusals, instances),
        server == null ? null : wal(server, m, from, to),
        probed ? m.instances().stream().mapToDouble(InstanceFigures::outOfServiceSeconds).sum() : null,
        probed ? (Long) m.instances().stream().mapToLong(InstanceFigures::restarts).sum() : null,
        refusals,
        peak,
        server == null ? null : server.walBytes(m.nanosAt(from), m.nanosAt(to)),
        server == null ? null : peakWalPerSecond(server, m.tally().seconds().size(), from),
        server == null ? null : server.peakReplicaLagMs(m.nanosAt(from)),
        server == null ? null : server.peakReplicaWriteLagMs(m.nanosAt(from)));
  }

  private static WalReport wal(ServerSamples server, Measurement m, double from, double to) {
    List<WalReport.StatementWal> statements = new ArrayList<>();
    for (StatementOutcome o : m.statements()) {
      long bytes = server.walBytes(o.startNanos(), o.endNanos());
      double seconds = o.durationNanos() / 1e9;
      statements.add(new WalReport.StatementWal(o.index(), bytes, seconds > 0 ? bytes / seconds : 0,
          server.fullPageImages(o.startNanos(), o.endNanos()), server.checkpointsRequested(o.startNanos(),
          o.endNanos())));
    }
    return new WalReport(server.source(), server.fullPageImages(m.nanosAt(from), m.nanosAt(to)),
        server.checkpointsRequested(m.nanosAt(from), m.nanosAt(to)), statements);
  }

  /** The most WAL in one second of the timeline, from the second the migration started in. */
  private static Long peakWalPerSecond(ServerSamples server, int seconds, double fromSecond) {
    Long peak = null;
    for (int s = 0; s < seconds; s++) {
      Long bytes = server.walBytesInSecond(s);
      if (bytes != null && s + 1 > fromSecond) {
        peak = peak == null ? bytes : Math.max(peak, bytes);
      }
    }
    return peak;
  }

  private static PlatformReport.Instance instance(InstanceFigures i) {
    HealthCheck check = i.probe();
    PlatformReport.Probe probe = check == null ? null : new PlatformReport.Probe(check.via().key(),
        check.kind().key(), check.sql(), check.every().toNanos() / 1e9, check.timeout().toNanos() / 1e9,
        check.failureThreshold(), check.successThreshold(), i.probes(), i.failedProbes(), i.outOfServiceSeconds(),
        i.restarts(), i.outOfService().stream().map(PlatformFigures::outOfService).toList());
    return new PlatformReport.Instance(i.instance(), i.maximumPoolSize(), i.peakActive(), i.maxWaiting(),
        i.saturatedSeconds(), i.poolTimeouts(), i.connectionRefusals(), probe);
  }

  private static PlatformReport.OutOfService outOfService(Orchestrator.OutOfService o) {
    return new PlatformReport.OutOfService(o.fromSecond(), o.toSecond(), o.seconds(), o.restarts(), o.untilEnd());
  }
}
