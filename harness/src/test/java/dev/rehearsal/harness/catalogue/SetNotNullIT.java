package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** set-not-null: SET NOT NULL scans under ACCESS EXCLUSIVE, unless a valid CHECK proves the column. */
class SetNotNullIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("set-not-null", 1_000_000);
  }

  @Test
  void setNotNullScansWhileReadsAndWritesWait() {
    var scan = outcome.statement("set-not-null", 1);
    assertThat(scan.locks()).anySatisfy(l -> assertThat(l.mode()).isEqualTo("AccessExclusiveLock"));
    assertThat(scan.blocked().waits()).isPositive();
  }

  @Test
  void aValidCheckLetsSetNotNullSkipTheScan() {
    var validate = outcome.statement("check-validate-set", 2);
    var setNotNull = outcome.statement("check-validate-set", 3);
    assertThat(outcome.waitsCausedBy("check-validate-set", 2)).isZero();
    // the scan happens in VALIDATE; SET NOT NULL itself is a catalog change
    assertThat(setNotNull.durationMs()).isLessThan(outcome.statement("set-not-null", 1).durationMs() / 2);
    assertThat(validate.durationMs()).isGreaterThan(setNotNull.durationMs());
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
