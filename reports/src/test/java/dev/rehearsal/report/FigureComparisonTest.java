package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.ReportDiff.FigureDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureComparisonTest {

  private static final DiffTolerance DEFAULTS = DiffTolerance.defaults();

  private static FigureDiff compare(String metric, Double baseline, Double current) {
    return FigureComparison.compare(metric, baseline, current, DEFAULTS);
  }

  @Test
  void exactlyAtTheToleranceIsNoChangeAndJustBeyondIsWorse() {
    assertThat(compare("peakP99Ms", 1000.0, 1100.0).status()).isEqualTo(Status.WITHIN);
    assertThat(compare("peakP99Ms", 1000.0, 1100.5).status()).isEqualTo(Status.WORSE);
    assertThat(compare("poolTimeouts", 10.0, 11.0).status()).isEqualTo(Status.WITHIN);
    assertThat(compare("poolTimeouts", 10.0, 12.0).status()).isEqualTo(Status.WORSE);
  }

  @Test
  void decimalFractionsAtTheToleranceDoNotTipOverThroughRounding() {
    DiffTolerance noFloor = DiffTolerance.parse(List.of("p99Ratio=0"));
    // 1.1 - 1.0 is 0.10000000000000009 in binary, 10% of 1.0 is 0.1
    assertThat(FigureComparison.compare("p99Ratio", 1.0, 1.1, noFloor).status()).isEqualTo(Status.WITHIN);
    assertThat(FigureComparison.compare("p99Ratio", 1.0, 0.9, noFloor).status()).isEqualTo(Status.WITHIN);
    assertThat(FigureComparison.compare("p99Ratio", 1.0, 1.1001, noFloor).status()).isEqualTo(Status.WORSE);
  }

  @Test
  void theNoiseFloorKeepsTinyFiguresFromFlapping() {
    // 2 ms to 6 ms is +200%, but 4 ms is within the 5 ms floor
    assertThat(compare("peakP99Ms", 2.0, 6.0).status()).isEqualTo(Status.WITHIN);
    assertThat(compare("peakP99Ms", 2.0, 7.5).status()).isEqualTo(Status.WORSE);
    assertThat(compare("blockedSessionSeconds", 0.0, 0.1).status()).isEqualTo(Status.WITHIN);
    assertThat(compare("blockedSessionSeconds", 0.0, 0.15).status()).isEqualTo(Status.WORSE);
    assertThat(compare("spikeSeconds", 0.0, 1.0).status()).isEqualTo(Status.WITHIN);
  }

  @Test
  void countsHaveNoFloorTheFirstOneIsAChange() {
    FigureDiff f = compare("poolTimeouts", 0.0, 1.0);

    assertThat(f.status()).isEqualTo(Status.WORSE);
    assertThat(f.change()).isEqualTo(1.0);
    assertThat(f.relativeChange()).as("no relative change from 0").isNull();
    assertThat(f.changeText()).isEqualTo("+1");
    assertThat(compare("lostWrites", 0.0, 1.0).status()).isEqualTo(Status.WORSE);
  }

  @Test
  void forAHigherIsBetterFigureAFallIsWorse() {
    FigureDiff fewer = compare("operations", 17_500.0, 15_000.0);

    assertThat(fewer.status()).isEqualTo(Status.WORSE);
    assertThat(fewer.higherIsBetter()).isTrue();
    assertThat(fewer.changeText()).isEqualTo("-2,500 (-14.3%)");
    assertThat(compare("operations", 17_500.0, 20_000.0).status()).isEqualTo(Status.BETTER);
    assertThat(compare("poolTimeouts", 10.0, 5.0).status()).isEqualTo(Status.BETTER);
  }

  @Test
  void changeIsShownAbsoluteAndRelative() {
    FigureDiff f = compare("peakP99Ms", 4_100.0, 5_000.0);

    assertThat(f.change()).isEqualTo(900.0);
    assertThat(f.relativeChange()).isCloseTo(0.2195, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(f.allowed()).isCloseTo(410.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f.changeText()).isEqualTo("+900 (+22%)");
    assertThat(f.shortChangeText()).isEqualTo("+22%");
  }

  @Test
  void nullAndNanMeanNotMeasured() {
    assertThat(compare("lostWrites", null, null).status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(compare("lostWrites", null, 0.0).status()).isEqualTo(Status.NEWLY_MEASURED);
    assertThat(compare("lostWrites", 0.0, null).status()).isEqualTo(Status.NO_LONGER_MEASURED);
    assertThat(compare("p99Ratio", Double.NaN, Double.NaN).status()).isEqualTo(Status.NOT_MEASURED);
    FigureDiff nan = compare("p99Ratio", Double.NaN, 5.0);
    assertThat(nan.status()).isEqualTo(Status.NEWLY_MEASURED);
    assertThat(nan.baseline()).isNull();
    assertThat(nan.change()).isNull();
    assertThat(nan.changeText()).isEmpty();
  }

  @Test
  void infiniteFiguresCompareByDirection() {
    assertThat(compare("p99Ratio", 5.0, Double.POSITIVE_INFINITY).status()).isEqualTo(Status.WORSE);
    assertThat(compare("p99Ratio", Double.POSITIVE_INFINITY, 5.0).status()).isEqualTo(Status.BETTER);
    assertThat(compare("p99Ratio", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY).status())
        .isEqualTo(Status.WITHIN);
  }
}
