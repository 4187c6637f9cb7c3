package dev.rehearsal.harness.measure;

import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.harness.observe.ServerSamples;
import dev.rehearsal.load.InstanceFigures;
import dev.rehearsal.load.LoadTally;
import dev.rehearsal.report.RehearsalReport;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything one {@link LoadWindow} measured, fixed once the window closed: the raw material of
 * every figure and check in the reports. Nothing here is judged yet.
 *
 * @param tally the load's per-second figures and whole-run histograms (no longer written to)
 * @param baselineLatencyMicros the application's latencies over the baseline seconds (empty for
 *     load alone)
 * @param phases when each phase happened; null for load alone (no migration, no phases)
 * @param blocked what the lock observer saw; null when no migration ran (load alone)
 * @param statements every migration statement as it ran, in order; empty for load alone
 * @param loadStartNanos {@code System.nanoTime()} when the load started: statements are placed on
 *     the timeline from it
 * @param runSeconds how long the load ran
 * @param harnessCpuSeconds CPU time this process (the harness) used over the load window; NaN where
 *     the JVM does not say
 * @param windowSeconds the load window's wall time, from the load's start to its end
 * @param integrity the ledger check and, around a migration, the untouched-data check; null when
 *     they did not run (the window stopped early, or load alone with nothing ledgered)
 * @param lostWrites acknowledged writes missing afterwards; null when no operation kept a ledger
 *     or the check did not run
 * @param stopped why the window ended before its end (a signal, or the server or a connection
 *     failed), in words; null when it ran to the end
 * @param instances each application instance's pool and probe figures, in order
 * @param server WAL and connections sampled from the server; null when the server gave no session for it
 */
public record Measurement(
    LoadTally tally,
    Histogram baselineLatencyMicros,
    Phases phases,
    BlockedTime blocked,
    List<StatementOutcome> statements,
    long loadStartNanos,
    double runSeconds,
    RehearsalReport.Integrity integrity,
    Long lostWrites,
    String stopped,
    List<InstanceFigures> instances,
    ServerSamples server,
    double harnessCpuSeconds,
    double windowSeconds) {

  public Measurement {
    statements = List.copyOf(statements);
    instances = List.copyOf(instances);
  }

  /** {@code System.nanoTime()} of a moment given in seconds since load start. */
  public long nanosAt(double second) {
    return loadStartNanos + Math.round(second * 1e9);
  }

  /** Whether the window ran to its end: a report of it is complete. */
  public boolean complete() {
    return stopped == null;
  }
}
