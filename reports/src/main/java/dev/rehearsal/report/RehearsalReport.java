package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one rehearsal of one strategy produced; serialised as report.json. Field names are
 * the public schema (docs/report-format.md); bump {@link #SCHEMA_VERSION} when one changes
 * meaning or disappears.
 *
 * @param complete false when the run was interrupted or failed part-way; figures cover only
 *     what was observed
 * @param timeline one entry per second of load, in order
 * @param lockObservation the lock observer's resolution and waits with other causes; null when
 *     no observer ran
 * @param platform what the platform would have done: each application instance's pool and probe,
 *     the server's connections; null in reports written before instances were measured
 * @param wal the WAL the run wrote, per migration statement; null when it was not measured
 * @param harness what the harness itself took of the host's CPU over the load window; null when not
 *     measured
 */
public record RehearsalReport(
    int schemaVersion,
    String scenario,
    String strategy,
    Instant startedAt,
    Instant finishedAt,
    boolean complete,
    ServerInfo server,
    List<TableInfo> dataset,
    SeedInfo seed,
    Phases phases,
    List<TimelineSecond> timeline,
    List<StatementResult> statements,
    Summary summary,
    Integrity integrity,
    List<BudgetResult> budgets,
    Verdict verdict,
    List<NextStep> nextSteps,
    String failure,
    LockObservation lockObservation,
    PlatformReport platform,
    WalReport wal,
    HarnessCost harness) {

  /**
   * 2: next steps became objects tied to a rule, statement and figure (were strings); budgets
   * gained {@code strict}. Version 1 files still read: a next step string becomes its text.
   */
  public static final int SCHEMA_VERSION = 2;

  /** A report without lock observation details (tests, older callers). */
  public RehearsalReport(int schemaVersion, String scenario, String strategy, Instant startedAt, Instant finishedAt,
      boolean complete, ServerInfo server, List<TableInfo> dataset, SeedInfo seed, Phases phases,
      List<TimelineSecond> timeline, List<StatementResult> statements, Summary summary, Integrity integrity,
      List<BudgetResult> budgets, Verdict verdict, List<NextStep> nextSteps, String failure) {
    this(schemaVersion, scenario, strategy, startedAt, finishedAt, complete, server, dataset, seed, phases, timeline,
        statements, summary, integrity, budgets, verdict, nextSteps, failure, null);
  }

  /** A report without platform and WAL figures (tests, older callers). */
  public RehearsalReport(int schemaVersion, String scenario, String strategy, Instant startedAt, Instant finishedAt,
      boolean complete, ServerInfo server, List<TableInfo> dataset, SeedInfo seed, Phases phases,
      List<TimelineSecond> timeline, List<StatementResult> statements, Summary summary, Integrity integrity,
      List<BudgetResult> budgets, Verdict verdict, List<NextStep> nextSteps, String failure,
      LockObservation lockObservation) {
    this(schemaVersion, scenario, strategy, startedAt, finishedAt, complete, server, dataset, seed, phases, timeline,
        statements, summary, integrity, budgets, verdict, nextSteps, failure, lockObservation, null, null, null);
  }

  /**
   * The server the rehearsal ran on.
   *
   * @param provider embedded, container or external
   * @param version the server's own server_version: the version run
   * @param settings effective values read back from the server (pg_settings), not the requested
   * @param pinnedVersion the major version the scenario pins as production's ({@code server.version}), or
   *     null when it pins none; differs from {@code version}'s major when {@code --pg-version} overrode it or
   *     an external server runs another major
   */
  public record ServerInfo(String provider, String version, Map<String, String> settings, Integer pinnedVersion) {

    /** A server whose scenario pins no version. */
    public ServerInfo(String provider, String version, Map<String, String> settings) {
      this(provider, version, settings, null);
    }

    /** Whether the server runs another major than the scenario pins (false when nothing is pinned). */
    public boolean differsFromPinned() {
      if (pinnedVersion == null || version == null) {
        return false;
      }
      String major = version.strip().split("[^0-9]", 2)[0];
      return !major.equals(String.valueOf(pinnedVersion));
    }
  }

  /**
   * A seeded table.
   *
   * @param seedMillis time of its data load (COPY); 0 when the data came from the seed cache
   * @param copyFormat binary or text
   * @param checksum hex checksum of the generated rows: equal for the same scenario and seed
   */
  public record TableInfo(String name, long rows, long seedMillis, String copyFormat, String checksum) {}

  /**
   * How the dataset was produced.
   *
   * @param fingerprint one checksum over all tables: equal fingerprints mean identical data
   * @param seed the random seed the data was generated with
   * @param fromCache the data was cloned from a template seeded by an earlier run (seed cache)
   * @param totalMillis seeding end to end (data, indexes, constraints, vacuum) when it happened
   *     in this run or when the cached template was made
   * @param cloneMillis time to clone the template into this rehearsal's database, or null when
   *     the rehearsal ran in the seeded database itself
   */
  public record SeedInfo(
      String fingerprint, long seed, boolean fromCache, long totalMillis, long dataMillis,
      long indexMillis, long vacuumMillis, Long cloneMillis) {}

  /**
   * Phase boundaries in seconds since load start.
   *
   * @param migrationStartSecond when the first migration statement started
   * @param migrationEndSecond when the last one ended
   */
  public record Phases(
      double warmupSeconds, double migrationStartSecond, double migrationEndSecond,
      double endSecond) {}

  /**
   * One second of load.
   *
   * @param second seconds since load start (0-based)
   * @param phase warmup, migration or cooldown
   * @param operations operations that completed successfully in this second
   * @param errors operations that failed in this second, by class (lockTimeout,
   *     statementTimeout, poolTimeout, connection, deadlock, recoveryConflict, other)
   * @param dropped operations not started because maxInFlight was reached
   * @param p50Ms latency percentiles of the weighted operations completed in this second,
   *     measured from their intended start; null when none completed
   * @param byOperation the same percentiles per operation name
   * @param poolActive most connections in use at once
   * @param poolWaiting most requests waiting for a connection at once
   * @param sessionsBlocked most application sessions waiting on a lock at once
   * @param targetOperations operations the open-loop schedule meant to start in this second
   *     (null in closed loop)
   * @param healthCheckFailures health probes that failed or timed out in this second
   * @param connectionRefusals connections the server refused the application's pools (53300)
   * @param serverConnections most client connections open on the server at once; null when not sampled
   * @param walBytes WAL written in this second; null when not measured
   * @param schedulerLagMs how late the load's open-loop scheduler handed operations out in this
   *     second, 99th percentile: the host's own noise as the harness felt it (null when not measured)
   * @param replicaLagMs the most a standby was behind in replaying in this second; null when none streamed
   * @param replicaWriteLagMs the most a standby was behind in writing (not yet replaying) the WAL sent to it in
   *     this second; null when none streamed
   */
  public record TimelineSecond(
      int second,
      String phase,
      long operations,
      Map<String, Long> errors,
      long dropped,
      Double p50Ms,
      Double p95Ms,
      Double p99Ms,
      Double maxMs,
      Map<String, Percentiles> byOperation,
      int poolActive,
      int poolWaiting,
      int sessionsBlocked,
      Double targetOperations,
      int healthCheckFailures,
      int connectionRefusals,
      Integer serverConnections,
      Long walBytes,
      Double schedulerLagMs,
      Double replicaLagMs,
      Double replicaWriteLagMs) {

    /** A second without server-side figures or the scheduler's lag (tests, older reports). */
    public TimelineSecond(int second, String phase, long operations, Map<String, Long> errors, long dropped,
        Double p50Ms, Double p95Ms, Double p99Ms, Double maxMs, Map<String, Percentiles> byOperation, int poolActive,
        int poolWaiting, int sessionsBlocked, Double targetOperations, int healthCheckFailures) {
      this(second, phase, operations, errors, dropped, p50Ms, p95Ms, p99Ms, maxMs, byOperation, poolActive,
          poolWaiting, sessionsBlocked, targetOperations, healthCheckFailures, 0, null, null, null, null, null);
    }
  }

  /**
   * The integrity check: every write the load generator saw acknowledged, read back after the
   * migration.
   *
   * @param acknowledgedWrites rows the database acknowledged writing (ledgered operations only)
   * @param rowsChecked distinct rows read back
   * @param rowsInDoubt rows excused because a write that may have touched them ended with a
   *     broken connection (its outcome is unknown)
   * @param lostWrites rows whose acknowledged writes are not all there
   * @param examples a few of them, e.g. "users id=42: row missing"
   * @param untouchedData the check of data nothing should have changed; null when it did not run
   */
  public record Integrity(long acknowledgedWrites, long rowsChecked, long rowsInDoubt, long lostWrites,
      List<String> examples, UntouchedData untouchedData) {

    /** The ledger's part alone. */
    public Integrity(long acknowledgedWrites, long rowsChecked, long rowsInDoubt, long lostWrites,
        List<String> examples) {
      this(acknowledgedWrites, rowsChecked, rowsInDoubt, lostWrites, examples, null);
    }
  }

  /**
   * Data neither the workload nor the migration writes, compared before the load and after the
   * migration: row counts and an order-independent checksum per column (values as text, so an
   * int to bigint change compares equal).
   *
   * @param differences what changed although nothing should have, e.g. "users.email: checksum changed"
   * @param columnsAdded columns that exist only after (added or renamed by the migration)
   * @param columnsDropped columns that exist only before
   * @param typesChanged columns whose type changed
   * @param tablesGone tables that no longer exist
   * @param millis time both snapshots took
   * @param sampled tables larger than 2M rows are compared on a sample of primary-key ranges, read through the
   *     key's index at the same cost at any size: per such table what was read, e.g. "users: 128,000 of
   *     ~50,000,000 rows, in 64 ranges of id" (the others are compared whole)
   */
  public record UntouchedData(int tablesCompared, int columnsCompared, List<String> differences,
      List<String> columnsAdded, List<String> columnsDropped, List<String> typesChanged, List<String> tablesGone,
      long millis, List<String> sampled) {

    public UntouchedData {
      sampled = sampled == null ? List.of() : List.copyOf(sampled);
    }
  }

  /** Latency percentiles in milliseconds and the number of operations measured. */
  public record Percentiles(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}

  /**
   * One migration statement as it ran. A backfill step is one statement (its batches counted), a
   * Flyway migration one statement (its script).
   *
   * @param index 1-based position in the run (up steps, then down steps)
   * @param startSecond seconds since load start
   * @param error null on success, else PostgreSQL's message (SQLSTATE in {@code sqlState})
   * @param direction up, or down for a rehearsed rollback
   * @param step the step's name, or "step N"
   * @param kind sql, backfill or flyway
   * @param origin the step or file the statement came from
   * @param line its first line there
   * @param errorLine the line PostgreSQL's error position points at, when given
   * @param attempts tries under the step's lock-retry policy (1 without one)
   * @param retryWaitMs time spent in failed attempts and the pauses between them
   * @param rowsAffected rows changed, for row-changing statements
   * @param batches backfill batches, null for other kinds
   * @param inTransaction it ran in a transaction (its locks read at its end); false for
   *     statements sent alone in autocommit (CREATE INDEX CONCURRENTLY, ...), whose locks are
   *     those the observer sampled
   * @param locks relation locks the migration held while it ran
   * @param rewrote tables whose storage was replaced (relfilenode changed): a full rewrite
   * @param blocked application lock waits charged to this statement (it held the lock, or was
   *     queued ahead of them for it)
   * @param lockWaitMs longest time this statement itself waited for a lock, null if it never waited
   * @param waitedBehind the session it waited behind, e.g. "pid 42 (rehearsal-report, active: SELECT ...)"
   */
  public record StatementResult(
      int index, String sql, double startSecond, double durationMs, String sqlState, String error,
      String direction, String step, String kind, String origin, Integer line, Integer errorLine,
      int attempts, double retryWaitMs, Long rowsAffected, Integer batches, boolean inTransaction, List<Lock> locks,
      List<String> rewrote, LockWaits blocked, Double lockWaitMs, String waitedBehind) {

    /** A statement with only what every statement has; the rest empty. */
    public StatementResult(int index, String sql, double startSecond, double durationMs, String sqlState,
        String error) {
      this(index, sql, startSecond, durationMs, sqlState, error, "up", null, "sql", null, null, null, 1, 0,
          null, null, true, List.of(), List.of(), null, null, null);
    }
  }

  /**
   * A relation lock and its mode as pg_locks names it (AccessExclusiveLock, ShareLock, ...).
   *
   * @param table the table {@code relation} indexes, so that reports fold a table's index locks
   *     under it; absent when the relation is not an index
   */
  public record Lock(String relation, String mode,
      @JsonInclude(JsonInclude.Include.NON_NULL) String table) {
    public Lock(String relation, String mode) {
      this(relation, mode, null);
    }
  }

  /**
   * Application lock waits of one cause.
   *
   * @param blockedSessionSeconds sum of the waits' durations
   * @param longestWaitMs longest single wait
   * @param longestBlockedWindowMs longest stretch with at least one session waiting
   * @param maxSessionsBlocked most sessions waiting at once
   * @param waits distinct waits
   * @param relations the relations waited for
   * @param modes the lock modes the waiting sessions asked for: RowExclusiveLock means writes
   *     were blocked, AccessShareLock reads
   */
  public record LockWaits(double blockedSessionSeconds, double longestWaitMs, double longestBlockedWindowMs,
      int maxSessionsBlocked, long waits, List<String> relations, List<String> modes) {}

  /**
   * How the lock observer watched, and what it saw that was not the migration's doing.
   *
   * @param samples samples of pg_locks taken
   * @param sampleIntervalMs their mean spacing: every blocked-time figure is exact to about half of it
   * @param otherCauses application waits with no migration session in their blocking chain
   */
  public record LockObservation(long samples, double sampleIntervalMs, LockWaits otherCauses) {}

  /**
   * The figures budgets are judged on; names match the scenario's budget metrics.
   *
   * @param lostWrites acknowledged writes missing afterwards; null when no integrity check ran
   * @param healthCheckFailures failed health-check probes; null when no probe ran
   * @param instancesUnreadySeconds instance-seconds out of service by the probes' Kubernetes semantics;
   *     null when no probe ran
   * @param instanceRestarts liveness restarts; null when no probe ran
   * @param connectionRefusals connections the server refused the pools (53300)
   * @param peakServerConnections most client connections open on the server at once; null when not sampled
   * @param walBytes WAL written from the migration's start to its end; null when not measured
   * @param peakWalBytesPerSecond most WAL written in one second from the migration's start on; null
   *     when not measured
   * @param peakReplicaLagMs the most a standby streaming from the server was behind in replaying,
   *     from the migration's start on; null when no standby streamed
   * @param peakReplicaWriteLagMs the most a standby was behind in writing the WAL sent to it, from the
   *     migration's start on; null when no standby streamed
   * @param staleReplicaReadSeconds seconds of the timeline from the migration's start on in which an operation
   *     marked replica finished on the standby while its replay lag was over the stale-read threshold (the
   *     {@code peakReplicaLagMs} budget's warn, else its critical, else 1000 ms); null when no operation reads
   *     from the standby or its lag was not measured
   */
  public record Summary(
      double baselineP99Ms,
      double peakP99Ms,
      double p99Ratio,
      double spikeThresholdMs,
      int spikeSeconds,
      double blockedSessionSeconds,
      double longestWaitMs,
      double longestBlockedWindowMs,
      int maxSessionsBlocked,
      long poolTimeouts,
      int poolSaturatedSeconds,
      int maxPoolWaiting,
      long operations,
      long errors,
      Map<String, Long> errorsByClass,
      long droppedOperations,
      Long lostWrites,
      Long healthCheckFailures,
      double migrationDurationMs,
      int migrationErrors,
      Double instancesUnreadySeconds,
      Long instanceRestarts,
      long connectionRefusals,
      Integer peakServerConnections,
      Long walBytes,
      Long peakWalBytesPerSecond,
      Double peakReplicaLagMs,
      Double peakReplicaWriteLagMs,
      Integer staleReplicaReadSeconds) {}

  /**
   * A budget judged.
   *
   * @param strict false: breached when the value reaches a threshold ({@code value >= threshold});
   *     true: only when it exceeds it ({@code value > threshold})
   * @param value the figure; NaN (written as the string "NaN") when this run did not measure it
   * @param status pass, warn, fail, or unmeasured (the figure does not exist in this run; it does
   *     not count towards the verdict)
   */
  public record BudgetResult(
      String metric, Double warn, Double critical, boolean strict, double value, String status, String action,
      String owner) {

    /** An inclusive budget (breached at the threshold). */
    public BudgetResult(String metric, Double warn, Double critical, double value, String status, String action,
        String owner) {
      this(metric, warn, critical, false, value, status, action, owner);
    }

    /** The first threshold the figure meets: its warning, else its critical one; null with neither. */
    public Double firstThreshold() {
      return warn != null ? warn : critical;
    }

    /** "≥ 1" or "> 1000": when the threshold counts as breached. */
    public String condition(Double threshold) {
      return condition(strict, threshold);
    }

    /** "≥ 1" or "> 1000" for a budget that is {@code strict} or not; "" without a threshold. */
    public static String condition(boolean strict, Double threshold) {
      return threshold == null ? "" : (strict ? "> " : "≥ ") + Fmt.number(threshold);
    }
  }

  /**
   * A next useful step, tied to the evidence that triggered it.
   *
   * @param text what to do, and why, in one paragraph
   * @param rule the rule that produced it: statementFailed, lockQueue, tableRewrite,
   *     blockingIndexBuild, constraintScan, slowAfterMigration, poolSaturated, budgetAction or noBreach
   * @param statement the migration statement it is about (index), or null
   * @param metric the summary figure that triggered it, or null
   * @param value that figure's value, or null
   */
  public record NextStep(String text, String rule, Integer statement, String metric, Double value) {

    /** A step read from a schema-version-1 report, where next steps were plain strings. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NextStep ofText(String text) {
      return new NextStep(text, null, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public NextStep {}
  }

  /** The outcome and the one-line reason a reader sees first. */
  public record Verdict(String status, String headline) {}
}
