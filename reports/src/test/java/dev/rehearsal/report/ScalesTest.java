package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LogScale, LinearScale and TimeAxis: the arithmetic under the charts. */
class ScalesTest {

  @Test
  void logScaleSpansWholeDecadesAroundTheData() {
    LogScale scale = LogScale.coveringMs(Arrays.asList(1.5, null, 4_100.0, 0.0, Double.NaN),
        0, 300);

    assertThat(scale.ticks().stream().filter(YScale.Tick::major).map(YScale.Tick::label))
        .containsExactly("1 ms", "10 ms", "100 ms", "1 s", "10 s");
    assertThat(scale.y(1)).isEqualTo(300);
    assertThat(scale.y(10_000)).isEqualTo(0);
    assertThat(scale.y(100)).isCloseTo(150, within(1e-9));
    assertThat(scale.y(0)).as("zero sits on the bottom edge").isEqualTo(300);
  }

  @Test
  void logScaleWithoutDataOrWithOneValueStillHasADecade() {
    assertThat(LogScale.coveringMs(List.of(), 0, 100).ticks()).isNotEmpty();
    LogScale single = LogScale.coveringMs(List.of(10.0), 0, 100);
    assertThat(single.y(10)).isFinite();
    assertThat(single.ticks().stream().filter(YScale.Tick::major).count()).isEqualTo(2);
  }

  @Test
  void decadeLabelsReadNaturally() {
    assertThat(LogScale.decadeLabel(-2)).isEqualTo("0.01 ms");
    assertThat(LogScale.decadeLabel(0)).isEqualTo("1 ms");
    assertThat(LogScale.decadeLabel(2)).isEqualTo("100 ms");
    assertThat(LogScale.decadeLabel(3)).isEqualTo("1 s");
    assertThat(LogScale.decadeLabel(5)).isEqualTo("100 s");
  }

  @Test
  void linearScaleRoundsUpToANiceMaximum() {
    LinearScale scale = LinearScale.upTo(503, true, 0, 100);

    assertThat(scale.topValue()).isEqualTo(600);
    assertThat(scale.ticks()).extracting(YScale.Tick::label)
        .containsExactly("0", "200", "400", "600");
    assertThat(LinearScale.upTo(0, true, 0, 100).topValue()).isEqualTo(1);
    // a maximum on a gridline gets one step of headroom, so a plateau does not merge with the frame
    assertThat(LinearScale.upTo(3, true, 0, 100).ticks()).extracting(YScale.Tick::label)
        .containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void timeAxisCoversTimelineAndMapsSecondsLinearly() {
    TimeAxis axis = TimeAxis.covering(ReportFixture.realistic(), 100, 500);

    assertThat(axis.fromSecond()).isZero();
    assertThat(axis.toSecond()).isEqualTo(40);
    assertThat(axis.x(0)).isEqualTo(100);
    assertThat(axis.x(20)).isEqualTo(300);
    assertThat(axis.x(99)).as("clamped").isEqualTo(500);
    assertThat(axis.tickSeconds()).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0,
        35.0, 40.0);
  }

  @Test
  void timeAxisIsNeverZeroWide() {
    ReportFixture fixture = new ReportFixture();
    fixture.timeline = ReportFixture.timeline(1);
    fixture.phases = null;
    fixture.statements = List.of();

    TimeAxis axis = TimeAxis.covering(fixture.build(), 0, 100);

    assertThat(axis.toSecond() - axis.fromSecond()).isEqualTo(1);
    assertThat(axis.x(0)).isEqualTo(0);
  }
}
