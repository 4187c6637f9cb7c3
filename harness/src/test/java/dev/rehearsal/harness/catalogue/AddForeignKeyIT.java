package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** add-foreign-key: validating under the ADD's lock blocks writes; NOT VALID + VALIDATE does not. */
class AddForeignKeyIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("add-foreign-key", 500_000);
  }

  @Test
  void addingAValidatedKeyBlocksWritesWhileItScans() {
    var add = outcome.statement("add-constraint", 1);
    assertThat(add.blocked().waits()).isPositive();
    assertThat(add.blocked().modes()).contains("RowExclusiveLock");
    assertThat(add.locks()).anySatisfy(l -> assertThat(l.mode()).isEqualTo("ShareRowExclusiveLock"));
  }

  @Test
  void notValidThenValidateLetsWritesThrough() {
    assertThat(outcome.waitsCausedBy("not-valid-then-validate", 2)).isZero();
    assertThat(outcome.statement("not-valid-then-validate", 2).locks())
        .anySatisfy(l -> assertThat(l.mode()).isEqualTo("ShareUpdateExclusiveLock"));
    assertThat(outcome.strategy("not-valid-then-validate").summary().blockedSessionSeconds())
        .isLessThan(outcome.strategy("add-constraint").summary().blockedSessionSeconds());
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
