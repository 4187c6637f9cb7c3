package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rename-column: the deployed application's queries fail after RENAME; dual writes keep it working. */
class RenameColumnIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("rename-column", 100_000);
  }

  @Test
  void aDirectRenameBreaksTheDeployedApplication() {
    var rename = outcome.strategy("rename");
    assertThat(rename.summary().errors()).isGreaterThan(100);
    assertThat(rename.summary().errorsByClass()).containsKey("other");
    assertThat(rename.verdict().status()).isEqualTo("fail");
    // the ledgered column is gone: said, not thrown
    assertThat(rename.integrity().examples()).anySatisfy(e -> assertThat(e).contains("not checked"));
  }

  @Test
  void dualWritesKeepItWorkingAndLoseNothing() {
    var dual = outcome.strategy("expand-dual-write");
    assertThat(dual.summary().errors()).isZero();
    assertThat(dual.summary().lostWrites()).isZero();
    assertThat(dual.integrity().rowsChecked()).isPositive();
    assertThat(dual.statements()).allSatisfy(s -> assertThat(s.error()).isNull());
    assertThat(outcome.ranking()).containsExactly("expand-dual-write", "rename");
  }
}
