package dev.rehearsal.harness.figures;

import dev.rehearsal.harness.measure.Phases;
import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.load.ErrorClass;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Computes the summary figures exactly as docs/measurement.md defines them. */
final class SummaryBuilder {

  private SummaryBuilder() {}

  /**
   * @param lostWrites from the integrity check, or null when nothing was checked (no operation
   *     keeps a write ledger)
   * @param healthChecked whether a health probe ran (else its failures are "not measured")
   * @param baseline the application's latencies in the baseline seconds ({@code measure.BaselineWindow})
   * @param maximumPoolSize connections of every instance's pool together (saturation: all in use)
   * @param platform the instances' probes, the server's connections, the WAL
   * @param staleReplicaReadSeconds {@link StaleReplicaReads#seconds}
   */
  static Summary build(List<SecondFigures> samples, Histogram baseline, Phases phases,
      BlockedTime blocked, List<StatementOutcome> statements, int maximumPoolSize, Long lostWrites,
      boolean healthChecked, PlatformFigures platform, Integer staleReplicaReadSeconds) {
    double baselineP99Ms = baseline.getTotalCount() == 0 ? 0 : TimelineBuilder.ms(baseline.getValueAtPercentile(99));
    double spikeThresholdMs = SpikeSeconds.thresholdMs(baselineP99Ms,
        SpikeSeconds.highestBaselineSecondP99Ms(samples, phases));
    Seconds s = new Seconds(maximumPoolSize, phases.migrationStartSecond());
    samples.forEach(s::add);
    int spikeSeconds = SpikeSeconds.count(samples, spikeThresholdMs, phases, blocked::maxBlockedInSecond);
    // the whole migration window: statements, pauses between them, and a rehearsed rollback
    double migrationMs = (phases.migrationEndSecond() - phases.migrationStartSecond()) * 1000;
    int migrationErrors = (int) statements.stream().filter(StatementOutcome::failed).count();
    return new Summary(
        baselineP99Ms,
        s.peakP99Ms,
        baselineP99Ms > 0 ? s.peakP99Ms / baselineP99Ms : 0,
        spikeThresholdMs,
        spikeSeconds,
        blocked.blockedSessionSeconds(),
        blocked.longestWaitMs(),
        blocked.longestBlockedWindowMs(),
        blocked.maxSessionsBlocked(),
        s.errors.getOrDefault(ErrorClass.POOL_TIMEOUT, 0L),
        s.saturatedSeconds,
        s.maxPoolWaiting,
        s.operations,
        s.errors.values().stream().mapToLong(Long::longValue).sum(),
        TimelineBuilder.errorsByKey(s.errors),
        s.dropped,
        lostWrites,
        healthChecked ? (Long) samples.stream().mapToLong(SecondFigures::healthCheckFailures).sum() : null,
        migrationMs,
        migrationErrors,
        platform.instancesUnreadySeconds(),
        platform.instanceRestarts(),
        platform.connectionRefusals(),
        platform.peakServerConnections(),
        platform.walBytes(),
        platform.peakWalBytesPerSecond(),
        platform.peakReplicaLagMs(),
        platform.peakReplicaWriteLagMs(),
        staleReplicaReadSeconds);
  }

  /** The per-second figures summed and maximised over the run. */
  private static final class Seconds {
    final int maximumPoolSize;
    final double migrationStartSecond;
    double peakP99Ms;
    int saturatedSeconds;
    int maxPoolWaiting;
    long operations;
    long dropped;
    final Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);

    Seconds(int maximumPoolSize, double migrationStartSecond) {
      this.maximumPoolSize = maximumPoolSize;
      this.migrationStartSecond = migrationStartSecond;
    }

    void add(SecondFigures s) {
      operations += s.successes();
      dropped += s.dropped();
      s.errors().forEach((c, n) -> errors.merge(c, n, Long::sum));
      maxPoolWaiting = Math.max(maxPoolWaiting, s.poolMaxWaiting());
      if (s.poolMaxWaiting() > 0 && s.poolMaxActive() >= maximumPoolSize) {
        saturatedSeconds++;
      }
      // the peak describes what the migration did: seconds from its start on
      if (s.second() + 1 > migrationStartSecond && s.weightedLatency() != null) {
        peakP99Ms = Math.max(peakP99Ms, TimelineBuilder.ms(s.weightedLatency().p99Micros()));
      }
    }
  }
}
