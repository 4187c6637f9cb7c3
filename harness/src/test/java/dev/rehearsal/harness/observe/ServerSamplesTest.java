package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.ServerSamples.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSamplesTest {

  private static final long S = 1_000_000_000L;

  /** Samples every half second from load start (0): WAL 0, 0, 100, 300, 300 MB-ish bytes. */
  private static ServerSamples samples() {
    return new ServerSamples(List.of(
        new Sample(0, 1_000, 5, 10L, 1L),
        new Sample(S / 2, 1_000, 7, 10L, 1L),
        new Sample(S, 1_100, 9, 15L, 1L),
        new Sample(3 * S / 2, 1_300, 8, 30L, 2L),
        new Sample(2 * S, 1_300, 6, 30L, 2L)), 0, "test");
  }

  @Test
  void walBetweenTwoMomentsIsInterpolatedBetweenTheSamplesAroundThem() {
    ServerSamples s = samples();
    assertThat(s.walBytes(S / 2, 3 * S / 2)).isEqualTo(300);
    assertThat(s.walBytes(3 * S / 4, 5 * S / 4)).isEqualTo(50 + 100);
    // outside the samples: the first or last position
    assertThat(s.walBytes(-S, 5 * S)).isEqualTo(300);
  }

  @Test
  void perSecondFigures() {
    ServerSamples s = samples();
    assertThat(s.walBytesInSecond(0)).isEqualTo(100);
    assertThat(s.walBytesInSecond(1)).isEqualTo(200);
    assertThat(s.walBytesInSecond(2)).isNull();
    assertThat(s.connectionsInSecond(0)).isEqualTo(7);
    assertThat(s.connectionsInSecond(1)).isEqualTo(9);
    assertThat(s.peakConnections()).isEqualTo(9);
  }

  @Test
  void countersBetweenTheSamplesOutsideTheMoments() {
    ServerSamples s = samples();
    assertThat(s.fullPageImages(S / 2, 3 * S / 2)).isEqualTo(20);
    assertThat(s.checkpointsRequested(S / 2, 3 * S / 2)).isEqualTo(1);
  }

  @Test
  void nothingMeasuredWithFewerThanTwoSamples() {
    ServerSamples one = new ServerSamples(List.of(new Sample(0, 1_000, 5, null, null)), 0, "test");
    assertThat(one.measured()).isFalse();
    assertThat(one.walBytes(0, S)).isNull();
    assertThat(one.walBytesInSecond(0)).isNull();
    assertThat(one.peakConnections()).isEqualTo(5);
  }

  /** Replay and write lag per second and their peaks from a moment on: each its own column, nulls skipped. */
  @Test
  void replayAndWriteLagPerSecondAndPeak() {
    ServerSamples s = new ServerSamples(List.of(
        new Sample(0, 0, 1, null, null, 40.0, 5.0),
        new Sample(S / 2, 0, 1, null, null, 120.0, 30.0),
        new Sample(S, 0, 1, null, null, 300.0, 10.0),
        new Sample(3 * S / 2, 0, 1, null, null, null, null),
        new Sample(3 * S, 0, 1, null, null, null, null)), 0, "test");
    assertThat(s.replicaLagMsInSecond(0)).isEqualTo(120.0);
    assertThat(s.replicaWriteLagMsInSecond(0)).isEqualTo(30.0);
    assertThat(s.replicaLagMsInSecond(1)).isEqualTo(300.0);
    assertThat(s.replicaWriteLagMsInSecond(1)).isEqualTo(10.0);
    assertThat(s.replicaLagMsInSecond(3)).as("no standby seen").isNull();
    assertThat(s.replicaWriteLagMsInSecond(3)).isNull();
    assertThat(s.peakReplicaLagMs(0)).isEqualTo(300.0);
    assertThat(s.peakReplicaWriteLagMs(0)).isEqualTo(30.0);
    assertThat(s.peakReplicaWriteLagMs(S)).as("from the migration's start on").isEqualTo(10.0);
    assertThat(s.peakReplicaWriteLagMs(3 * S / 2)).isNull();
  }

  @Test
  void aStreamingStandbysNullLagIsCaughtUpButAHiddenOneIsNotMeasured() {
    assertThat(ServerSamples.lagMs(0, 0, 0, null)).as("no standby").isNull();
    assertThat(ServerSamples.lagMs(1, 0, 0, null)).as("state hidden from the role").isNaN();
    assertThat(ServerSamples.lagMs(1, 1, 1, null)).as("streaming, caught up, idle").isEqualTo(0.0);
    assertThat(ServerSamples.lagMs(1, 1, 1, 42.0)).isEqualTo(42.0);
    assertThat(ServerSamples.lagMs(2, 2, 1, 42.0)).as("one catching up, one streaming").isEqualTo(42.0);
    assertThat(ServerSamples.lagMs(1, 1, 0, null)).as("starting up: nothing known yet").isNull();
    assertThat(ServerSamples.lagMs(1, 1, 0, 250.0)).as("catching up").isEqualTo(250.0);
  }

  @Test
  void aHiddenLagIsUnmeasuredInTheTimelineAndThePeak() {
    ServerSamples s = new ServerSamples(List.of(
        new Sample(0, 0, 1, null, null, ServerSamples.HIDDEN, ServerSamples.HIDDEN),
        new Sample(S, 0, 1, null, null, ServerSamples.HIDDEN, ServerSamples.HIDDEN)), 0, "test");
    assertThat(s.replicaLagMsInSecond(0)).isNull();
    assertThat(s.replicaWriteLagMsInSecond(1)).isNull();
    assertThat(s.peakReplicaLagMs(0)).as("not 0: a budget on it is unmeasured").isNull();
    assertThat(s.peakReplicaWriteLagMs(0)).isNull();
  }
}
