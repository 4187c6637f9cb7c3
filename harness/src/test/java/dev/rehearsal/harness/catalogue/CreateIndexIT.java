package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** create-index: a plain build blocks writes for its duration; CONCURRENTLY does not. */
class CreateIndexIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("create-index", 500_000);
  }

  @Test
  void aPlainBuildBlocksWritesForMostOfItsDuration() {
    var build = outcome.statement("create-index", 1);
    assertThat(build.blocked().waits()).isPositive();
    assertThat(build.blocked().modes()).contains("RowExclusiveLock").doesNotContain("AccessShareLock");
    assertThat(build.blocked().longestBlockedWindowMs()).isGreaterThan(build.durationMs() * 0.3);
  }

  @Test
  void concurrentlyLetsWritesThrough() {
    assertThat(outcome.waitsCausedBy("concurrently", 1)).isZero();
    assertThat(outcome.strategy("concurrently").summary().blockedSessionSeconds())
        .isLessThan(outcome.strategy("create-index").summary().blockedSessionSeconds());
    assertThat(outcome.ranking()).containsExactly("concurrently", "create-index");
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
