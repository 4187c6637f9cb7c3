package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongDmlWalTest {

  private static final StatementResult UPDATE = new StatementResult(1, "UPDATE users SET n = n + 1", 10, 2_000,
      null, null, "up", "step 1", "sql", "step 1", 1, null, 1, 0, 200_000L, null, true, List.of(), List.of(),
      new LockWaits(3.5, 1_900, 1_950, 12, 40, List.of("users"), List.of("RowExclusiveLock")), null, null);

  @Test
  void theFindingSaysTheWalTheUpdateWroteAndItsRate() {
    NextSteps.Step step = LongDml.step(UPDATE, NextSteps.Limits.DEFAULT, Impact.NONE, 70_000_000L);
    assertThat(step.finding()).endsWith("It wrote 70.0 MB of WAL, 35.0 MB/s, which every standby must replay.");
  }

  @Test
  void nothingAboutWalWhenItWasNotMeasured() {
    assertThat(LongDml.step(UPDATE, NextSteps.Limits.DEFAULT, Impact.NONE, null).finding()).doesNotContain("WAL");
  }
}
