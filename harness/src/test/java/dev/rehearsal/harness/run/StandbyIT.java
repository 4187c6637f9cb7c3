package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.cli.RehearseCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.standby: true}: a hot standby streams from the embedded server during a
 * comparison of a no-op and a batched backfill (read-only traffic, so every WAL byte is the
 * migration's). The backfill makes the replica fall behind; the no-op does not; nothing of the
 * standby is left afterwards. A fifth of the reads, and a periodic report, are marked {@code replica}: they
 * run on the standby (queries that fail outside recovery show where), and the backfill makes some stale.
 */
class StandbyIT {

  @TempDir
  static Path out;
  static int exitCode;
  static JsonNode idle;
  static JsonNode backfill;

  @BeforeAll
  static void compare() throws Exception {
    Path scenario = Path.of(StandbyIT.class.getResource("/scenarios/standby-test.yaml").toURI());
    exitCode = RehearseCommand.execute("compare", scenario.toString(), "--postgres", "embedded", "--no-seed-cache",
        "--out", out.toString());
    idle = new ObjectMapper().readTree(out.resolve("idle/report.json").toFile());
    backfill = new ObjectMapper().readTree(out.resolve("backfill/report.json").toFile());
  }

  @Test
  void aBatchedBackfillMakesTheReplicaFallBehindAndANoOpDoesNot() {
    assertThat(exitCode).isIn(0, 1);
    double backfillLag = backfill.at("/summary/peakReplicaLagMs").asDouble();
    double idleLag = idle.at("/summary/peakReplicaLagMs").asDouble();
    System.out.printf("peakReplicaLagMs: backfill %.1f ms (WAL %d bytes), idle %.1f ms (WAL %d bytes)%n", backfillLag,
        backfill.at("/summary/walBytes").asLong(), idleLag, idle.at("/summary/walBytes").asLong());
    assertThat(backfill.at("/summary/peakReplicaLagMs").isNumber()).as("a standby streamed").isTrue();
    assertThat(backfillLag).isPositive();
    assertThat(idle.at("/summary/peakReplicaLagMs").isNumber()).isTrue();
    assertThat(idleLag).isLessThan(backfillLag);
    // write_lag beside it: written is no later than replayed
    double backfillWriteLag = backfill.at("/summary/peakReplicaWriteLagMs").asDouble();
    System.out.printf("peakReplicaWriteLagMs: backfill %.1f ms, idle %.1f ms%n", backfillWriteLag,
        idle.at("/summary/peakReplicaWriteLagMs").asDouble());
    assertThat(backfill.at("/summary/peakReplicaWriteLagMs").isNumber()).isTrue();
    assertThat(backfillWriteLag).isBetween(0.0, backfillLag);
    // the timeline carries it per second
    boolean anySecond = false;
    for (JsonNode second : backfill.get("timeline")) {
      anySecond |= second.path("replicaLagMs").asDouble() > 0;
    }
    assertThat(anySecond).isTrue();
    assertThat(backfill.get("timeline").findValues("replicaWriteLagMs")).anyMatch(JsonNode::isNumber);
  }

  @Test
  void replicaReadsRanOnTheStandbyAndShowWhenTheyWereStale() {
    for (JsonNode report : List.of(idle, backfill)) {
      long replicaReads = 0;
      long reports = 0;
      for (JsonNode second : report.get("timeline")) {
        replicaReads += second.path("byOperation").path("read-user-replica").path("count").asLong();
        reports += second.path("byOperation").path("report-replica").path("count").asLong();
      }
      long failed = report.at("/summary/errors").asLong();
      System.out.printf("%s: read-user-replica finished %d times, report-replica %d, errors %s, "
          + "staleReplicaReadSeconds %s%n", report.get("strategy").asText(), replicaReads, reports,
          report.at("/summary/errorsByClass"), report.at("/summary/staleReplicaReadSeconds"));
      // 10 a second for the whole run, each finished: on the primary every one would have failed (division by zero)
      assertThat(replicaReads).isGreaterThan(20);
      assertThat(reports).as("the periodic replica report ran").isPositive();
      assertThat(failed).as("no operation failed: the replica reads ran in recovery, on the standby").isZero();
      assertThat(report.at("/summary/staleReplicaReadSeconds").isInt()).as("measured").isTrue();
    }
    // the backfill put the standby over the 100 ms threshold while replica reads ran; the no-op at most as long
    int stale = backfill.at("/summary/staleReplicaReadSeconds").asInt();
    assertThat(stale).isPositive();
    assertThat(idle.at("/summary/staleReplicaReadSeconds").asInt()).isLessThanOrEqualTo(stale);
  }

  @Test
  void noStandbyIsLeftAfterTheRun() throws Exception {
    List<String> standbys = ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains("rehearsal-standby-")).toList();
    assertThat(standbys).isEmpty();
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(tmp.filter(p -> p.getFileName().toString().startsWith("rehearsal-standby-")).toList()).isEmpty();
    }
  }
}
