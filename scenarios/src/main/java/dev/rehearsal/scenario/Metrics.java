package dev.rehearsal.scenario;

import java.util.Map;

/**
 * The summary figures a budget may name, with what each means. The harness computes them; the
 * names are the field names of {@code summary} in report.json.
 */
public final class Metrics {

  private Metrics() {}

  /** Metric name to a one-line definition (shown by validation errors and docs). */
  public static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("blockedSessionSeconds", "sum over application sessions of seconds spent waiting on a lock"),
      Map.entry("longestWaitMs", "longest single lock wait of an application session"),
      Map.entry("longestBlockedWindowMs", "longest stretch with at least one application session waiting on a lock"),
      Map.entry("maxSessionsBlocked", "most application sessions waiting on a lock at once"),
      Map.entry("baselineP99Ms", "p99 latency during warm-up"),
      Map.entry("peakP99Ms", "highest per-second p99 latency after warm-up"),
      Map.entry("p99Ratio", "peakP99Ms / baselineP99Ms"),
      Map.entry("spikeSeconds", "seconds whose p99 exceeded the spike threshold"),
      Map.entry("poolTimeouts", "requests that gave up waiting for a pool connection"),
      Map.entry("poolSaturatedSeconds", "seconds with every pool connection busy and requests waiting"),
      Map.entry("maxPoolWaiting", "most requests waiting for a pool connection at once"),
      Map.entry("errors", "failed operations, all classes"),
      Map.entry("errors.lockTimeout", "operations that failed with lock_timeout (SQLSTATE 55P03)"),
      Map.entry("errors.statementTimeout", "operations cancelled by statement_timeout (SQLSTATE 57014)"),
      Map.entry("errors.poolTimeout", "operations that got no pool connection within connectionTimeout"),
      Map.entry("errors.connection", "operations whose connection was lost (SQLSTATE class 08)"),
      Map.entry("errors.deadlock", "operations chosen as a deadlock victim (SQLSTATE 40P01)"),
      Map.entry("errors.other", "operations that failed for any other reason"),
      Map.entry("droppedOperations", "operations not started because too many were in flight"),
      Map.entry("lostWrites", "acknowledged writes missing after the migration"),
      Map.entry("healthCheckFailures", "health-check probes that failed or timed out"),
      Map.entry("migrationDurationMs", "wall time of all migration statements"),
      Map.entry("migrationErrors", "migration statements that failed"));
}
