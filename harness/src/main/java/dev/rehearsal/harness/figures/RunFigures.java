package dev.rehearsal.harness.figures;

import dev.rehearsal.harness.measure.Measurement;
import dev.rehearsal.harness.measure.Phases;
import dev.rehearsal.report.WalReport;
import dev.rehearsal.report.PlatformReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.LockObservation;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.List;

/**
 * A rehearsal's figures as the report shows them, computed from what its load window measured:
 * the summary (what budgets judge), the timeline, each statement with the waits it caused, and
 * how the lock observer watched. Pure: the same measurement gives the same figures.
 *
 * @param phases the phase boundaries in seconds since load start, as report.json writes them
 * @param migrationLockWaitMs longest time the migration's own session waited for a lock
 */
public record RunFigures(Summary summary, List<TimelineSecond> timeline, List<StatementResult> statements,
    RehearsalReport.Phases phases, LockObservation lockObservation, double migrationLockWaitMs,
    PlatformReport platform, WalReport wal) {

  /** What the platform would have done, alone: for a load without a migration ({@code rehearse load}). */
  public static PlatformReport platform(Measurement m, Integer maxConnections) {
    return PlatformFigures.of(m, maxConnections).platform();
  }

  /**
   * @param warmupSeconds the scenario's warm-up, as planned (the phases say when the migration
   *     really started)
   * @param poolSize the application pool's maximumPoolSize (saturation is every connection of every
   *     instance busy)
   * @param healthChecked whether a health probe ran (else its failures are "not measured")
   * @param maxConnections the server's max_connections, or null when unknown
   * @param staleReads which operations read from the standby, and when their reads are stale
   */
  public static RunFigures of(Measurement m, double warmupSeconds, int poolSize, boolean healthChecked,
      Integer maxConnections, StaleReplicaReads.Rule staleReads) {
    Phases p = m.phases();
    PlatformFigures platform = PlatformFigures.of(m, maxConnections);
    List<TimelineSecond> timeline = TimelineBuilder.build(m.tally().seconds(), m.blocked(), p, m.server());
    Summary summary = SummaryBuilder.build(m.tally().seconds(), m.baselineLatencyMicros(), p, m.blocked(),
        m.statements(), poolSize * Math.max(1, m.instances().size()), m.lostWrites(), healthChecked, platform,
        StaleReplicaReads.seconds(timeline, p.migrationStartSecond(), staleReads));
    return new RunFigures(summary,
        timeline,
        StatementResults.build(m.statements(), m.blocked(), m.loadStartNanos()),
        new RehearsalReport.Phases(warmupSeconds, p.migrationStartSecond(), p.migrationEndSecond(), p.endSecond()),
        StatementResults.observation(m.blocked()),
        m.blocked().longestMigrationWaitMs(),
        platform.platform(),
        platform.wal());
  }
}
