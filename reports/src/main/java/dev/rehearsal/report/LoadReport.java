package dev.rehearsal.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code rehearse load} measured: traffic alone, no migration. Written as {@code load.json}
 * (same conventions as report.json: milliseconds, ISO-8601 instants, null = not measured).
 *
 * @param traffic how the load was paced, in words ("1000 ops/s open loop", "closed loop, 8 clients")
 * @param durationSeconds from load start to stop
 * @param complete false when the load was stopped (a signal) or failed (the server or a
 *     connection) before its end: the figures cover what was observed until then
 * @param failure why it did not complete, in words; null when it did
 * @param platform each application instance's pool and probe, the server's connections (as in
 *     report.json); null in files written before it existed
 */
public record LoadReport(
    int schemaVersion,
    String scenario,
    String traffic,
    Instant startedAt,
    Instant finishedAt,
    RehearsalReport.ServerInfo server,
    List<RehearsalReport.TableInfo> dataset,
    double durationSeconds,
    LoadSummary summary,
    RehearsalReport.Integrity integrity,
    List<RehearsalReport.TimelineSecond> timeline,
    boolean complete,
    String failure,
    PlatformReport platform) {

  /** 1; {@code complete} and {@code failure} were added later without changing any field's meaning. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Figures over the whole run.
   *
   * @param targetOpsPerSecond what the open-loop schedule asked for on average (null in closed loop)
   * @param achievedOpsPerSecond weighted operations completed successfully per second
   * @param latency percentiles of the weighted operations, from their intended start
   * @param serviceTime the same from the moment a connection was in hand (what pgbench reports
   *     in closed loop)
   * @param byOperation latency per operation, periodic ones and the health check included
   * @param schedulerLagP99Ms how late the scheduler handed operations out, 99th percentile
   *     (open loop; null in closed loop)
   * @param healthCheckFailures null when no probe ran
   * @param lostWrites null when no operation kept a write ledger
   */
  public record LoadSummary(
      Double targetOpsPerSecond,
      double achievedOpsPerSecond,
      long operations,
      long errors,
      Map<String, Long> errorsByClass,
      long droppedOperations,
      RehearsalReport.Percentiles latency,
      RehearsalReport.Percentiles serviceTime,
      Map<String, RehearsalReport.Percentiles> byOperation,
      Double schedulerLagP99Ms,
      long poolTimeouts,
      int maxPoolWaiting,
      Long healthCheckFailures,
      Long lostWrites) {}
}
