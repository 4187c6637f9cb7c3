package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffToleranceTest {

  @Test
  void defaultsAreTenPercentAndANoiseFloorPerMetric() {
    DiffTolerance t = DiffTolerance.defaults();

    assertThat(t.relative("peakP99Ms")).isEqualTo(0.10);
    assertThat(t.absolute("peakP99Ms")).isEqualTo(5.0);
    assertThat(t.absolute("blockedSessionSeconds")).isEqualTo(0.1);
    assertThat(t.absolute("poolTimeouts")).isZero();
    assertThat(t.absolute("lostWrites")).isZero();
    // the larger of the two: 10% of 200 ms is 20 ms; of 20 ms it is 2 ms, below the 5 ms floor
    assertThat(t.allowed("peakP99Ms", 200)).isEqualTo(20.0);
    assertThat(t.allowed("peakP99Ms", 20)).isEqualTo(5.0);
    assertThat(t.specs()).isEmpty();
  }

  @Test
  void noiseFloorsComeFromTheCatalogue() {
    DiffTolerance t = DiffTolerance.defaults();
    for (MetricCatalogue.Metric m : MetricCatalogue.all()) {
      assertThat(t.absolute(m.name())).as(m.name()).isEqualTo(m.noiseFloor());
    }
    assertThat(t.absolute("longestWaitMs")).isEqualTo(15.0);
    assertThat(t.absolute("lostWrites")).isZero();
  }

  @Test
  void percentSetsEveryMetricsRelativeToleranceAndAMetricsOwnWinsWhateverTheOrder() {
    DiffTolerance t = DiffTolerance.parse(List.of("peakP99Ms=50%", "25%"));

    assertThat(t.relative("peakP99Ms")).isEqualTo(0.5);
    assertThat(t.relative("poolTimeouts")).isEqualTo(0.25);
    assertThat(t.absolute("peakP99Ms")).isEqualTo(5.0);
  }

  @Test
  void aBareAmountIsAbsoluteInTheMetricsUnitAndReplacesItsNoiseFloor() {
    DiffTolerance t = DiffTolerance.parse(List.of("blockedSessionSeconds=0.5, poolTimeouts=2", "poolTimeouts=3"));

    assertThat(t.absolute("blockedSessionSeconds")).isEqualTo(0.5);
    assertThat(t.relative("blockedSessionSeconds")).isEqualTo(0.10);
    assertThat(t.absolute("poolTimeouts")).isEqualTo(3.0);
    assertThat(t.specs()).containsExactly("blockedSessionSeconds=0.5", "poolTimeouts=2", "poolTimeouts=3");
    assertThat(t.describe()).contains("10% of the baseline")
        .endsWith("--tolerance blockedSessionSeconds=0.5,poolTimeouts=2,poolTimeouts=3");
  }

  @Test
  void errorClassMetricsAndZeroAreAccepted() {
    DiffTolerance t = DiffTolerance.parse(List.of("errors.lockTimeout=0%,0%"));

    assertThat(t.relative("errors.lockTimeout")).isZero();
    assertThat(t.allowed("peakP99Ms", 1000)).isEqualTo(5.0);
  }

  @Test
  void anUnknownMetricListsTheKnownOnes() {
    assertThatThrownBy(() -> DiffTolerance.parse(List.of("peakP99=50%")))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining("--tolerance peakP99=50%: unknown metric 'peakP99'")
        .hasMessageContaining("fix: name one of blockedSessionSeconds, ")
        .hasMessageContaining("peakP99Ms")
        .hasMessageContaining("errors.deadlock");
  }

  @Test
  void valuesThatAreNotPlainNonNegativeNumbersAreRefusedWithExamples() {
    for (String bad : List.of("peakP99Ms=fast", "peakP99Ms=-5", "peakP99Ms=NaN", "peakP99Ms=Infinity%",
        "peakP99Ms=1e3", "peakP99Ms=", "x%", "-5%")) {
      assertThatThrownBy(() -> DiffTolerance.parse(List.of(bad)))
          .as(bad)
          .isInstanceOf(DiffInputException.class)
          .hasMessageContaining("is not a tolerance")
          .hasMessageContaining("fix: e.g. --tolerance 25%");
    }
  }

  @Test
  void aBareNumberForEveryMetricMustBeAPercentage() {
    assertThatThrownBy(() -> DiffTolerance.parse(List.of("25")))
        .hasMessageContaining("--tolerance 25: a tolerance for every figure must be a percentage")
        .hasMessageContaining("fix: write 25%; an absolute tolerance names its figure");
  }

  @Test
  void anEmptyItemIsRefused() {
    assertThatThrownBy(() -> DiffTolerance.parse(List.of("25%,")))
        .hasMessageContaining("--tolerance '25%,': an empty tolerance");
  }
}
