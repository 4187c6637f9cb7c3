package dev.rehearsal.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The proof that the lock figures are true: known lock holds and queues are injected under load
 * on a real server, and the measured figures must match them, to the tens of milliseconds. Tagged
 * calibration (its own Failsafe execution): a busy machine can move these figures without any
 * bug. The attribution logic behind them is checked exactly, on recorded samples, by
 * {@code BlockedTimeTrackerTest}; the lock modes of each statement by the catalogue's ITs.
 */
@Tag("calibration")
class LockCalibrationIT extends CalibrationTest {

  @Test
  void anInjectedTwoSecondHoldIsMeasuredAsTwoSecondsAndChargedToTheLock() {
    RehearsalReport report = new CalibrationScenario().strategies("""
          - name: hold
            steps:
              - sql: |
                  BEGIN;
                  LOCK TABLE users IN ACCESS EXCLUSIVE MODE;
                  SELECT pg_sleep(2);
                  COMMIT;
        """).rehearse(url, null, out, false);

    log("injected hold 2000 ms: longest window %.1f ms, longest wait %.1f ms",
        report.summary().longestBlockedWindowMs(), report.summary().longestWaitMs());
    assertThat(report.summary().longestBlockedWindowMs()).isCloseTo(2_000, within(50.0));
    assertThat(report.summary().longestWaitMs()).isCloseTo(2_000, within(50.0));
    assertThat(report.statements()).hasSize(2);
    StatementResult lock = report.statements().get(0);
    StatementResult sleep = report.statements().get(1);
    assertThat(lock.sql()).startsWith("LOCK TABLE users");
    assertThat(lock.locks()).contains(new Lock("users", "AccessExclusiveLock"));
    // the waits happen during pg_sleep, but the lock they wait for was taken by the LOCK
    assertThat(lock.blocked().longestWaitMs()).isCloseTo(2_000, within(50.0));
    assertThat(lock.blocked().longestBlockedWindowMs()).isCloseTo(2_000, within(50.0));
    assertThat(lock.blocked().relations()).containsExactly("users");
    // 200 ops/s against a pool of 10: every connection ends up waiting on the lock
    assertThat(lock.blocked().maxSessionsBlocked()).isEqualTo(10);
    assertThat(sleep.blocked().waits()).isZero();
    assertThat(report.summary().lostWrites()).isZero();
  }

  @Test
  void readsQueuedBehindAnAlterWaitingForAReportQueryAreChargedToTheAlter() {
    RehearsalReport report = new CalibrationScenario()
        .operations("""
                - name: report
                  every: 60s
                  startAfter: 2s
                  sql: SELECT count(*) FROM users CROSS JOIN pg_sleep(3)
            """)
        .strategies("""
              - name: add-column
                steps:
                  - sql: ALTER TABLE users ADD COLUMN x int
            """).rehearse(url, null, out, false);

    StatementResult alter = report.statements().get(0);
    // the report query started at 2 s and runs 3 s; the ALTER starts at 4 s: about 1 s left
    double reportEndsSecond = 2 + 3;
    double expectedWaitMs = (reportEndsSecond - alter.startSecond()) * 1000;
    log("lock queue: report query ends %.0f ms after the ALTER starts; ALTER waited %.1f ms, "
            + "longest application wait %.1f ms, %d waits charged to the ALTER",
        expectedWaitMs, alter.lockWaitMs(), alter.blocked().longestWaitMs(), alter.blocked().waits());
    assertThat(alter.lockWaitMs()).isCloseTo(expectedWaitMs, within(150.0));
    assertThat(alter.waitedBehind()).contains("rehearsal-report").contains("pg_sleep(3)");
    // every pooled connection queues behind the ALTER (the rest of the traffic waits in the pool)
    assertThat(alter.blocked().maxSessionsBlocked()).isEqualTo(10);
    assertThat(alter.blocked().waits()).isGreaterThanOrEqualTo(10);
    assertThat(alter.blocked().longestWaitMs()).isCloseTo(expectedWaitMs, within(150.0));
    assertThat(report.summary().blockedSessionSeconds()).isGreaterThan(0.5);
    assertThat(report.lockObservation().otherCauses().waits()).isZero();
  }

  @Test
  void aNoOpMigrationBlocksNothingAndSpikesNothingFiveTimesInARow() {
    CalibrationScenario scenario = new CalibrationScenario().phases("3s", "2s").strategies("""
          - name: no-op
            steps:
              - sql: SELECT 1
        """);
    for (int run = 1; run <= 5; run++) {
      RehearsalReport report = scenario.rehearse(url, null, out.resolve("run" + run), false);
      assertThat(report.summary().blockedSessionSeconds()).as("run %d", run).isZero();
      assertThat(report.summary().maxSessionsBlocked()).as("run %d", run).isZero();
      // latency is the machine's as much as the migration's: one noisy second on a busy 2-core
      // machine is tolerated; the lock figures above, which are the migration's alone, must be 0
      assertThat(report.summary().spikeSeconds()).as("run %d", run).isLessThanOrEqualTo(1);
      assertThat(report.statements().get(0).locks()).as("run %d", run).isEmpty();
    }
  }

  @Test
  void createIndexBlocksWritesButNotReadsAndConcurrentlyBlocksNeither() {
    CalibrationScenario scenario = new CalibrationScenario().rows(1_000_000).phases("3s", "2s").strategies("""
          - name: create-index
            steps:
              - sql: CREATE INDEX users_email ON users (email)
          - name: create-index-concurrently
            steps:
              - sql: CREATE INDEX CONCURRENTLY users_email ON users (email)
        """);
    RehearsalReport plain = scenario.rehearse(url, "create-index", out.resolve("plain"), false);
    RehearsalReport concurrently = scenario.rehearse(url, "create-index-concurrently", out.resolve("cic"), false);

    StatementResult create = plain.statements().get(0);
    log("CREATE INDEX on 1M rows: %.0f ms, writes blocked up to %.0f ms (%d waits, modes %s); "
            + "CREATE INDEX CONCURRENTLY: %.0f ms, %d waits",
        create.durationMs(), create.blocked().longestWaitMs(), create.blocked().waits(), create.blocked().modes(),
        concurrently.statements().get(0).durationMs(), concurrently.statements().get(0).blocked().waits());
    assertThat(create.durationMs()).as("the table must be large enough to take a while").isGreaterThan(500);
    assertThat(create.locks()).contains(new Lock("users", "ShareLock"));
    // ShareLock conflicts with the writes' RowExclusiveLock, not with the reads' AccessShareLock
    assertThat(create.blocked().modes()).containsExactly("RowExclusiveLock");
    assertThat(create.blocked().longestWaitMs()).isGreaterThan(create.durationMs() * 0.5);
    assertThat(plain.summary().blockedSessionSeconds()).isGreaterThan(0.5);

    StatementResult cic = concurrently.statements().get(0);
    assertThat(cic.inTransaction()).isFalse();
    assertThat(cic.locks()).contains(new Lock("users", "ShareUpdateExclusiveLock"));
    assertThat(cic.blocked().waits()).isZero();
    assertThat(concurrently.summary().blockedSessionSeconds()).isZero();
    assertThat(concurrently.summary().lostWrites()).isZero();
  }
}
