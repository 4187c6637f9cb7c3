package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** change-column-type: ALTER TYPE rewrites under ACCESS EXCLUSIVE; a new column and a swap does not. */
class ChangeColumnTypeIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("change-column-type", 300_000);
  }

  @Test
  void alterTypeRewritesTheTableWhileTheApplicationWaits() {
    var alter = outcome.statement("alter-type", 1);
    assertThat(alter.rewrote()).contains("events");
    assertThat(alter.blocked().waits()).isPositive();
  }

  @Test
  void theSwapRewritesNothingAndLosesNoWrite() {
    var report = outcome.strategy("new-column-and-swap");
    assertThat(report.statements()).allSatisfy(s -> assertThat(s.rewrote()).isEmpty());
    assertThat(report.statements()).extracting(s -> s.step())
        .contains("add column", "sync trigger", "backfill", "index", "analyze", "swap", "drop function");
    var swap = report.statements().stream().filter(s -> "swap".equals(s.step())).toList();
    assertThat(swap).allSatisfy(s -> assertThat(s.durationMs()).isLessThan(1_000));
    assertThat(report.summary().blockedSessionSeconds())
        .isLessThan(outcome.strategy("alter-type").summary().blockedSessionSeconds());
    // the trigger kept the new column in step with writes during the backfill
    assertThat(report.integrity().acknowledgedWrites()).isPositive();
    // with statistics gathered before the swap, the queries on account_id keep their plan
    assertThat(report.summary().poolTimeouts()).isZero();
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
