package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.ReportDiff.BudgetDiff;
import dev.rehearsal.report.ReportDiff.BudgetDiff.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetComparisonTest {

  private static BudgetResult budget(String metric, String status, double value) {
    return new BudgetResult(metric, 1.0, 10.0, value, status, "act", "team");
  }

  private static Change change(String before, String after) {
    return BudgetComparison.change(before, after);
  }

  @Test
  void statusChanges() {
    assertThat(change("pass", "fail")).isEqualTo(Change.NEWLY_FAILS);
    assertThat(change("warn", "fail")).isEqualTo(Change.NEWLY_FAILS);
    assertThat(change("unmeasured", "fail")).isEqualTo(Change.NEWLY_FAILS);
    assertThat(change(null, "fail")).as("absent from the baseline").isEqualTo(Change.NEWLY_FAILS);
    assertThat(change("fail", "fail")).isEqualTo(Change.UNCHANGED);
    assertThat(change("pass", "warn")).isEqualTo(Change.NEWLY_WARNS);
    assertThat(change(null, "warn")).isEqualTo(Change.NEWLY_WARNS);
    assertThat(change("fail", "warn")).isEqualTo(Change.IMPROVED);
    assertThat(change("fail", "pass")).isEqualTo(Change.FIXED);
    assertThat(change("warn", "pass")).isEqualTo(Change.FIXED);
    assertThat(change("unmeasured", "pass")).isEqualTo(Change.UNCHANGED);
    assertThat(change(null, "pass")).isEqualTo(Change.ADDED);
    assertThat(change(null, "unmeasured")).isEqualTo(Change.ADDED);
    assertThat(change("fail", "unmeasured")).isEqualTo(Change.NO_LONGER_MEASURED);
    assertThat(change("unmeasured", "unmeasured")).isEqualTo(Change.UNCHANGED);
    assertThat(change("pass", null)).isEqualTo(Change.REMOVED);
  }

  @Test
  void aBudgetOnlyInTheCurrentRunThatFailsNewlyFails() {
    List<BudgetDiff> diffs = BudgetComparison.compare(
        List.of(budget("lostWrites", "pass", 0)),
        List.of(budget("lostWrites", "pass", 0), budget("poolTimeouts", "FAIL", 12)));

    assertThat(diffs).extracting(BudgetDiff::metric, BudgetDiff::change).containsExactly(
        org.assertj.core.groups.Tuple.tuple("lostWrites", Change.UNCHANGED),
        org.assertj.core.groups.Tuple.tuple("poolTimeouts", Change.NEWLY_FAILS));
    BudgetDiff added = diffs.get(1);
    assertThat(added.baselineStatus()).isNull();
    assertThat(added.currentStatus()).as("status lower-cased").isEqualTo("fail");
    assertThat(added.currentValue()).isEqualTo(12.0);
  }

  @Test
  void removedBudgetsComeLastAndUnmeasuredValuesAreNull() {
    List<BudgetDiff> diffs = BudgetComparison.compare(
        List.of(budget("healthCheckFailures", "unmeasured", Double.NaN), budget("errors", "warn", 3)),
        List.of(budget("errors", "pass", 0)));

    assertThat(diffs).extracting(BudgetDiff::metric, BudgetDiff::change).containsExactly(
        org.assertj.core.groups.Tuple.tuple("errors", Change.FIXED),
        org.assertj.core.groups.Tuple.tuple("healthCheckFailures", Change.REMOVED));
    assertThat(diffs.get(1).baselineValue()).isNull();
  }

  @Test
  void twoBudgetsOnOneMetricPairInOrderAndThresholdChangesAreSeen() {
    BudgetResult looseBefore = new BudgetResult("peakP99Ms", 500.0, null, 800, "warn", null, null);
    BudgetResult strictBefore = new BudgetResult("peakP99Ms", null, 2000.0, 800, "pass", null, null);
    BudgetResult looseAfter = new BudgetResult("peakP99Ms", 500.0, null, 900, "warn", null, null);
    BudgetResult strictAfter = new BudgetResult("peakP99Ms", null, 800.0, true, 900, "fail", null, null);

    List<BudgetDiff> diffs = BudgetComparison.compare(List.of(looseBefore, strictBefore), List.of(looseAfter, strictAfter));

    assertThat(diffs).extracting(BudgetDiff::change).containsExactly(Change.UNCHANGED, Change.NEWLY_FAILS);
    assertThat(diffs.get(0).thresholdsChanged()).isFalse();
    assertThat(diffs.get(1).thresholdsChanged()).isTrue();
    assertThat(diffs.get(1).strict()).isTrue();
    assertThat(diffs.get(1).critical()).isEqualTo(800.0);
  }

  @Test
  void noBudgetsOnEitherSide() {
    assertThat(BudgetComparison.compare(null, List.of())).isEmpty();
  }
}
