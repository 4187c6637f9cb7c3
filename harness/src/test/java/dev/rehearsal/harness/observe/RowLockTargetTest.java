package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.RowLockTarget.Candidate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowLockTargetTest {

  private static final Candidate ACCOUNTS = new Candidate(16_400L, "accounts");
  private static final Candidate ORDERS = new Candidate(16_500L, "orders");
  private static final Candidate AUDIT = new Candidate(16_600L, "audit");

  @Test
  void theTupleLocksRelationComesFirst() {
    // an UPDATE of a row someone else updated first: it holds the row's tuple lock while it waits for that
    // transaction, and RowExclusiveLock on the tables its transaction wrote before
    assertThat(RowLockTarget.choose(ORDERS, List.of(AUDIT, ORDERS), Set.of(AUDIT.oid()))).isEqualTo(ORDERS);
  }

  @Test
  void withoutATupleLockATableTheMigrationHoldsALockOnIsTheOne() {
    // an INSERT waiting on a unique key the migration inserted: no tuple lock; its transaction wrote audit first
    assertThat(RowLockTarget.choose(null, List.of(AUDIT, ACCOUNTS), Set.of(ACCOUNTS.oid()))).isEqualTo(ACCOUNTS);
  }

  @Test
  void elseTheFirstTableItWrites() {
    assertThat(RowLockTarget.choose(null, List.of(ACCOUNTS, AUDIT), Set.of())).isEqualTo(ACCOUNTS);
  }

  @Test
  void noLockNoRelation() {
    assertThat(RowLockTarget.choose(null, List.of(), Set.of(ACCOUNTS.oid()))).isNull();
  }
}
