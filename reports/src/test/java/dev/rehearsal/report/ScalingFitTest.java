package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.report.ScalingFit.Model;
import dev.rehearsal.report.ScalingFit.Point;
import dev.rehearsal.report.ScalingFit.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class ScalingFitTest {

  private static final long PRODUCTION = 200_000_000L;

  private static List<Point> points(LongToDoubleFunction truth, long... rows) {
    List<Point> points = new ArrayList<>();
    for (long n : rows) {
      points.add(new Point(n, truth.applyAsDouble(n)));
    }
    return points;
  }

  @Test
  void exactLinearDataPicksLinearAndPredictsExactly() {
    Result fit = ScalingFit.fit(points(n -> 2 + 3e-6 * n, 1_000_000, 4_000_000, 16_000_000), PRODUCTION);

    assertThat(fit.refusal()).isNull();
    assertThat(fit.chosen().model()).isEqualTo(Model.LINEAR);
    assertThat(fit.chosen().rSquared()).isCloseTo(1, within(1e-12));
    assertThat(fit.predictedValue()).isCloseTo(602, within(1e-6));
    // no residual of its own: the spread is the other model's interval, which fits nearly as well
    assertThat(fit.lowValue()).isLessThanOrEqualTo(602 + 1e-6);
    assertThat(fit.highValue()).isGreaterThanOrEqualTo(602 - 1e-6);
  }

  @Test
  void nLogNDataPicksNLogN() {
    LongToDoubleFunction sort = n -> 0.5 + 4e-8 * n * Math.log(n);
    Result fit = ScalingFit.fit(points(sort, 1_000_000, 4_000_000, 16_000_000), PRODUCTION);

    assertThat(fit.chosen().model()).isEqualTo(Model.N_LOG_N);
    assertThat(fit.alternative().model()).isEqualTo(Model.LINEAR);
    assertThat(fit.chosen().rSquared()).isGreaterThan(fit.alternative().rSquared());
    assertThat(fit.predictedValue()).isCloseTo(sort.applyAsDouble(PRODUCTION), within(1e-6));
    // linear fits these three sizes too (R² above 0.9): its lower prediction is the spread's low end
    assertThat(fit.lowValue()).isLessThan(fit.predictedValue());
  }

  @Test
  void noisyDataGivesASpreadThatHoldsTheTruth() {
    LongToDoubleFunction truth = n -> 5 + 2e-6 * n;
    double[] noise = {1.04, 0.97, 1.02, 0.96, 1.01};
    long[] rows = {1_000_000, 2_000_000, 4_000_000, 8_000_000, 16_000_000};
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      points.add(new Point(rows[i], truth.applyAsDouble(rows[i]) * noise[i]));
    }

    Result fit = ScalingFit.fit(points, PRODUCTION);

    assertThat(fit.refusal()).isNull();
    assertThat(fit.lowValue()).isLessThan(fit.predictedValue()).isLessThanOrEqualTo(truth.applyAsDouble(PRODUCTION));
    assertThat(fit.highValue()).isGreaterThan(fit.predictedValue())
        .isGreaterThanOrEqualTo(truth.applyAsDouble(PRODUCTION));
  }

  @Test
  void fewerThanThreeSizesAreRefused() {
    Result fit = ScalingFit.fit(points(n -> 1e-6 * n, 1_000_000, 1_000_000, 4_000_000), PRODUCTION);

    assertThat(fit.predictedValue()).isNull();
    assertThat(fit.lowValue()).isNull();
    assertThat(fit.refusal()).isEqualTo("measured at 2 distinct row counts (1,000,000, 4,000,000); a fit needs at "
        + "least 3, or any line fits exactly: sweep at least 3 sizes, e.g. --rows 1M,4M,16M");
  }

  @Test
  void aPoorFitIsRefusedWithItsRSquared() {
    List<Point> scattered = List.of(new Point(1_000_000, 5), new Point(2_000_000, 1), new Point(4_000_000, 9),
        new Point(8_000_000, 2));

    Result fit = ScalingFit.fit(scattered, PRODUCTION);

    assertThat(fit.predictedValue()).isNull();
    assertThat(fit.refusal()).startsWith("the fit is poor: R² ").contains("(linear) and ", "(n log n), both below 0.9");
    assertThat(fit.chosen().rSquared()).isLessThan(ScalingFit.MIN_R_SQUARED);
  }

  @Test
  void aTargetWithinTheSizesMeasuredIsInterpolationAndRefused() {
    Result fit = ScalingFit.fit(points(n -> 1e-6 * n, 1_000_000, 4_000_000, 16_000_000), 10_000_000);

    assertThat(fit.predictedValue()).isNull();
    assertThat(fit.refusal()).isEqualTo("10,000,000 rows is not above the largest size measured (16,000,000 rows): "
        + "that is interpolation, not extrapolation; read the measured cells instead, or extrapolate to more than "
        + "16,000,000");
    assertThat(ScalingFit.fit(points(n -> 1e-6 * n, 1_000_000, 4_000_000, 16_000_000), 16_000_000).refusal())
        .contains("interpolation");
  }

  @Test
  void aFigureTheSameAtEverySizeOrShrinkingIsNotCarriedFurther() {
    assertThat(ScalingFit.fit(points(n -> 0, 1_000_000, 4_000_000, 16_000_000), PRODUCTION).refusal())
        .isEqualTo("it is the same (0) at every size measured: nothing grows with rows to fit");
    assertThat(ScalingFit.fit(points(n -> 100 - 1e-6 * n, 1_000_000, 4_000_000, 16_000_000), PRODUCTION).refusal())
        .startsWith("it shrinks as rows grow");
  }
}
