package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** unique-constraint: ADD UNIQUE builds under ACCESS EXCLUSIVE; CONCURRENTLY + USING INDEX does not. */
class UniqueConstraintIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("unique-constraint", 500_000);
  }

  @Test
  void addUniqueBlocksReadsAndWritesWhileItBuilds() {
    var add = outcome.statement("add-unique", 1);
    assertThat(add.locks()).anySatisfy(l -> assertThat(l.mode()).isEqualTo("AccessExclusiveLock"));
    assertThat(add.blocked().waits()).isPositive();
    assertThat(add.blocked().modes()).contains("AccessShareLock");
  }

  @Test
  void aConcurrentIndexThenUsingIndexLetsTrafficThrough() {
    // no application session waits behind the concurrent build: at most a wait of one sampling interval at its end,
    // which the observer may charge to it instead of to the next statement (CI: one 9 ms AccessShareLock wait
    // charged to the build while ADD CONSTRAINT ... USING INDEX ran), against 14 blocked session-seconds for add-unique
    var build = outcome.statement("concurrent-index-then-constraint", 1).blocked();
    assertThat(build == null ? 0 : build.blockedSessionSeconds()).isLessThan(0.05);
    assertThat(build == null ? 0 : build.longestWaitMs()).isLessThan(30.0);
    assertThat(outcome.statement("concurrent-index-then-constraint", 2).durationMs())
        .isLessThan(outcome.statement("add-unique", 1).durationMs());
    assertThat(outcome.ranking()).containsExactly("concurrent-index-then-constraint", "add-unique");
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
