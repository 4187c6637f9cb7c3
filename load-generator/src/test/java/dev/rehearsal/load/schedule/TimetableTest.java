package dev.rehearsal.load.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimetableTest {

  @Test
  void constantArrivalsAreExactlyOneIntervalApart() {
    Timetable t = new Timetable(RateProfile.constant(1000), Arrival.CONSTANT, 5_000, 1);
    assertThat(t.next()).isEqualTo(5_000);
    assertThat(t.next()).isEqualTo(5_000 + 1_000_000);
    for (int i = 2; i < 1000; i++) {
      t.next();
    }
    assertThat(t.next()).isEqualTo(5_000 + 1_000_000_000L);
    assertThat(t.issued()).isEqualTo(1001);
  }

  @Test
  void poissonArrivalsHaveTheRateAsMeanAndExponentialGaps() {
    Timetable t = new Timetable(RateProfile.constant(1000), Arrival.POISSON, 0, 42);
    long previous = 0;
    int n = 100_000;
    int gapsLongerThanTwiceTheMean = 0;
    long last = 0;
    for (int i = 0; i < n; i++) {
      last = t.next();
      if (last - previous > 2_000_000) {
        gapsLongerThanTwiceTheMean++;
      }
      previous = last;
    }
    // 100k arrivals at 1000/s take 100 s, give or take sqrt(n)/rate = 0.3 s
    assertThat(last / 1e9).isBetween(99.0, 101.0);
    // exponential gaps: P(gap > 2 mean) = e^-2 = 13.5 %; constant spacing would give 0
    assertThat(gapsLongerThanTwiceTheMean / (double) n).isBetween(0.125, 0.145);
  }

  @Test
  void aRampedTimetableIssuesTheIntegralOfTheRate() {
    RateProfile ramp = new RateProfile(100, List.of(new RateStage(Duration.ofSeconds(10), 900)));
    Timetable t = new Timetable(ramp, Arrival.CONSTANT, 0, 1);
    int inFirstSecond = 0;
    int inLastSecond = 0;
    long at;
    while ((at = t.next()) < 10_000_000_000L) {
      if (at < 1_000_000_000L) {
        inFirstSecond++;
      } else if (at >= 9_000_000_000L) {
        inLastSecond++;
      }
    }
    // (100 + 180) / 2 in the first second, (820 + 900) / 2 in the last
    assertThat(inFirstSecond).isBetween(139, 141);
    assertThat(inLastSecond).isBetween(859, 861);
    assertThat(t.issued() - 1).isEqualTo(5000);
  }
}
