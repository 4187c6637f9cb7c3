package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.harness.observe.BlockedTime.Figures;
import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import dev.rehearsal.harness.observe.BlockedTime.MigrationWait;
import dev.rehearsal.harness.observe.LockSample.Session;
import dev.rehearsal.harness.observe.LockSample.Waiter;
import dev.rehearsal.load.ApplicationNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Blocked-time figures checked against ground truth: synthetic pg_locks samples, 15 ms apart as
 * the observer takes them, of waits whose start and end are known exactly. A wait's start comes
 * from its waitstart, its end is the midpoint between the last sample that saw it and the first
 * that did not, so every figure must be within half an interval (7.5 ms) of the truth per wait.
 */
class BlockedTimeTrackerTest {

  /** System.nanoTime() of the first sample: any long will do. */
  private static final long T0 = 7_345_000_000_000L;
  private static final long STEP_NANOS = 15_000_000L;
  /** Half a sample interval: the resolution promised for each wait's end. */
  private static final double HALF = 7.5;
  /** pg_locks.waitstart of T0, in epoch microseconds, so waitstart and waitMs agree. */
  private static final long EPOCH_MICROS_AT_T0 = 1_720_000_000_000_000L;

  private static final int MIG = 100;
  private static final int REPORT = 4242;
  private static final long ACCOUNTS = 16_400L;
  private static final long ORDERS = 16_500L;

  private static final String LOAD = ApplicationNames.LOAD;
  private static final String EXCLUSIVE = "AccessExclusiveLock";
  private static final String WRITE = "RowExclusiveLock";
  private static final String READ = "AccessShareLock";

  // --- (a) a known wait under a migration holder -----------------------------------------------

  @Test
  void aTwoSecondWaitUnderAHolderIsTwoSecondsChargedToTheStatementThatTookTheLock() {
    Timeline t = new Timeline();
    // BEGIN; LOCK TABLE accounts (1); SELECT pg_sleep(2) (2); COMMIT
    t.progress(50, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.progress(60, p -> p.locksHeld(1, List.of(ACCOUNTS)));
    t.progress(80, p -> p.statementStarted(2));
    t.hold(MIG, 55, 2103, ACCOUNTS, "accounts", EXCLUSIVE);
    t.session(MIG, ApplicationNames.MIGRATION, "active", "SELECT pg_sleep(2)");
    t.wait(201, LOAD, 103, 2103, ACCOUNTS, "accounts", WRITE, MIG);
    t.progress(2103, p -> {
      p.locksHeld(2, List.of(ACCOUNTS));
      p.transactionEnded();
    });

    BlockedTime b = t.run(2400);

    assertThat(b.blockedSessionSeconds()).isCloseTo(2.0, within(HALF / 1000));
    assertThat(b.longestWaitMs()).isCloseTo(2000, within(HALF));
    assertThat(b.longestBlockedWindowMs()).isCloseTo(2000, within(HALF));
    assertThat(b.maxSessionsBlocked()).isEqualTo(1);
    assertThat(b.migration().waits()).isEqualTo(1);
    // charged to the LOCK, though the waits happen while pg_sleep runs
    Figures lock = b.statement(1);
    assertThat(lock.blockedSessionSeconds()).isCloseTo(2.0, within(HALF / 1000));
    assertThat(lock.longestWaitMs()).isCloseTo(2000, within(HALF));
    assertThat(lock.longestBlockedWindowMs()).isCloseTo(2000, within(HALF));
    assertThat(lock.maxSessionsBlocked()).isEqualTo(1);
    assertThat(lock.relations()).containsExactly("accounts");
    assertThat(b.statement(2)).isEqualTo(Figures.NONE);
    assertThat(b.otherCauses()).isEqualTo(Figures.NONE);
    assertThat(b.samples()).isEqualTo(2400 / 15 + 1);
    assertThat(b.meanSampleIntervalMs()).isCloseTo(15.0, within(1e-9));
  }

  @Test
  void theWaitStartComesFromWaitstartNotFromTheFirstSampleThatSawIt() {
    // a wait that began 400 ms before the first sample: the first sample already reports 400 ms
    Timeline t = new Timeline();
    t.progress(0, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.hold(MIG, -1000, 1003, ACCOUNTS, "accounts", EXCLUSIVE);
    t.wait(201, LOAD, -400, 1003, ACCOUNTS, "accounts", WRITE, MIG);

    BlockedTime b = t.run(1200);

    assertThat(b.longestWaitMs()).isCloseTo(1403, within(HALF));
    assertThat(b.longestBlockedWindowMs()).isCloseTo(1403, within(HALF));
  }

  // --- (b) the lock queue ---------------------------------------------------------------------

  @Test
  void writesQueuedBehindAnAlterWaitingForAReportQueryAreChargedToTheAlter() {
    Timeline t = new Timeline();
    // BEGIN; SELECT count(*) FROM accounts (1: AccessShareLock); ALTER TABLE accounts ... (2); COMMIT
    t.progress(100, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.progress(120, p -> p.locksHeld(1, List.of(ACCOUNTS)));
    t.progress(150, p -> p.statementStarted(2));
    t.hold(MIG, 110, 1502, ACCOUNTS, "accounts", READ);
    // the report query holds AccessShareLock until 1000; the ALTER waits behind it, then holds
    t.session(REPORT, ApplicationNames.REPORT, "active", "SELECT count(*)\n   FROM accounts    WHERE balance > 0");
    t.wait(MIG, ApplicationNames.MIGRATION, 200, 1000, ACCOUNTS, "accounts", EXCLUSIVE, REPORT);
    t.session(MIG, ApplicationNames.MIGRATION, "active", "ALTER TABLE accounts ADD COLUMN note text");
    t.hold(MIG, 1000, 1502, ACCOUNTS, "accounts", EXCLUSIVE);
    // writes queue behind the ALTER's request, then behind its lock, until COMMIT
    t.wait(201, LOAD, 303, 1502, ACCOUNTS, "accounts", WRITE, MIG);
    t.progress(1502, p -> p.transactionEnded());

    BlockedTime b = t.run(1800);

    Figures alter = b.statement(2);
    assertThat(alter.waits()).isEqualTo(1);
    assertThat(alter.blockedSessionSeconds()).isCloseTo(1.199, within(HALF / 1000));
    assertThat(alter.longestWaitMs()).isCloseTo(1199, within(HALF));
    assertThat(alter.longestBlockedWindowMs()).isCloseTo(1199, within(HALF));
    assertThat(alter.maxSessionsBlocked()).isEqualTo(1);
    // the SELECT held a lock on accounts first, but the writes queued behind the ALTER's request
    assertThat(b.statement(1)).isEqualTo(Figures.NONE);
    assertThat(b.longestBlockedWindowMs()).isCloseTo(1199, within(HALF));

    MigrationWait wait = b.migrationWait(2).orElseThrow();
    // the last sample that saw the ALTER waiting is at 990 ms: 790 ms into its 800 ms wait
    assertThat(wait.waitMs()).isCloseTo(800, within(15.0));
    assertThat(wait.behind()).isEqualTo(
        "pid 4242 (rehearsal-report, active: SELECT count(*) FROM accounts WHERE balance > 0)");
    assertThat(b.migrationWait(1)).isEmpty();
    assertThat(b.longestMigrationWaitMs()).isEqualTo(wait.waitMs());
    assertThat(b.otherCauses()).isEqualTo(Figures.NONE);
  }

  @Test
  void whomTheMigrationWaitedBehindKeepsWhatAnEarlierSampleSaidWhenTheBlockerEndsFirst() {
    Timeline t = new Timeline();
    t.progress(0, p -> p.statementStarted(1));
    t.session(REPORT, ApplicationNames.REPORT, "active", "SELECT count(*) FROM accounts", 900);
    t.wait(MIG, ApplicationNames.MIGRATION, 200, 1000, ACCOUNTS, "accounts", EXCLUSIVE, REPORT);

    BlockedTime b = t.run(1200);

    assertThat(b.migrationWait(1).orElseThrow().behind())
        .isEqualTo("pid 4242 (rehearsal-report, active: SELECT count(*) FROM accounts)");
  }

  @Test
  void rowLockWaitsOnTheMigrationsUpdateAreChargedToTheUpdateAndNameTheTable() {
    Timeline t = new Timeline();
    // BEGIN; UPDATE accounts SET ... WHERE id <= 1000 (1); SELECT pg_sleep(1) (2); COMMIT
    t.progress(50, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.progress(80, p -> p.locksHeld(1, List.of(ACCOUNTS)));
    t.progress(90, p -> p.statementStarted(2));
    t.hold(MIG, 55, 1100, ACCOUNTS, "accounts", WRITE);
    t.session(MIG, ApplicationNames.MIGRATION, "active", "SELECT pg_sleep(1)");
    // writes of the rows the UPDATE holds wait on its transaction id; the observer names the relation they target
    // (RowLockTarget: their tuple lock's relation)
    t.waitOther(201, LOAD, 203, 1100, ACCOUNTS, "accounts", "ShareLock", "transactionid", MIG);
    t.waitOther(202, LOAD, 403, 1100, ACCOUNTS, "accounts", "ExclusiveLock", "tuple", 201);
    t.progress(1100, p -> {
      p.locksHeld(2, List.of(ACCOUNTS));
      p.transactionEnded();
    });

    BlockedTime b = t.run(1400);

    Figures update = b.statement(1);
    assertThat(update.waits()).isEqualTo(2);
    assertThat(update.blockedSessionSeconds()).isCloseTo(0.897 + 0.697, within(2 * HALF / 1000));
    assertThat(update.longestWaitMs()).isCloseTo(897, within(HALF));
    assertThat(update.relations()).containsExactly("accounts");
    assertThat(update.modes()).containsExactlyInAnyOrder("ShareLock", "ExclusiveLock");
    assertThat(b.statement(2)).isEqualTo(Figures.NONE);
    assertThat(b.migration().relations()).containsExactly("accounts");
    assertThat(b.otherCauses()).isEqualTo(Figures.NONE);
  }

  @Test
  void aRowLockWaitWithNoRelationIsChargedToTheStatementRunning() {
    // what a transactionid wait is charged to when the observer could name no relation (no lock of the waiter's own)
    Timeline t = new Timeline();
    t.progress(50, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.progress(80, p -> p.locksHeld(1, List.of(ACCOUNTS)));
    t.progress(90, p -> p.statementStarted(2));
    t.hold(MIG, 55, 1100, ACCOUNTS, "accounts", WRITE);
    t.waitOther(201, LOAD, 203, 1100, null, null, "ShareLock", "transactionid", MIG);
    t.progress(1100, p -> p.transactionEnded());

    BlockedTime b = t.run(1400);

    assertThat(b.statement(2).waits()).isEqualTo(1);
    assertThat(b.statement(2).relations()).isEmpty();
    assertThat(b.statement(1)).isEqualTo(Figures.NONE);
  }

  // --- (c) no migration in the chain ----------------------------------------------------------

  @Test
  void aWaitWithoutTheMigrationInItsChainIsAnotherCause() {
    Timeline t = new Timeline();
    t.progress(50, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.progress(60, p -> p.locksHeld(1, List.of(ORDERS)));
    t.hold(MIG, 55, 2000, ORDERS, "orders", EXCLUSIVE);
    // a row lock between two application transactions, while the migration runs elsewhere
    t.session(202, LOAD, "idle in transaction", "UPDATE accounts SET balance = balance + 1 WHERE id = 7");
    t.waitOther(201, LOAD, 103, 903, null, null, "ShareLock", "transactionid", 202);

    BlockedTime b = t.run(1200);

    Figures other = b.otherCauses();
    assertThat(other.waits()).isEqualTo(1);
    assertThat(other.blockedSessionSeconds()).isCloseTo(0.8, within(HALF / 1000));
    assertThat(other.longestWaitMs()).isCloseTo(800, within(HALF));
    assertThat(other.longestBlockedWindowMs()).isCloseTo(800, within(HALF));
    assertThat(other.maxSessionsBlocked()).isEqualTo(1);
    assertThat(other.relations()).isEmpty();
    assertThat(b.migration()).isEqualTo(Figures.NONE);
    assertThat(b.blockedSessionSeconds()).isZero();
    assertThat(b.longestWaitMs()).isZero();
    assertThat(b.longestBlockedWindowMs()).isZero();
    assertThat(b.maxSessionsBlocked()).isZero();
    assertThat(b.statement(1)).isEqualTo(Figures.NONE);
    assertThat(b.maxBlockedInSecond(0)).isZero();
  }

  // --- (d) overlapping waits ------------------------------------------------------------------

  @Test
  void overlappingWaitsAddUpAndTheirWindowIsTheUnion() {
    Timeline t = underOneHolder(50, 1700);
    t.wait(201, LOAD, 103, 1103, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(202, LOAD, 403, 1603, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(203, ApplicationNames.REPORT, 703, 1303, ACCOUNTS, "accounts", READ, MIG);

    BlockedTime b = t.run(2000);

    assertThat(b.maxSessionsBlocked()).isEqualTo(3);
    assertThat(b.migration().waits()).isEqualTo(3);
    assertThat(b.blockedSessionSeconds()).isCloseTo(1.0 + 1.2 + 0.6, within(3 * HALF / 1000));
    assertThat(b.longestWaitMs()).isCloseTo(1200, within(HALF));
    assertThat(b.longestBlockedWindowMs()).isCloseTo(1500, within(HALF));
    assertThat(b.statement(1).maxSessionsBlocked()).isEqualTo(3);
    assertThat(b.statement(1).longestBlockedWindowMs()).isCloseTo(1500, within(HALF));
  }

  // --- (e) separate windows -------------------------------------------------------------------

  @Test
  void ofTwoSeparateWindowsTheLongestIsReported() {
    Timeline t = underOneHolder(50, 2000);
    t.wait(201, LOAD, 103, 703, ACCOUNTS, "accounts", WRITE, MIG);
    // a second window made of two waits, longer than any wait alone
    t.wait(202, LOAD, 1003, 1503, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(203, LOAD, 1403, 1903, ACCOUNTS, "accounts", WRITE, MIG);

    BlockedTime b = t.run(2300);

    assertThat(b.longestWaitMs()).isCloseTo(600, within(HALF));
    assertThat(b.longestBlockedWindowMs()).isCloseTo(900, within(HALF));
    assertThat(b.blockedSessionSeconds()).isCloseTo(1.6, within(3 * HALF / 1000));
    assertThat(b.maxSessionsBlocked()).isEqualTo(2);
    assertThat(b.migration().waits()).isEqualTo(3);
  }

  @Test
  void aLongerFirstWindowIsNotReplacedByAShorterSecondOne() {
    Timeline t = underOneHolder(50, 2000);
    t.wait(201, LOAD, 103, 1103, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(202, LOAD, 1403, 1703, ACCOUNTS, "accounts", WRITE, MIG);

    BlockedTime b = t.run(2300);

    assertThat(b.longestBlockedWindowMs()).isCloseTo(1000, within(HALF));
    assertThat(b.longestWaitMs()).isCloseTo(1000, within(HALF));
  }

  // --- (f) per second -------------------------------------------------------------------------

  @Test
  void maxBlockedInSecondCountsSessionsBlockedByTheMigrationPerSecondOfTheTimeline() {
    Timeline t = underOneHolder(50, 3900);
    // second 0: one session
    t.wait(201, LOAD, 203, 403, ACCOUNTS, "accounts", WRITE, MIG);
    // second 1: three at once
    t.wait(202, LOAD, 1103, 1303, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(203, LOAD, 1153, 1353, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(204, LOAD, 1203, 1403, ACCOUNTS, "accounts", WRITE, MIG);
    // second 2: a wait the migration has no part in
    t.session(206, LOAD, "idle in transaction", "UPDATE accounts SET balance = 0 WHERE id = 1");
    t.waitOther(205, LOAD, 2103, 2303, null, null, "ShareLock", "transactionid", 206);
    // second 3: two, the first a new wait of a pid seen before
    t.wait(201, LOAD, 3103, 3403, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(202, LOAD, 3203, 3503, ACCOUNTS, "accounts", WRITE, MIG);

    BlockedTime b = t.run(T0, 4500);

    assertThat(b.maxBlockedInSecond(0)).isEqualTo(1);
    assertThat(b.maxBlockedInSecond(1)).isEqualTo(3);
    assertThat(b.maxBlockedInSecond(2)).isZero();
    assertThat(b.maxBlockedInSecond(3)).isEqualTo(2);
    assertThat(b.maxBlockedInSecond(4)).isZero();
    assertThat(b.migration().waits()).isEqualTo(6);
    assertThat(b.otherCauses().waits()).isEqualTo(1);
  }

  @Test
  void secondsCountFromLoadStartAndSamplesBeforeItAreLeftOut() {
    Timeline t = underOneHolder(50, 3000);
    t.wait(201, LOAD, 103, 403, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(202, LOAD, 1603, 1803, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(203, LOAD, 1653, 1903, ACCOUNTS, "accounts", WRITE, MIG);

    // load started 1 s after the first sample: 1603 ms is 0.6 s into second 0
    BlockedTime b = t.run(T0 + 1_000_000_000L, 2500);

    assertThat(b.maxBlockedInSecond(0)).isEqualTo(2);
    assertThat(b.maxBlockedInSecond(-1)).isZero();
    assertThat(b.migration().waits()).isEqualTo(3);
  }

  // --- (g) locks the migration held -----------------------------------------------------------

  @Test
  void sampledMigrationLocksAreRecordedForTheStatementRunning() {
    Timeline t = new Timeline();
    // before the first statement: the migration's own bookkeeping, recorded for no statement
    t.hold(MIG, 0, 50, ORDERS, "orders", READ);
    t.progress(100, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.hold(MIG, 110, 400, ACCOUNTS, "accounts", EXCLUSIVE);
    t.progress(400, p -> {
      p.transactionEnded();
      p.transactionBegan();
      p.statementStarted(2);
    });
    t.hold(MIG, 420, 700, ORDERS, "orders", "ShareLock");
    t.hold(MIG, 420, 700, ACCOUNTS, "accounts", "ShareUpdateExclusiveLock");

    BlockedTime b = t.run(900);

    assertThat(b.sampledLocks(1)).containsExactly(new HeldLock("accounts", EXCLUSIVE));
    assertThat(b.sampledLocks(2)).containsExactlyInAnyOrder(
        new HeldLock("orders", "ShareLock"), new HeldLock("accounts", "ShareUpdateExclusiveLock"));
    assertThat(b.sampledLocks(0)).isEmpty();
    assertThat(b.sampledLocks(3)).isEmpty();
    assertThat(b.migration()).isEqualTo(Figures.NONE);
  }

  // --- (h) the migration joins a chain later --------------------------------------------------

  @Test
  void aWaitThatTheMigrationJoinsLaterIsChargedToTheMigration() {
    Timeline t = underOneHolder(50, 1503);
    // 202 holds a row 201 wants; at 503 ms 202 itself waits for the migration's lock
    t.session(202, LOAD, "idle in transaction", "UPDATE accounts SET balance = 1 WHERE id = 3");
    t.waitOther(201, LOAD, 103, 1510, null, null, "ShareLock", "transactionid", 202);
    t.wait(202, LOAD, 503, 1503, ACCOUNTS, "accounts", WRITE, MIG);

    BlockedTime b = t.run(1800);

    assertThat(b.migration().waits()).isEqualTo(2);
    assertThat(b.blockedSessionSeconds()).isCloseTo(1.407 + 1.0, within(2 * HALF / 1000));
    assertThat(b.longestWaitMs()).isCloseTo(1407, within(HALF));
    assertThat(b.longestBlockedWindowMs()).isCloseTo(1407, within(HALF));
    assertThat(b.maxSessionsBlocked()).isEqualTo(2);
    assertThat(b.statement(1).waits()).isEqualTo(2);
    assertThat(b.statement(1).longestWaitMs()).isCloseTo(1407, within(HALF));
    assertThat(b.otherCauses().waits()).isZero();
    assertThat(b.otherCauses().blockedSessionSeconds()).isZero();
    assertThat(b.otherCauses().longestWaitMs()).isZero();
  }

  // --- (i) before the first statement ---------------------------------------------------------

  @Test
  void waitsBeforeTheFirstStatementAreOtherCauses() {
    Timeline t = new Timeline();
    // the migration's session holds a lock before statement 1 starts (cursor index 0)
    t.hold(MIG, 0, 603, ACCOUNTS, "accounts", EXCLUSIVE);
    t.session(MIG, ApplicationNames.MIGRATION, "idle in transaction", "SELECT 1");
    t.wait(201, LOAD, 103, 603, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(MIG, ApplicationNames.MIGRATION, 150, 450, ORDERS, "orders", EXCLUSIVE, REPORT);
    t.session(REPORT, ApplicationNames.REPORT, "active", "SELECT sum(total) FROM orders");
    t.progress(1000, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });

    BlockedTime b = t.run(1200);

    assertThat(b.otherCauses().waits()).isEqualTo(1);
    assertThat(b.otherCauses().blockedSessionSeconds()).isCloseTo(0.5, within(HALF / 1000));
    assertThat(b.migration()).isEqualTo(Figures.NONE);
    assertThat(b.statement(0)).isEqualTo(Figures.NONE);
    assertThat(b.migrationWait(0)).isEmpty();
    assertThat(b.longestMigrationWaitMs()).isZero();
    assertThat(b.maxBlockedInSecond(0)).isZero();
  }

  // --- (j) modes ------------------------------------------------------------------------------

  @Test
  void theModesAskedForAreRecordedPerCause() {
    Timeline t = underOneHolder(50, 1000);
    t.wait(201, LOAD, 103, 603, ACCOUNTS, "accounts", WRITE, MIG);
    t.wait(202, ApplicationNames.REPORT, 203, 703, ACCOUNTS, "accounts", READ, MIG);
    t.session(204, LOAD, "idle in transaction", "UPDATE orders SET total = 0 WHERE id = 9");
    t.waitOther(203, LOAD, 303, 803, null, null, "ShareLock", "transactionid", 204);

    BlockedTime b = t.run(1200);

    assertThat(b.migration().modes()).containsExactlyInAnyOrder(WRITE, READ);
    assertThat(b.migration().relations()).containsExactly("accounts");
    assertThat(b.statement(1).modes()).containsExactlyInAnyOrder(WRITE, READ);
    assertThat(b.otherCauses().modes()).containsExactly("ShareLock");
    assertThat(b.otherCauses().relations()).isEmpty();
  }

  // --- other rules ----------------------------------------------------------------------------

  @Test
  void waitsOfSessionsThatAreNotTheApplicationsAreNotCounted() {
    Timeline t = underOneHolder(50, 1000);
    t.wait(301, ApplicationNames.ADMIN, 103, 603, ACCOUNTS, "accounts", READ, MIG);
    t.wait(302, "psql", 103, 603, ACCOUNTS, "accounts", READ, MIG);

    BlockedTime b = t.run(1200);

    assertThat(b.migration()).isEqualTo(Figures.NONE);
    assertThat(b.otherCauses()).isEqualTo(Figures.NONE);
  }

  @Test
  void aWaitStillOpenAtTheLastSampleEndsThere() {
    Timeline t = underOneHolder(50, 5000);
    t.wait(201, LOAD, 103, 5000, ACCOUNTS, "accounts", WRITE, MIG);

    BlockedTime b = t.run(1200);

    assertThat(b.longestWaitMs()).isCloseTo(1200 - 103, within(1.0));
    assertThat(b.longestBlockedWindowMs()).isCloseTo(1200 - 103, within(1.0));
    assertThat(b.migration().waits()).isEqualTo(1);
  }

  @Test
  void noSamplesNoFigures() {
    BlockedTime b = new BlockedTimeTracker(T0).finish();
    assertThat(b.migration()).isEqualTo(Figures.NONE);
    assertThat(b.otherCauses()).isEqualTo(Figures.NONE);
    assertThat(b.samples()).isZero();
    assertThat(b.meanSampleIntervalMs()).isZero();
  }

  // --- the synthetic timeline -----------------------------------------------------------------

  /** Statement 1 of an open transaction holds AccessExclusiveLock on accounts from {@code fromMs} to {@code toMs}. */
  private static Timeline underOneHolder(double fromMs, double toMs) {
    Timeline t = new Timeline();
    t.progress(fromMs, p -> {
      p.transactionBegan();
      p.statementStarted(1);
    });
    t.hold(MIG, fromMs + 5, toMs, ACCOUNTS, "accounts", EXCLUSIVE);
    t.progress(fromMs + 10, p -> p.locksHeld(1, List.of(ACCOUNTS)));
    t.session(MIG, ApplicationNames.MIGRATION, "active", "ALTER TABLE accounts ADD COLUMN note text");
    t.progress(toMs, p -> p.transactionEnded());
    return t;
  }

  private static long at(double ms) {
    return T0 + Math.round(ms * 1e6);
  }

  private record Wait(int pid, String applicationName, long startNanos, long endNanos, Long relationOid,
      String relation, String mode, String lockType, int[] blockers) {}

  private record Hold(int pid, long fromNanos, long toNanos, long relationOid, String relation, String mode) {}

  /**
   * Waits and holds with known start and end (ms after the first sample), the migration's
   * progress over time, and the sessions pg_stat_activity would describe; sampled every 15 ms
   * the way LockObserver samples: waiters with pg_blocking_pids, the migration's relation locks,
   * and the sessions that block without waiting.
   */
  private static final class Timeline {
    private final List<Wait> waits = new ArrayList<>();
    private final List<Hold> holds = new ArrayList<>();
    private final Map<Integer, Session> known = new HashMap<>();
    final Map<Integer, Long> sessionEnds = new HashMap<>();
    private final MigrationProgress progress = new MigrationProgress();
    private final TreeMap<Long, MigrationProgress.Cursor> cursors = new TreeMap<>();

    Timeline() {
      cursors.put(Long.MIN_VALUE, progress.cursor());
    }

    void progress(double ms, Consumer<MigrationProgress> change) {
      change.accept(progress);
      cursors.put(at(ms), progress.cursor());
    }

    void wait(int pid, String app, double fromMs, double toMs, long relationOid, String relation, String mode,
        int... blockers) {
      waits.add(new Wait(pid, app, at(fromMs), at(toMs), relationOid, relation, mode, "relation", blockers));
    }

    void waitOther(int pid, String app, double fromMs, double toMs, Long relationOid, String relation, String mode,
        String lockType, int... blockers) {
      waits.add(new Wait(pid, app, at(fromMs), at(toMs), relationOid, relation, mode, lockType, blockers));
    }

    void hold(int pid, double fromMs, double toMs, long relationOid, String relation, String mode) {
      holds.add(new Hold(pid, at(fromMs), at(toMs), relationOid, relation, mode));
    }

    void session(int pid, String app, String state, String query) {
      known.put(pid, new Session(pid, app, state, query));
    }

    /** A session pg_stat_activity stops describing at {@code untilMs} (it ended while still listed as a blocker). */
    void session(int pid, String app, String state, String query, double untilMs) {
      session(pid, app, state, query);
      sessionEnds.put(pid, at(untilMs));
    }

    BlockedTime run(double untilMs) {
      return run(T0, untilMs);
    }

    BlockedTime run(long loadStartNanos, double untilMs) {
      BlockedTimeTracker tracker = new BlockedTimeTracker(loadStartNanos);
      for (long now = T0; now <= at(untilMs); now += STEP_NANOS) {
        tracker.add(sample(now), cursors.floorEntry(now).getValue());
      }
      return tracker.finish();
    }

    private LockSample sample(long now) {
      List<Waiter> waiters = new ArrayList<>();
      Set<Integer> waiting = new HashSet<>();
      for (Wait w : waits) {
        if (w.startNanos() < now && now < w.endNanos()) {
          long waitStartMicros = EPOCH_MICROS_AT_T0 + Math.floorDiv(w.startNanos() - T0, 1000L);
          waiters.add(new Waiter(w.pid(), w.applicationName(), waitStartMicros, (now - w.startNanos()) / 1e6,
              w.relationOid(), w.relation(), w.mode(), w.lockType(), w.blockers()));
          waiting.add(w.pid());
        }
      }
      List<LockSample.HeldLock> held = new ArrayList<>();
      for (Hold h : holds) {
        if (h.fromNanos() <= now && now < h.toNanos()) {
          held.add(new LockSample.HeldLock(h.pid(), h.relationOid(), h.relation(), h.mode(), null));
        }
      }
      // as LockObserver.sessions(): the blockers that are not waiting themselves
      Map<Integer, Session> roots = new HashMap<>();
      for (Waiter w : waiters) {
        for (int pid : w.blockers()) {
          if (!waiting.contains(pid) && known.containsKey(pid) && now < sessionEnds.getOrDefault(pid, Long.MAX_VALUE)) {
            roots.put(pid, known.get(pid));
          }
        }
      }
      return new LockSample(now, waiters, held, roots);
    }
  }
}
