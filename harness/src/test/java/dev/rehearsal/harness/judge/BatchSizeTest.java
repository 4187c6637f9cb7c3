package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BatchSizeTest {

  @Test
  void theBatchHoldsItsLocksNoLongerThanAllowedAtTheMeasuredRate() {
    // the UPDATE: ~900k rows in 466 s is 1,931 rows/s; 200 ms of that is 386 rows -> 250
    BatchSize b = BatchSize.derive(900_000L, 466_000, 200);
    assertThat(b.rowsPerSecond()).isCloseTo(1931.3, within(0.1));
    assertThat(b.rows()).isEqualTo(250);
    assertThat(b.holdMs()).isCloseTo(129.4, within(0.1)).isLessThanOrEqualTo(200);
  }

  @Test
  void aFastStatementGetsLargeBatchesAndASlowOneBatchesOfOne() {
    assertThat(BatchSize.derive(250_000L, 2_000, 200).rows()).isEqualTo(25_000); // 125k rows/s
    assertThat(BatchSize.derive(1_000_000L, 5_787, 1000).rows()).isEqualTo(100_000); // 172.8k rows/s
    assertThat(BatchSize.derive(10L, 60_000, 200).rows()).isEqualTo(1); // 0.03 rows per 200 ms
  }

  @Test
  void anUnknownRateHasNoBatchSize() {
    assertThat(BatchSize.derive(null, 1000, 200)).isNull();
    assertThat(BatchSize.derive(0L, 1000, 200)).isNull();
    assertThat(BatchSize.derive(100L, 0, 200)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"0.5, 0", "1, 1", "1.9, 1", "2, 2", "4.9, 2", "9, 5", "24, 20", "25, 25", "49, 25", "386, 250",
      "999, 500", "1000, 1000", "2400, 2000", "2600, 2500", "77000, 50000", "123456789, 100000000"})
  void readableNumbersRoundDown(double value, long expected) {
    assertThat(BatchSize.readableFloor(value)).isEqualTo(expected);
  }
}
