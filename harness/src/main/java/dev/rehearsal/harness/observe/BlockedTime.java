package dev.rehearsal.harness.observe;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lock observer's findings: what the application waited for, charged to the migration as a
 * whole, to each migration statement, or to other causes; how long the migration itself waited
 * and behind whom; and the relation locks the migration's sessions were seen holding.
 */
public final class BlockedTime {

  /**
   * Blocked-time figures for one cause.
   *
   * @param blockedSessionSeconds sum over application lock waits of their durations
   * @param longestWaitMs longest single application lock wait
   * @param longestBlockedWindowMs longest stretch with at least one application session waiting
   * @param maxSessionsBlocked most application sessions waiting at once
   * @param waits distinct application lock waits
   * @param relations relations the waits were for
   * @param modes lock modes the waiting sessions asked for (RowExclusiveLock: writes; AccessShareLock: reads)
   */
  public record Figures(double blockedSessionSeconds, double longestWaitMs, double longestBlockedWindowMs,
      int maxSessionsBlocked, long waits, Set<String> relations, Set<String> modes) {

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, Set.of(), Set.of());
  }

  /**
   * The migration's own longest wait for a lock during one statement.
   *
   * @param behind the root of the chain it waited behind, e.g. "pid 42 (rehearsal-report, active: SELECT ...)"
   */
  public record MigrationWait(double waitMs, String behind) {}

  /**
   * A relation lock the migration held.
   *
   * @param table the table {@code relation} indexes (the report folds index locks under it), null
   *     when it is not an index or is not known
   */
  public record HeldLock(String relation, String mode, String table) {
    public HeldLock(String relation, String mode) {
      this(relation, mode, null);
    }
  }

  private final Figures migration;
  private final Figures otherCauses;
  private final Map<Integer, Figures> byStatement;
  private final Map<Integer, MigrationWait> migrationWaits;
  private final Map<Integer, Set<HeldLock>> sampledLocks;
  private final Map<Integer, Integer> maxBlockedBySecond;
  private final long samples;
  private final double meanSampleIntervalMs;

  BlockedTime(Figures migration, Figures otherCauses, Map<Integer, Figures> byStatement,
      Map<Integer, MigrationWait> migrationWaits, Map<Integer, Set<HeldLock>> sampledLocks,
      Map<Integer, Integer> maxBlockedBySecond, long samples, double meanSampleIntervalMs) {
    this.migration = migration;
    this.otherCauses = otherCauses;
    this.byStatement = Map.copyOf(byStatement);
    this.migrationWaits = Map.copyOf(migrationWaits);
    this.sampledLocks = Map.copyOf(sampledLocks);
    this.maxBlockedBySecond = Map.copyOf(maxBlockedBySecond);
    this.samples = samples;
    this.meanSampleIntervalMs = meanSampleIntervalMs;
  }

  /** Application waits with the migration anywhere in their blocking chain. */
  public Figures migration() {
    return migration;
  }

  /** Application waits the migration had no part in (row locks between requests, ...). */
  public Figures otherCauses() {
    return otherCauses;
  }

  /** Application waits charged to one migration statement (1-based index). */
  public Figures statement(int statementIndex) {
    return byStatement.getOrDefault(statementIndex, Figures.NONE);
  }

  public Optional<MigrationWait> migrationWait(int statementIndex) {
    return Optional.ofNullable(migrationWaits.get(statementIndex));
  }

  public Set<HeldLock> sampledLocks(int statementIndex) {
    return sampledLocks.getOrDefault(statementIndex, Set.of());
  }

  public double blockedSessionSeconds() {
    return migration.blockedSessionSeconds();
  }

  public double longestWaitMs() {
    return migration.longestWaitMs();
  }

  public double longestBlockedWindowMs() {
    return migration.longestBlockedWindowMs();
  }

  public int maxSessionsBlocked() {
    return migration.maxSessionsBlocked();
  }

  /** Longest time a migration session itself waited for a lock, in milliseconds. */
  public double longestMigrationWaitMs() {
    return migrationWaits.values().stream().mapToDouble(MigrationWait::waitMs).max().orElse(0);
  }

  /** Most application sessions blocked by the migration at once in the given second since load start. */
  public int maxBlockedInSecond(int second) {
    return maxBlockedBySecond.getOrDefault(second, 0);
  }

  /** Samples taken, and their mean spacing: the resolution of every figure above. */
  public long samples() {
    return samples;
  }

  public double meanSampleIntervalMs() {
    return meanSampleIntervalMs;
  }
}
