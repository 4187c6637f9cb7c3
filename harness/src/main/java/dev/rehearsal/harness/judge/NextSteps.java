package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The next useful steps, computed from the evidence and tied to the statement and figure that
 * triggered them, so a reader gets a decision rather than a dashboard to interpret. The causes
 * come first, the one with the largest {@link Impact} on the application first (it also leads
 * the verdict's headline): a statement failed; the migration headed a lock queue; a statement
 * rewrote a table, built an index, validated a constraint or changed many rows while others
 * waited; queries stayed slow after the migration. Then the effects: the pool ran dry; a
 * breached budget's own action; nothing breached.
 */
public final class NextSteps {

  /** A statement's own lock wait shorter than this is not worth a lock_timeout. */
  static final double LOCK_QUEUE_MIN_WAIT_MS = 500;

  private NextSteps() {}

  /**
   * The bounds advice must respect.
   *
   * @param longestHoldMs the longest an application session may wait on a lock: the scenario's
   *     longestWaitMs budget (its lowest threshold), else {@link #DEFAULT_HOLD_MS}
   * @param holdFromBudget whether {@code longestHoldMs} is the scenario's budget
   * @param maxConnections the server's max_connections; null when unknown
   */
  public record Limits(double longestHoldMs, boolean holdFromBudget, Integer maxConnections) {

    /** The longest hold a batch should have when the scenario has no longestWaitMs budget. */
    public static final double DEFAULT_HOLD_MS = 200;

    public static final Limits DEFAULT = new Limits(DEFAULT_HOLD_MS, false, null);
  }

  /**
   * What the rules look at.
   *
   * @param migrationLockWaitMs longest time the migration session itself waited for a lock
   * @param poolSize the application pool's maximumPoolSize
   * @param connectionTimeoutMs the application pool's connectionTimeout
   */
  public record Evidence(Summary summary, List<StatementResult> statements, List<BudgetResult> budgets,
      List<TimelineSecond> timeline, double migrationLockWaitMs, int poolSize, long connectionTimeoutMs,
      double migrationEndSecond, Limits limits, Map<Integer, Long> walBytesByStatement) {

    /** Evidence without the WAL each statement wrote. */
    public Evidence(Summary summary, List<StatementResult> statements, List<BudgetResult> budgets,
        List<TimelineSecond> timeline, double migrationLockWaitMs, int poolSize, long connectionTimeoutMs,
        double migrationEndSecond, Limits limits) {
      this(summary, statements, budgets, timeline, migrationLockWaitMs, poolSize, connectionTimeoutMs,
          migrationEndSecond, limits, Map.of());
    }

    /** Evidence with the default limits. */
    public Evidence(Summary summary, List<StatementResult> statements, List<BudgetResult> budgets,
        List<TimelineSecond> timeline, double migrationLockWaitMs, int poolSize, long connectionTimeoutMs,
        double migrationEndSecond) {
      this(summary, statements, budgets, timeline, migrationLockWaitMs, poolSize, connectionTimeoutMs,
          migrationEndSecond, Limits.DEFAULT);
    }

    /** Evidence without the migration's end (no slow-after rule). */
    public Evidence(Summary summary, List<StatementResult> statements, List<BudgetResult> budgets,
        List<TimelineSecond> timeline, double migrationLockWaitMs, int poolSize, long connectionTimeoutMs) {
      this(summary, statements, budgets, timeline, migrationLockWaitMs, poolSize, connectionTimeoutMs, Double.NaN);
    }
  }

  /**
   * A step before it is worded: what the evidence shows, and what to do about it.
   *
   * @param brief when the finding says what the migration did to the application, the same in a
   *     short clause for the verdict's headline (no SQL, no query text); null otherwise
   * @param impact what the application felt from this cause; null for an effect (the pool, a budget)
   */
  record Step(String finding, String advice, String rule, Integer statement, String metric, Double value,
      String brief, Impact impact) {

    NextStep toNextStep() {
      return new NextStep(advice.isEmpty() ? finding : finding + " " + advice, rule, statement, metric, value);
    }
  }

  public static List<NextStep> suggest(Evidence e) {
    return steps(e).stream().map(Step::toNextStep).toList();
  }

  /**
   * What the migration did to the application, in one sentence, for the verdict's headline: the
   * cause with the largest impact, and the dropped requests when they dominate what failed; null
   * when no rule found a cause and nothing was dropped (the budgets then speak for themselves).
   */
  public static String mainCause(Evidence e) {
    String cause = steps(e).stream().map(Step::brief).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    String dropped = droppedRequests(e.summary());
    return dropped == null ? cause : cause == null ? dropped : cause + " " + dropped;
  }

  /**
   * Dropped requests, when they dominate: more than the requests that failed (pool timeouts among
   * them), and at least 1% of the requests due. Null otherwise.
   */
  static String droppedRequests(Summary s) {
    long dropped = s.droppedOperations();
    long due = s.operations() + dropped;
    if (dropped == 0 || dropped < s.errors() || dropped * 100 < due) {
      return null;
    }
    return String.format(Locale.ROOT, "%,d requests were dropped (%.0f%% of those due%s): so many were waiting "
        + "that no more could start.", dropped, 100.0 * dropped / due, s.errors() == 0 ? ""
        : String.format(Locale.ROOT, "; %,d more failed", s.errors()));
  }

  private static List<Step> steps(Evidence e) {
    List<Step> steps = new ArrayList<>();
    failedStatements(e, steps);
    lockQueue(e, steps);
    for (StatementResult st : e.statements()) {
      statementRule(e, st, steps);
    }
    slowAfterMigration(e, steps);
    // a statement that failed leads (the migration did not finish: what was measured is of part of it), then the
    // cause the application felt most; equal impacts keep the rules' order
    steps.sort(Comparator.comparing((Step st) -> !st.rule().equals("statementFailed"))
        .thenComparing(Step::impact, Comparator.reverseOrder()));
    Step pool = PoolAdvice.step(e);
    if (pool != null) {
      steps.add(pool);
    }
    Step lag = ReplicaLag.step(e);
    if (lag != null) {
      steps.add(lag);
    }
    Step wal = lag == null ? ReplicaLag.backfillWal(e) : null;
    for (BudgetResult b : e.budgets()) {
      if ((b.status().equals(BudgetJudge.FAIL) || b.status().equals(BudgetJudge.WARN)) && b.action() != null
          && !b.action().isBlank()) {
        steps.add(new Step(b.metric() + " " + BudgetJudge.number(b.value()) + ":", b.action()
            + (b.owner() == null ? "" : " (owner: " + b.owner() + ")"), "budgetAction", null, b.metric(), b.value(),
            null, null));
      }
    }
    if (steps.isEmpty()) {
      steps.add(new Step("No budget was breached at this scale and rate.", "Before shipping, rehearse at "
          + "production scale (--rows) and peak traffic (--rate): a migration harmless in staging can still take "
          + "production down.", "noBreach", null, null, null, null, null));
    }
    if (wal != null) {
      steps.add(wal);
    }
    return steps;
  }

  private static void failedStatements(Evidence e, List<Step> steps) {
    for (StatementResult s : e.statements()) {
      if (s.error() != null) {
        steps.add(new Step(String.format(Locale.ROOT, "Migration statement %d (%s) failed with SQLSTATE %s: %s.",
            s.index(), firstLine(s.sql()), s.sqlState(), s.error()),
            "Fix it and rehearse again; the statements after it did not run.",
            "statementFailed", s.index(), "migrationErrors", (double) e.summary().migrationErrors(),
            String.format(Locale.ROOT, "Statement %d failed (SQLSTATE %s).", s.index(), s.sqlState()),
            statementImpact(e, s)));
      }
    }
  }

  /** An instant DDL waiting behind a long query makes everyone queue behind the DDL. */
  private static void lockQueue(Evidence e, List<Step> steps) {
    Summary summary = e.summary();
    if (summary.maxSessionsBlocked() == 0) {
      return;
    }
    StatementResult queued = e.statements().stream().filter(st -> st.lockWaitMs() != null)
        .max(Comparator.comparingDouble(StatementResult::lockWaitMs)).orElse(null);
    String remedy = "Set lock_timeout (e.g. SET lock_timeout = '1s') and retry with backoff (a step's retry: "
        + "policy), or run it off-peak, when no long query holds the table.";
    if (queued != null && queued.lockWaitMs() >= LOCK_QUEUE_MIN_WAIT_MS) {
      steps.add(new Step(String.format(Locale.ROOT,
          "Statement %d (%s) waited %.1f s for its lock%s while up to %d application sessions queued behind it "
              + "(the lock queue; %.1f blocked session-seconds).",
          queued.index(), firstLine(queued.sql()), queued.lockWaitMs() / 1000,
          queued.waitedBehind() == null ? "" : " behind " + queued.waitedBehind(), summary.maxSessionsBlocked(),
          summary.blockedSessionSeconds()), remedy,
          "lockQueue", queued.index(), "blockedSessionSeconds", summary.blockedSessionSeconds(),
          String.format(Locale.ROOT, "Statement %d waited %.1f s for its lock%s; up to %d sessions queued behind it.",
              queued.index(), queued.lockWaitMs() / 1000, queued.waitedBehind() == null ? ""
                  : " behind " + whom(queued.waitedBehind()), summary.maxSessionsBlocked()),
          Impact.during(e.timeline(), queued.startSecond(), queued.startSecond() + queued.durationMs() / 1000,
              queued.blocked() == null ? summary.blockedSessionSeconds() : queued.blocked().blockedSessionSeconds())));
    } else if (e.migrationLockWaitMs() >= LOCK_QUEUE_MIN_WAIT_MS) {
      steps.add(new Step(String.format(Locale.ROOT,
          "The migration waited %.1f s for its lock while up to %d application sessions queued behind it "
              + "(the lock queue; %.1f blocked session-seconds).",
          e.migrationLockWaitMs() / 1000, summary.maxSessionsBlocked(), summary.blockedSessionSeconds()), remedy,
          "lockQueue", null, "blockedSessionSeconds", summary.blockedSessionSeconds(),
          String.format(Locale.ROOT, "The migration waited %.1f s for its lock; up to %d sessions queued behind it.",
              e.migrationLockWaitMs() / 1000, summary.maxSessionsBlocked()),
          Impact.of(e.timeline().stream().filter(t -> t.sessionsBlocked() > 0).toList(),
              summary.blockedSessionSeconds())));
    }
  }

  /** What the application felt while a statement ran, with the lock waits charged to it. */
  private static Impact statementImpact(Evidence e, StatementResult st) {
    return Impact.during(e.timeline(), st.startSecond(), st.startSecond() + st.durationMs() / 1000,
        st.blocked() == null ? 0 : st.blocked().blockedSessionSeconds());
  }

  /** At most one rule per statement: what it did while others waited on it. */
  private static void statementRule(Evidence e, StatementResult st, List<Step> steps) {
    LockWaits blocked = st.blocked();
    if (blocked == null || blocked.waits() == 0 || st.error() != null) {
      return;
    }
    String sql = SqlShapes.normalise(st.sql());
    String head = String.format(Locale.ROOT, "Statement %d (%s)", st.index(), firstLine(st.sql()));
    double windowMs = blocked.longestBlockedWindowMs();
    String held = String.format(Locale.ROOT, "%.1f s", windowMs / 1000);
    String finding;
    String advice;
    String rule = "constraintScan";
    String brief = String.format(Locale.ROOT, "Statement %d validated a constraint under its lock; sessions waited up "
        + "to %s.", st.index(), held);
    if (!st.rewrote().isEmpty()) {
      rule = "tableRewrite";
      brief = String.format(Locale.ROOT, "Statement %d rewrote %s; sessions waited up to %s.", st.index(),
          String.join(", ", st.rewrote()), held);
      finding = head + " rewrote " + String.join(", ", st.rewrote()) + String.format(Locale.ROOT,
          " under its lock in %.1f s; application sessions waited up to %s.", st.durationMs() / 1000, held);
      advice = "Use expand and contract instead: add a new column (no rewrite), backfill it in batches, switch "
          + "reads and writes over, then drop the old one.";
    } else if (SqlShapes.isPlainCreateIndex(sql) && blockedWrites(blocked)) {
      rule = "blockingIndexBuild";
      brief = String.format(Locale.ROOT, "Statement %d blocked writes for %s while it built an index.", st.index(),
          held);
      finding = head + " blocked writes for " + held + " while it built the index.";
      advice = "Use CREATE INDEX CONCURRENTLY in a step of its own: it lets reads and writes through (it takes "
          + "longer and cannot run in a transaction).";
    } else if (SqlShapes.addsValidatedConstraint(sql)) {
      finding = head + " scanned the table to validate the constraint while holding its lock; application "
          + "sessions waited up to " + held + ".";
      advice = "Add it NOT VALID (no scan, a brief lock), then VALIDATE CONSTRAINT in a separate step: validation "
          + "takes SHARE UPDATE EXCLUSIVE, so reads and writes continue.";
    } else if (SqlShapes.setsNotNull(sql)) {
      finding = head + " scanned the table under ACCESS EXCLUSIVE to prove the column has no NULL; application "
          + "sessions waited up to " + held + ".";
      advice = "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ "
          + "skips the scan when a valid check proves it) and drop the check.";
    } else if (SqlShapes.addsUniqueWithoutIndex(sql)) {
      finding = head + " built a unique index under its lock; application sessions waited up to " + held + ".";
      advice = "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX (instant).";
    } else {
      Step longDml = LongDml.step(st, e.limits(), statementImpact(e, st), e.walBytesByStatement().get(st.index()));
      Step byTransaction = longDml != null ? null
          : HeldByTransaction.step(st, e.statements(), e.limits(), statementImpact(e, st));
      if (longDml != null) {
        steps.add(longDml);
      } else if (byTransaction != null) {
        steps.add(byTransaction);
      }
      return;
    }
    steps.add(new Step(finding, advice, rule, st.index(), "longestBlockedWindowMs", windowMs, brief,
        statementImpact(e, st)));
  }

  /** Seconds in spike after the migration, with nobody blocked, before the queries are suspected. */
  static final int SLOW_AFTER_MIN_SECONDS = 2;

  /**
   * Latency that stays high after the migration ended while no session waits on a lock: the
   * queries themselves got slower. A rewritten table or a changed column loses its planner
   * statistics (ALTER COLUMN TYPE drops them, a new column has none), and a plan that walked an
   * index now scans. The seconds in which the backlog queued during the migration drains are the
   * migration's impact, not slower queries: they do not count. The finding leads the headline
   * only when nothing was blocked during the migration.
   */
  private static void slowAfterMigration(Evidence e, List<Step> steps) {
    if (!Double.isFinite(e.migrationEndSecond())) {
      return;
    }
    double threshold = e.summary().spikeThresholdMs();
    List<TimelineSecond> slow = new ArrayList<>();
    java.util.Map<String, Double> worstByOperation = new java.util.TreeMap<>();
    for (TimelineSecond t : afterTheBacklog(e)) {
      boolean isSlow = (t.p99Ms() != null && t.p99Ms() > threshold) || (t.p99Ms() == null && t.poolWaiting() > 0);
      if (isSlow && t.sessionsBlocked() == 0) {
        slow.add(t);
        t.byOperation().forEach((op, p) -> {
          if (!op.equals("health-check")) {
            worstByOperation.merge(op, p.p99Ms(), Math::max);
          }
        });
      }
    }
    if (slow.size() < SLOW_AFTER_MIN_SECONDS) {
      return;
    }
    String slowest = worstByOperation.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
        .map(en -> String.format(Locale.ROOT, "%s p99 %,.0f ms", en.getKey(), en.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
    boolean nothingBlocked = e.summary().blockedSessionSeconds() == 0 && e.summary().maxSessionsBlocked() == 0;
    steps.add(new Step(String.format(Locale.ROOT,
        "Latency stayed above the spike threshold for %d s after the migration ended, with no session waiting on "
            + "a lock (%s): the queries themselves got slower.", slow.size(), slowest), statisticsAdvice(e),
        "slowAfterMigration", null, "spikeSeconds", (double) e.summary().spikeSeconds(),
        nothingBlocked ? String.format(Locale.ROOT, "Queries stayed slow for %d s after the migration, nobody "
            + "blocked.", slow.size()) : null, Impact.of(slow, 0)));
  }

  /**
   * The seconds after the migration ended, without those in which the backlog it left drains:
   * when requests still waited (for a connection or a lock) as it ended, the seconds after it in
   * which requests still wait while the load keeps up with its target rate (a backlog being served),
   * or runs ahead of it (catching up). Requests waiting while throughput falls well below the target
   * are slow queries, not a backlog.
   */
  private static List<TimelineSecond> afterTheBacklog(Evidence e) {
    double end = Math.ceil(e.migrationEndSecond());
    boolean draining = e.timeline().stream().filter(t -> t.second() < end).reduce((a, b) -> b)
        .map(t -> t.poolWaiting() > 0 || t.sessionsBlocked() > 0).orElse(false);
    List<TimelineSecond> after = new ArrayList<>();
    for (TimelineSecond t : e.timeline()) {
      if (t.second() < end) {
        continue;
      }
      boolean keepingUp = t.targetOperations() == null || t.operations() >= t.targetOperations() * 0.9;
      boolean catchingUp = t.targetOperations() != null && t.operations() > t.targetOperations() * 1.1;
      draining = draining && ((t.poolWaiting() > 0 && keepingUp) || catchingUp);
      if (!draining) {
        after.add(t);
      }
    }
    return after;
  }

  private static String statisticsAdvice(Evidence e) {
    List<String> rewritten = e.statements().stream().flatMap(s -> s.rewrote().stream()).distinct().toList();
    String analyze = ": run ANALYZE on the table in the migration, before the application depends on the new plan, "
        + "and check the slow operations' plans with EXPLAIN.";
    if (!rewritten.isEmpty()) {
      return "The rewrite of " + String.join(", ", rewritten) + " dropped the changed column's statistics" + analyze;
    }
    if (e.statements().stream().anyMatch(s -> SqlShapes.addsOrChangesColumn(SqlShapes.normalise(s.sql())))) {
      return "A new or changed column has no planner statistics until it is analyzed" + analyze;
    }
    return "No statement added or changed a column, so missing statistics are an unlikely cause: compare the slow "
        + "operations' plans with EXPLAIN (ANALYZE, BUFFERS) against the warm-up's, and look for the dead rows a "
        + "large UPDATE or DELETE leaves until VACUUM.";
  }

  /** "pid 42 (rehearsal-report, active: SELECT ...)" without the query: "pid 42 (rehearsal-report, active)". */
  static String whom(String waitedBehind) {
    int colon = waitedBehind.indexOf(':');
    return colon < 0 ? waitedBehind : waitedBehind.substring(0, colon) + ")";
  }

  private static boolean blockedWrites(LockWaits blocked) {
    return blocked.modes() != null && blocked.modes().contains("RowExclusiveLock");
  }

  static String firstLine(String sql) {
    String line = sql.strip().lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }
}
