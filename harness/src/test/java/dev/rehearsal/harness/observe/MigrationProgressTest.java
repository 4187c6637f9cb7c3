package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.MigrationProgress.Cursor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which statement an application wait is charged to, as the migration moves on. */
class MigrationProgressTest {

  private static final long ACCOUNTS = 16_400L;
  private static final long ORDERS = 16_500L;
  private static final long USERS = 16_600L;

  @Test
  void beforeTheFirstStatementNothingIsResponsible() {
    Cursor c = new MigrationProgress().cursor();
    assertThat(c.statementIndex()).isZero();
    assertThat(c.firstHolder()).isEmpty();
    assertThat(c.responsibleFor(ACCOUNTS, false)).isZero();
    assertThat(c.responsibleFor(null, true)).isZero();
  }

  @Test
  void aWaitOnARelationHeldEarlierInTheTransactionIsChargedToTheFirstHolder() {
    MigrationProgress p = new MigrationProgress();
    p.transactionBegan();
    p.statementStarted(1); // LOCK TABLE accounts
    p.locksHeld(1, List.of(ACCOUNTS));
    p.statementStarted(2); // SELECT pg_sleep(2)
    p.locksHeld(2, List.of(ACCOUNTS, ORDERS)); // accounts still held: 1 stays its first holder
    p.statementStarted(3);
    Cursor c = p.cursor();
    assertThat(c.statementIndex()).isEqualTo(3);
    assertThat(c.responsibleFor(ACCOUNTS, false)).isEqualTo(1);
    assertThat(c.responsibleFor(ORDERS, false)).isEqualTo(2);
  }

  @Test
  void otherwiseTheRunningStatementIsResponsible() {
    MigrationProgress p = new MigrationProgress();
    p.transactionBegan();
    p.statementStarted(1);
    p.locksHeld(1, List.of(ACCOUNTS));
    p.statementStarted(2);
    Cursor c = p.cursor();
    assertThat(c.responsibleFor(USERS, false)).as("a relation no statement held").isEqualTo(2);
    assertThat(c.responsibleFor(null, false)).as("not a relation lock (a row's transaction)").isEqualTo(2);
    assertThat(c.responsibleFor(ACCOUNTS, true)).as("the migration itself queued: the lock queue").isEqualTo(2);
  }

  @Test
  void theEndOfATransactionReleasesItsHolders() {
    MigrationProgress p = new MigrationProgress();
    p.transactionBegan();
    p.statementStarted(1);
    p.locksHeld(1, List.of(ACCOUNTS));
    p.transactionEnded();
    Cursor ended = p.cursor();
    assertThat(ended.statementIndex()).isEqualTo(1);
    assertThat(ended.firstHolder()).isEmpty();
    p.statementStarted(2);
    assertThat(p.cursor().responsibleFor(ACCOUNTS, false)).isEqualTo(2);
  }

  @Test
  void theBeginningOfATransactionForgetsTheHoldersOfEarlierOnes() {
    MigrationProgress p = new MigrationProgress();
    p.transactionBegan();
    p.statementStarted(1);
    p.locksHeld(1, List.of(ACCOUNTS));
    // no transactionEnded (an autocommit statement in between, say): the next BEGIN clears anyway
    p.transactionBegan();
    assertThat(p.cursor().firstHolder()).isEmpty();
    assertThat(p.cursor().statementIndex()).isEqualTo(1);
    p.statementStarted(2);
    p.locksHeld(2, List.of(ACCOUNTS));
    assertThat(p.cursor().responsibleFor(ACCOUNTS, false)).isEqualTo(2);
  }

  @Test
  void aStatementStartingKeepsTheHoldersOfItsTransaction() {
    MigrationProgress p = new MigrationProgress();
    p.transactionBegan();
    p.statementStarted(1);
    p.locksHeld(1, List.of(ACCOUNTS));
    p.statementStarted(2);
    assertThat(p.cursor().firstHolder()).containsEntry(ACCOUNTS, 1).hasSize(1);
  }

  @Test
  void aCursorIsASnapshotLaterChangesLeaveAlone() {
    MigrationProgress p = new MigrationProgress();
    p.transactionBegan();
    p.statementStarted(1);
    p.locksHeld(1, List.of(ACCOUNTS));
    Cursor before = p.cursor();
    p.statementStarted(2);
    p.transactionEnded();
    assertThat(before.statementIndex()).isEqualTo(1);
    assertThat(before.responsibleFor(ACCOUNTS, false)).isEqualTo(1);
    assertThat(p.cursor().firstHolder()).isEmpty();
  }
}
