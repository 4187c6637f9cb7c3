package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What a run keeps of its seconds: exact whole-run histograms and per-second percentiles. */
class LoadTallyTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void keepsEachSecondsPercentilesAndTheWholeRunsExactDistribution() throws Exception {
    LoadTally tally = new LoadTally();
    Histogram everything = new Histogram(3);
    try (LoadRecorder recorder = new LoadRecorder(List.of("read", "write"), Set.of("report"), null)) {
      for (int second = 0; second < 120; second++) {
        for (int i = 0; i < 500; i++) {
          long start = second * S + i * 2 * MS;
          // one second in ten waits 2 s behind a lock; the others answer in 0.2 to 5 ms
          long latency = second % 10 == 7 && i % 5 == 0 ? 2_000 * MS : 200_000 + (i % 49) * 100_000L;
          recorder.record(i % 3 == 0 ? "write" : "read", start, start, start + latency, null);
          everything.recordValue(latency / 1000);
        }
        recorder.record("report", second * S, second * S, second * S + 40 * MS, second == 50 ? ErrorClass.OTHER : null);
        SecondSample sample = recorder.closeSecond(second, 1, 500, 4, second % 10 == 7 ? 12 : 0, 0);
        LatencySummary expected = LatencySummary.of(sample.weightedLatencyMicros());
        tally.add(sample);
        assertThat(tally.seconds().get(second).weightedLatency()).isEqualTo(expected);
      }
    }

    List<SecondFigures> seconds = tally.seconds();
    assertThat(seconds).hasSize(120);
    assertThat(seconds.get(7).weightedLatency().p99Micros()).isGreaterThanOrEqualTo(1_999_000);
    assertThat(seconds.get(8).weightedLatency().p99Micros()).isLessThan(5_010);
    assertThat(seconds.get(7).poolMaxWaiting()).isEqualTo(12);
    assertThat(seconds.get(50).errors()).containsEntry(ErrorClass.OTHER, 1L);
    assertThat(seconds.get(50).latencyByOperation()).containsOnlyKeys("read", "write", "report");
    // the whole run is the exact sum of its seconds, not a merge of per-second percentiles
    Histogram weighted = tally.weightedLatencyMicros();
    assertThat(weighted.getTotalCount()).isEqualTo(60_000);
    assertThat(weighted.getValueAtPercentile(99)).isEqualTo(everything.getValueAtPercentile(99));
    assertThat(weighted.getValueAtPercentile(50)).isEqualTo(everything.getValueAtPercentile(50));
    assertThat(tally.latencyMicrosByOperation().get("report").getTotalCount()).isEqualTo(120);
    assertThat(tally.latencyMicrosByOperation().get("write").getTotalCount()
        + tally.latencyMicrosByOperation().get("read").getTotalCount()).isEqualTo(60_000);
  }

  @Test
  void aQuietSecondHasNoLatencyRatherThanZeros() throws Exception {
    LoadTally tally = new LoadTally();
    try (LoadRecorder recorder = new LoadRecorder(List.of("read"), Set.of(), null)) {
      tally.add(recorder.closeSecond(0, 1, 10, 0, 0, 0));
    }
    SecondFigures quiet = tally.seconds().get(0);
    assertThat(quiet.weightedLatency()).isNull();
    assertThat(quiet.latencyByOperation()).isEmpty();
    assertThat(tally.weightedLatencyMicros().getTotalCount()).isZero();
  }
}
