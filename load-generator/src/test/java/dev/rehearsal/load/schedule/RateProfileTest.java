package dev.rehearsal.load.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateProfileTest {

  @Test
  void constantRateSpacesArrivalsEvenly() {
    RateProfile p = RateProfile.constant(200);
    assertThat(p.arrivalsBy(1.5)).isEqualTo(300.0);
    assertThat(p.timeOfArrival(300)).isEqualTo(1.5);
    assertThat(p.rateAt(42)).isEqualTo(200.0);
  }

  @Test
  void aLinearRampIntegratesToTheTrapezoid() {
    // 100 -> 300 ops/s over 10 s: 2000 operations, then 300/s
    RateProfile p = new RateProfile(100, List.of(new RateStage(Duration.ofSeconds(10), 300)));
    assertThat(p.arrivalsBy(10)).isCloseTo(2000, within(1e-9));
    assertThat(p.arrivalsBy(5)).isCloseTo(100 * 5 + 20 * 25 / 2.0, within(1e-9));
    assertThat(p.rateAt(5)).isEqualTo(200.0);
    assertThat(p.arrivalsBy(12)).isCloseTo(2600, within(1e-9));
    for (double t = 0; t < 15; t += 0.37) {
      assertThat(p.timeOfArrival(p.arrivalsBy(t))).isCloseTo(t, within(1e-9));
    }
  }

  @Test
  void aDownwardRampAndAStepInvertToo() {
    RateProfile p = new RateProfile(1000, List.of(
        new RateStage(Duration.ofSeconds(4), 10),
        new RateStage(Duration.ZERO, 500),
        new RateStage(Duration.ofSeconds(2), 500)));
    assertThat(p.rateAt(3.999)).isCloseTo(10, within(1.0));
    assertThat(p.rateAt(4.5)).isEqualTo(500.0);
    assertThat(p.arrivalsBy(4)).isCloseTo((1000 + 10) / 2.0 * 4, within(1e-9));
    assertThat(p.arrivalsBy(5) - p.arrivalsBy(4)).isCloseTo(500, within(1e-9));
    for (double t = 0; t < 10; t += 0.113) {
      assertThat(p.timeOfArrival(p.arrivalsBy(t))).isCloseTo(t, within(1e-9));
    }
  }

  @Test
  void refusesRatesThatCannotBeScheduled() {
    assertThatThrownBy(() -> RateProfile.constant(0)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> new RateStage(Duration.ofSeconds(-1), 10)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new RateStage(Duration.ofSeconds(1), Double.NaN)).hasMessageContaining("> 0");
  }
}
