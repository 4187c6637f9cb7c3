package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SummaryFixture;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.scenario.BudgetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetJudgeTest {

  static Summary summary(double peakP99Ms, long poolTimeouts, Long lostWrites) {
    return SummaryFixture.quiet().with("baselineP99Ms", 5).with("peakP99Ms", peakP99Ms)
        .with("p99Ratio", peakP99Ms / 5).with("spikeThresholdMs", 25).with("spikeSeconds", 2)
        .with("blockedSessionSeconds", 3.5).with("longestWaitMs", 2100).with("longestBlockedWindowMs", 2200)
        .with("maxSessionsBlocked", 10).with("poolTimeouts", poolTimeouts).with("poolSaturatedSeconds", 2)
        .with("maxPoolWaiting", 40).with("operations", 1000).with("errors", poolTimeouts)
        .with("errorsByClass", Map.of("poolTimeout", poolTimeouts)).with("lostWrites", lostWrites)
        .with("healthCheckFailures", SummaryFixture.NULL).with("migrationDurationMs", 2100).build();
  }

  private static String status(double peakP99Ms, Double warn, Double critical, boolean strict) {
    return BudgetJudge.judge(List.of(new BudgetSpec("peakP99Ms", warn, critical, strict, null, null)),
        summary(peakP99Ms, 0, 0L)).get(0).status();
  }

  @ParameterizedTest(name = "p99 {0} ms, warn 1000, critical 5000, strict {1}: {2}")
  @CsvSource({
      "999.99, false, pass",
      "1000, false, warn",
      "1000, true, pass",
      "1000.01, true, warn",
      "4999.9, false, warn",
      "5000, false, fail",
      "5000, true, warn",
      "5000.001, true, fail"})
  void thresholdsAreInclusiveUnlessStrict(double p99, boolean strict, String expected) {
    assertThat(status(p99, 1000.0, 5000.0, strict)).isEqualTo(expected);
  }

  @Test
  void anIncompleteRunSaysSoBeforeWhatItsBudgetsShow() {
    RehearsalReport.Verdict held = BudgetJudge.incomplete(new RehearsalReport.Verdict("pass", "every budget held"));
    assertThat(held.status()).isEqualTo("pass");
    assertThat(held.headline()).isEqualTo("Incomplete run, judged on what was measured until it stopped (not a pass;"
        + " rehearse again to the end): every budget held");
    RehearsalReport.Verdict breached = BudgetJudge.incomplete(new RehearsalReport.Verdict("fail", "lostWrites = 2"));
    assertThat(breached.status()).isEqualTo("fail");
    assertThat(breached.headline()).isEqualTo("Incomplete run, judged on what was measured until it stopped: lostWrites = 2");
  }

  @Test
  void aBudgetWithOnlyOneThresholdUsesThatOne() {
    assertThat(status(6000, null, 5000.0, false)).isEqualTo("fail");
    assertThat(status(4000, null, 5000.0, false)).isEqualTo("pass");
    assertThat(status(6000, 1000.0, null, false)).isEqualTo("warn");
  }

  @Test
  void aZeroThresholdFailsOnZeroUnlessStrict() {
    assertThat(status(0, null, 0.0, false)).isEqualTo("fail");
    assertThat(status(0, null, 0.0, true)).isEqualTo("pass");
  }

  @Test
  void theWorstStatusWinsAndTheHeadlineNamesEveryBreach() {
    List<BudgetResult> results = BudgetJudge.judge(List.of(
        new BudgetSpec("peakP99Ms", 1000.0, 5000.0, "set lock_timeout", "db team"),
        new BudgetSpec("poolTimeouts", null, 1.0, "do not ship", null)), summary(1000, 1, null));
    assertThat(results).extracting(BudgetResult::status).containsExactly("warn", "fail");
    assertThat(BudgetJudge.verdict(results).status()).isEqualTo("fail");
    assertThat(BudgetJudge.verdict(results).headline()).isEqualTo("poolTimeouts = 1 (critical: ≥ 1)");
    List<BudgetResult> warnOnly = BudgetJudge.judge(List.of(
        new BudgetSpec("peakP99Ms", 1000.0, null, true, null, null)), summary(1500, 0, null));
    assertThat(BudgetJudge.verdict(warnOnly).headline()).isEqualTo("peakP99Ms = 1,500 (warn: > 1,000)");
  }

  @Test
  void unmeasuredFiguresDoNotPassOrFail() {
    List<BudgetResult> results = BudgetJudge.judge(
        List.of(new BudgetSpec("lostWrites", null, 1.0, null, null)), summary(10, 0, null));
    assertThat(results.get(0).status()).isEqualTo("unmeasured");
    assertThat(results.get(0).value()).isNaN();
    assertThat(BudgetJudge.verdict(results)).extracting("status", "headline")
        .containsExactly("pass", "every budget held (0 judged)");
  }

  @Test
  void errorClassesAreMetricsOfTheirOwn() {
    Summary s = SummaryFixture.quiet().with("baselineP99Ms", 5).with("peakP99Ms", 50).with("p99Ratio", 10)
        .with("spikeThresholdMs", 25).with("spikeSeconds", 2).with("blockedSessionSeconds", 3.5)
        .with("longestWaitMs", 2100).with("longestBlockedWindowMs", 2200).with("maxSessionsBlocked", 10)
        .with("poolSaturatedSeconds", 2).with("maxPoolWaiting", 40).with("operations", 1000).with("errors", 7)
        .with("errorsByClass", Map.of("lockTimeout", 4L, "deadlock", 3L))
        .with("healthCheckFailures", SummaryFixture.NULL).with("migrationDurationMs", 2100).build();
    List<BudgetResult> results = BudgetJudge.judge(List.of(
        new BudgetSpec("errors.lockTimeout", null, 5.0, null, null),
        new BudgetSpec("errors.deadlock", null, 1.0, null, null),
        new BudgetSpec("errors.statementTimeout", null, 1.0, null, null)), s);
    assertThat(results).extracting(BudgetResult::value).containsExactly(4.0, 3.0, 0.0);
    assertThat(results).extracting(BudgetResult::status).containsExactly("pass", "fail", "pass");
  }
}
