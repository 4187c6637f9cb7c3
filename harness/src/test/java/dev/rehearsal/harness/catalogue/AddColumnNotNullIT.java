package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.Lock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** add-column-not-null: the volatile default rewrites under ACCESS EXCLUSIVE; the other two do not. */
class AddColumnNotNullIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("add-column-not-null", 200_000);
  }

  @Test
  void theVolatileDefaultRewritesTheTableWhileTheApplicationWaits() {
    var rewrite = outcome.statement("volatile-default", 1);
    assertThat(rewrite.rewrote()).containsExactly("users");
    assertThat(rewrite.locks()).contains(new Lock("users", "AccessExclusiveLock"));
    assertThat(rewrite.blocked().waits()).isPositive();
    assertThat(rewrite.blocked().modes()).contains("AccessShareLock");
    assertThat(rewrite.blocked().longestWaitMs()).isGreaterThan(50);
  }

  @Test
  void theConstantDefaultOnlyTouchesTheCatalog() {
    var instant = outcome.statement("constant-default", 1);
    assertThat(instant.rewrote()).isEmpty();
    assertThat(instant.durationMs()).isLessThan(outcome.statement("volatile-default", 1).durationMs());
    assertThat(outcome.strategy("constant-default").summary().longestWaitMs()).isLessThan(500);
  }

  @Test
  void expandAndContractBackfillsInBatchesAndValidatesWithoutBlocking() {
    var report = outcome.strategy("expand-contract");
    assertThat(report.statements()).hasSize(4).allSatisfy(s -> assertThat(s.rewrote()).isEmpty());
    assertThat(outcome.statement("expand-contract", 2).batches()).isGreaterThanOrEqualTo(20);
    assertThat(outcome.statement("expand-contract", 2).rowsAffected()).isGreaterThanOrEqualTo(200_000);
    // VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE: reads and writes go on
    assertThat(outcome.waitsCausedBy("expand-contract", 4)).isZero();
    assertThat(outcome.ranking().get(outcome.ranking().size() - 1)).isEqualTo("volatile-default");
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
