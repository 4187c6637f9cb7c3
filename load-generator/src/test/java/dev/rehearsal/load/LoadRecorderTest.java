package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadRecorderTest {

  @Test
  void aPackedSecondKeepsEveryCountInAFractionOfTheMemory() {
    Histogram second = new Histogram(1, OperationStats.HIGHEST_MICROS, 3);
    for (int i = 0; i < 1_000; i++) {
      second.recordValue(200 + (i % 50) * 7); // a second of fast operations
    }
    second.recordValue(2_500_000); // and one that waited behind a lock

    Histogram packed = LoadRecorder.packed(second);

    assertThat(packed.getTotalCount()).isEqualTo(1_001);
    assertThat(packed.getValueAtPercentile(50)).isEqualTo(second.getValueAtPercentile(50));
    assertThat(packed.getValueAtPercentile(99)).isEqualTo(second.getValueAtPercentile(99));
    assertThat(packed.getMaxValue()).isEqualTo(second.getMaxValue());
    // what made a 30-minute run's heap grow by 3 MB a second: a full counts array per histogram
    assertThat(packed.getEstimatedFootprintInBytes()).isLessThan(second.getEstimatedFootprintInBytes() / 4);
  }
}
