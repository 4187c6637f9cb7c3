package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every summary figure, once: its name, what it means, its unit, which way is better, whether a
 * budget may name it, and how far it moves with nothing changed. Budget validation (scenarios),
 * the nightly diff and the summary table of docs/report-format.md all read this list, and
 * {@code MetricCatalogueTest} fails when a field of {@link Summary}, this list and that table
 * disagree.
 *
 * <p>Adding a figure: a component of {@link Summary}, an entry here, the code in the harness that
 * computes it, and the row the test prints for docs/report-format.md.
 */
public final class MetricCatalogue {

  /** Which way a figure improves. */
  public enum Better {
    LOWER, HIGHER
  }

  /**
   * One figure.
   *
   * @param name the metric's name in budgets, the diff and report.json's {@code summary}
   * @param field the {@link Summary} component it is read from ({@code errorsByClass} for
   *     {@code errors.<class>})
   * @param unit what a value counts: ms, s (whole seconds of the timeline), session-s, ratio, bytes or count
   * @param budgetable whether a scenario's budget may name it (a budget is breached when the
   *     figure reaches its threshold, so only figures where lower is better can be budgets)
   * @param noiseFloor how far the figure moves, in its unit, between runs of an unchanged
   *     migration (the diff's absolute tolerance unless --tolerance says otherwise)
   */
  public record Metric(String name, String field, String unit, Better better, boolean budgetable,
      double noiseFloor, String description, Function<Summary, Double> read) {

    /** The figure in a summary; null when this run did not measure it. */
    public Double valueIn(Summary summary) {
      return read.apply(summary);
    }
  }

  /** The error classes, each a metric {@code errors.<class>} (0 when none happened). */
  public static final List<String> ERROR_CLASSES =
      List.of("lockTimeout", "statementTimeout", "poolTimeout", "connection", "deadlock", "recoveryConflict",
          "other");

  /** Why a standby's lag can be null with a standby there. */
  private static final String HIDDEN = " or the server hides it from the harness's role (no superuser or "
      + "`pg_read_all_stats`: not measured, never 0)";

  private static final List<Metric> ALL = build();

  private MetricCatalogue() {}

  private static List<Metric> build() {
    List<Metric> m = new ArrayList<>();
    // Noise floors: the lock observer samples every 15 ms, so a single wait or window can read one
    // sample longer or shorter; a p99 of a few ms moves by a few ms with scheduling and GC jitter
    // on a shared runner; whole seconds of a 1-second timeline move by one as the migration falls
    // against second boundaries; counts are real events, so their floor is 0.
    m.add(lower("blockedSessionSeconds", "session-s", 0.1,
        "sum of the durations of application lock waits blocked by the migration (a migration session on their "
            + "blocking chain, holding the lock or queued ahead)", Summary::blockedSessionSeconds));
    m.add(lower("longestWaitMs", "ms", 15, "longest single such wait", Summary::longestWaitMs));
    m.add(lower("longestBlockedWindowMs", "ms", 15,
        "longest stretch with at least one application session so blocked", Summary::longestBlockedWindowMs));
    m.add(lower("maxSessionsBlocked", "count", 0, "most application sessions so blocked at once",
        s -> (double) s.maxSessionsBlocked()));
    m.add(lower("baselineP99Ms", "ms", 5,
        "p99 latency of the weighted operations over the warm-up (its first second excluded when the warm-up is "
            + "3 s or more)", Summary::baselineP99Ms));
    m.add(lower("peakP99Ms", "ms", 5, "highest per-second p99 from the migration's start on", Summary::peakP99Ms));
    // with a baseline of 2 ms, 0.5 ms of jitter moves the ratio by 25%
    m.add(lower("p99Ratio", "ratio", 0.5, "`peakP99Ms / baselineP99Ms`", Summary::p99Ratio));
    m.add(new Metric("spikeThresholdMs", "spikeThresholdMs", "ms", Better.LOWER, false, 15,
        "`max(3 × baselineP99Ms, baselineP99Ms + 20 ms, highest baseline second's p99)`: context for "
            + "`spikeSeconds`, not an outcome (follows the baseline)", Summary::spikeThresholdMs));
    m.add(lower("spikeSeconds", "s", 1,
        "seconds from the migration's start on whose p99 exceeded the threshold, or in which nothing completed "
            + "while requests waited for the pool (a stall); a lone second the migration ran for less than half of, "
            + "with no session blocked, is the host's noise and not counted ([measurement.md](measurement.md#latency-spike))",
        s -> (double) s.spikeSeconds()));
    m.add(lower("poolTimeouts", "count", 0,
        "requests that gave up waiting for a pool connection (`connectionTimeout`)", s -> (double) s.poolTimeouts()));
    m.add(lower("poolSaturatedSeconds", "s", 1, "seconds with every connection busy and requests waiting",
        s -> (double) s.poolSaturatedSeconds()));
    m.add(lower("maxPoolWaiting", "count", 0, "most requests waiting for a connection at once",
        s -> (double) s.maxPoolWaiting()));
    m.add(lower("errors", "count", 0, "failed operations, all classes (health probes are counted apart)",
        s -> (double) s.errors()));
    m.addAll(errorClasses());
    m.add(lower("droppedOperations", "count", 0, "operations not started because `maxInFlight` were in flight",
        s -> (double) s.droppedOperations()));
    m.add(lower("lostWrites", "count", 0,
        "rows whose acknowledged writes were not all there afterwards; `null` when no operation keeps a `ledger`",
        s -> s.lostWrites() == null ? null : s.lostWrites().doubleValue()));
    m.add(lower("healthCheckFailures", "count", 0,
        "health probes that failed or timed out; `null` when the health check is disabled",
        s -> s.healthCheckFailures() == null ? null : s.healthCheckFailures().doubleValue()));
    m.add(lower("instancesUnreadySeconds", "s", 1,
        "instance-seconds out of service by the health check's Kubernetes semantics (`failureThreshold` failed "
            + "probes in a row until `successThreshold` passed ones); `null` when the health check is disabled",
        Summary::instancesUnreadySeconds));
    m.add(lower("instanceRestarts", "count", 0,
        "restarts a liveness health check would have caused (0 for readiness); `null` when the health check is "
            + "disabled", s -> s.instanceRestarts() == null ? null : s.instanceRestarts().doubleValue()));
    m.add(lower("connectionRefusals", "count", 0,
        "connections the server refused the application's pools for being full (SQLSTATE 53300)",
        s -> (double) s.connectionRefusals()));
    m.add(lower("peakServerConnections", "count", 1,
        "most client connections open on the server at once (compare with `max_connections`); `null` when not "
            + "sampled", s -> s.peakServerConnections() == null ? null : s.peakServerConnections().doubleValue()));
    // WAL includes the application's writes, whose timing moves from run to run: a MiB either way is noise
    m.add(lower("walBytes", "bytes", 1 << 20,
        "WAL the server wrote from the migration's start to its end (`pg_current_wal_insert_lsn()` differences, "
            + "read from a session of the harness's own); `null` when not measured",
        s -> s.walBytes() == null ? null : s.walBytes().doubleValue()));
    m.add(lower("peakWalBytesPerSecond", "bytes", 1 << 20,
        "most WAL written in one second of the timeline from the migration's start on; `null` when not measured",
        s -> s.peakWalBytesPerSecond() == null ? null : s.peakWalBytesPerSecond().doubleValue()));
    // replay_lag is reported at the standby's status interval (1 s for the rehearsal's own): half of it is noise
    m.add(lower("peakReplicaLagMs", "ms", 500,
        "the most a standby streaming from the server was behind in replaying WAL (`pg_stat_replication.replay_lag`,"
            + " read every 50 ms on the primary) from the migration's start on; `null` when no standby streamed,"
            + HIDDEN,
        Summary::peakReplicaLagMs));
    // write_lag says whether the standby kept up receiving and writing WAL, apart from applying it; not a budget
    m.add(new Metric("peakReplicaWriteLagMs", "peakReplicaWriteLagMs", "ms", Better.LOWER, false, 500,
        "the most a standby streaming from the server was behind in writing the WAL sent to it (`pg_stat_replication"
            + ".write_lag`: received and written, not yet flushed or replayed) from the migration's start on; `null` "
            + "when no standby streamed," + HIDDEN, Summary::peakReplicaWriteLagMs));
    // a second either way as the lag crosses the threshold against second boundaries
    m.add(lower("staleReplicaReadSeconds", "s", 1,
        "seconds from the migration's start on in which an operation marked `replica` finished on the standby while "
            + "its replay lag (the timeline's `replicaLagMs`) was over the `peakReplicaLagMs` budget's warn threshold "
            + "(its critical without one; 1000 ms without the budget): replica reads that second were that stale; "
            + "`null` when no operation reads from the standby or its lag was not measured",
        s -> s.staleReplicaReadSeconds() == null ? null : s.staleReplicaReadSeconds().doubleValue()));
    m.add(lower("migrationDurationMs", "ms", 5,
        "the migration's wall time: first statement to last, pauses and a rehearsed rollback included",
        Summary::migrationDurationMs));
    m.add(lower("migrationErrors", "count", 0, "migration statements that failed",
        s -> (double) s.migrationErrors()));
    m.add(new Metric("operations", "operations", "count", Better.HIGHER, false, 0,
        "operations that succeeded, weighted and periodic (throughput: higher is better, so not a budget)",
        s -> (double) s.operations()));
    return List.copyOf(m);
  }

  /** One metric per error class, read from the summary's {@code errorsByClass}. */
  private static List<Metric> errorClasses() {
    List<Metric> m = new ArrayList<>();
    Map<String, String> classes = new LinkedHashMap<>();
    classes.put("lockTimeout", "operations that failed with lock_timeout (SQLSTATE 55P03)");
    classes.put("statementTimeout", "operations cancelled by statement_timeout (SQLSTATE 57014)");
    classes.put("poolTimeout", "operations that got no pool connection within `connectionTimeout`");
    classes.put("connection", "operations whose connection was lost (SQLSTATE class 08)");
    classes.put("deadlock", "operations chosen as a deadlock victim (SQLSTATE 40P01)");
    classes.put("recoveryConflict", "operations marked `replica` that the standby cancelled for a conflict with "
        + "recovery (SQLSTATE 40001 there)");
    classes.put("other", "operations that failed for any other reason");
    for (String errorClass : ERROR_CLASSES) {
      m.add(new Metric("errors." + errorClass, "errorsByClass", "count", Better.LOWER, true, 0,
          classes.get(errorClass), s -> {
            Long n = Nulls.map(s.errorsByClass()).get(errorClass);
            return n == null ? 0.0 : n.doubleValue();
          }));
    }
    return m;
  }

  private static Metric lower(String name, String unit, double noiseFloor, String description,
      Function<Summary, Double> read) {
    return new Metric(name, name, unit, Better.LOWER, true, noiseFloor, description, read);
  }

  /** Every figure, in report order. */
  public static List<Metric> all() {
    return ALL;
  }

  /** The names of every figure, in report order: what the diff compares and --tolerance may name. */
  public static List<String> names() {
    return ALL.stream().map(Metric::name).toList();
  }

  /** The names a budget may use. */
  public static List<String> budgetable() {
    return ALL.stream().filter(Metric::budgetable).map(Metric::name).toList();
  }

  public static Optional<Metric> find(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** Every figure of a summary by name; a null value means this run did not measure it. */
  public static Map<String, Double> figures(Summary summary) {
    Map<String, Double> figures = new LinkedHashMap<>();
    for (Metric m : ALL) {
      figures.put(m.name(), m.valueIn(summary));
    }
    return figures;
  }

  /** Whether a rise in this figure is an improvement (throughput) rather than a regression. */
  public static boolean higherIsBetter(String metric) {
    return find(metric).map(m -> m.better() == Better.HIGHER).orElse(false);
  }

  /** The summary table of docs/report-format.md, as it must read there. */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder("| metric | unit | better | budget | meaning |\n|---|---|---|---|---|\n");
    for (Metric m : ALL) {
      out.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |\n", m.name(), m.unit(),
          m.better().name().toLowerCase(Locale.ROOT), m.budgetable() ? "yes" : "no", m.description()));
    }
    return out.toString();
  }
}
