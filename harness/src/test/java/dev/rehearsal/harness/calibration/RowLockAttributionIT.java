package dev.rehearsal.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import org.junit.jupiter.api.Test;

/**
 * Row-lock waits name their table and are charged to the statement that took the row locks: a migration transaction
 * updates the first 1,000 of 2,000 rows and then sleeps a second while the load updates random rows. The load's
 * writes of those rows wait on the migration's transaction id ({@code ShareLock} on a {@code transactionid}, no
 * relation in pg_locks) or queue on the row's tuple lock; both are the UPDATE's doing, on {@code users}. A
 * correctness test, not a timing window: no calibration tag.
 */
class RowLockAttributionIT extends CalibrationTest {

  @Test
  void rowLockWaitsAreChargedToTheUpdateAndNameItsTable() {
    RehearsalReport report = new CalibrationScenario().rows(2_000).phases("3s", "2s").strategies("""
          - name: update
            steps:
              - sql: |
                  BEGIN;
                  UPDATE users SET login_count = login_count + 1 WHERE id <= 1000;
                  SELECT pg_sleep(1);
                  COMMIT;
        """).rehearse(url, null, out, false);

    StatementResult update = report.statements().get(0);
    StatementResult sleep = report.statements().get(1);
    log("row locks: %d waits charged to the UPDATE (modes %s, relations %s), %.2f blocked session-seconds, "
            + "longest wait %.1f ms; %d charged to pg_sleep",
        update.blocked().waits(), update.blocked().modes(), update.blocked().relations(),
        update.blocked().blockedSessionSeconds(), update.blocked().longestWaitMs(), sleep.blocked().waits());
    assertThat(update.sql()).startsWith("UPDATE users");
    assertThat(update.blocked().waits()).isPositive();
    assertThat(update.blocked().modes()).contains("ShareLock");
    assertThat(update.blocked().relations()).containsExactly("users");
    assertThat(sleep.blocked().waits()).isZero();
    assertThat(report.summary().lostWrites()).isZero();
  }
}
