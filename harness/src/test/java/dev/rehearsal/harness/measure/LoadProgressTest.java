package dev.rehearsal.harness.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.MigrationProgress;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

  private static final MigrationProgress.Running UPDATE = new MigrationProgress.Running(
      "V18__backfill.sql statement 2: UPDATE orders SET status_code = 1", 1_000_000_000L);

  @Test
  void aStatementRunningHalfASecondOrMoreIsNamedOnTheProgressLine() {
    assertThat(LoadProgress.runningPart(UPDATE, 13_000_000_000L))
        .isEqualTo("  | running 12.0 s: V18__backfill.sql statement 2: UPDATE orders SET status_code = 1");
  }

  @Test
  void nothingWhileNoStatementRunsOrOneHasJustStarted() {
    assertThat(LoadProgress.runningPart(null, 13_000_000_000L)).isEmpty();
    assertThat(LoadProgress.runningPart(UPDATE, 1_400_000_000L)).isEmpty();
  }

  @Test
  void theLabelFollowsTheStatementThatStarts() {
    MigrationProgress progress = new MigrationProgress();
    progress.statementStarted(3, "V11_1__status_code.sql statement 3: SELECT pg_sleep(1.0)");
    assertThat(progress.running().label()).isEqualTo("V11_1__status_code.sql statement 3: SELECT pg_sleep(1.0)");
    assertThat(progress.cursor().statementRunning()).isTrue();
    progress.statementEnded();
    assertThat(progress.running()).isNull();
    assertThat(progress.cursor().statementRunning()).isFalse();
    assertThat(progress.cursor().statementIndex()).isEqualTo(3);
  }
}
