package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lock-queue: an 8 s report query from 5 s, the ALTER at 8 s. Without lock_timeout it heads the
 * queue for the report's remaining ~5 s; a timeout bounds each wait; the ladder starts smaller.
 */
class LockQueueIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    // the scenario's own phases: the report query is timed to them
    outcome = Catalogue.compare("lock-queue", 50_000, null, null);
  }

  @Test
  void withoutATimeoutTheAlterHeadsTheQueueUntilTheReportEnds() {
    var alter = outcome.statement("no-timeout", 1);
    assertThat(alter.lockWaitMs()).isGreaterThan(3_000);
    assertThat(alter.waitedBehind()).contains("rehearsal-report");
    assertThat(outcome.strategy("no-timeout").summary().longestWaitMs()).isGreaterThan(3_000);
  }

  @Test
  void aTimeoutBoundsEveryWaitAndTheLadderStartsSmaller() {
    var retry = outcome.statement("timeout-1s-retry", 1);
    var ladder = outcome.statement("gitlab-ladder", 1);
    assertThat(retry.attempts()).isGreaterThan(1);
    assertThat(ladder.attempts()).isGreaterThan(1);
    assertThat(outcome.strategy("timeout-1s-retry").summary().longestWaitMs()).isLessThan(1_500);
    assertThat(outcome.strategy("gitlab-ladder").summary().longestWaitMs()).isLessThan(1_200);
    assertThat(outcome.strategy("gitlab-ladder").summary().blockedSessionSeconds())
        .isLessThan(outcome.strategy("no-timeout").summary().blockedSessionSeconds());
    assertThat(outcome.ranking().get(2)).isEqualTo("no-timeout");
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
