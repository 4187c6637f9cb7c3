package dev.rehearsal.harness.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.scenario.BudgetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetJudgeTest {

  private static Summary summary(double peakP99Ms, long poolTimeouts, Long lostWrites) {
    return new Summary(5, peakP99Ms, peakP99Ms / 5, 25, 2, 3.5, 2100, 2200, 10, poolTimeouts, 2, 40, 1000, poolTimeouts,
        Map.of("poolTimeout", poolTimeouts), 0, lostWrites, null, 2100, 0);
  }

  @Test
  void thresholdsAreInclusiveAndTheWorstStatusWins() {
    List<BudgetResult> results = BudgetJudge.judge(List.of(
        new BudgetSpec("peakP99Ms", 1000.0, 5000.0, "set lock_timeout", "db team"),
        new BudgetSpec("poolTimeouts", null, 1.0, "do not ship", null)), summary(1000, 1, null));
    assertThat(results).extracting(BudgetResult::status).containsExactly("warn", "fail");
    assertThat(BudgetJudge.verdict(results).status()).isEqualTo("fail");
    assertThat(BudgetJudge.verdict(results).headline()).isEqualTo("poolTimeouts = 1 (critical at 1)");
  }

  @Test
  void unmeasuredFiguresDoNotPassOrFail() {
    List<BudgetResult> results = BudgetJudge.judge(
        List.of(new BudgetSpec("lostWrites", null, 1.0, null, null)), summary(10, 0, null));
    assertThat(results.get(0).status()).isEqualTo("unmeasured");
    assertThat(BudgetJudge.verdict(results).status()).isEqualTo("pass");
  }

  @Test
  void nextStepsNameTheLockQueueAndThePool() {
    Summary s = summary(2100, 17, null);
    List<String> steps = NextSteps.suggest(s, List.of(), List.of(), 2117, 10);
    assertThat(steps.get(0)).startsWith("The migration waited 2.1 s for its lock while up to 10 application sessions queued");
    assertThat(steps.get(1)).startsWith("17 requests timed out waiting for one of the pool's 10 connections");
  }
}
