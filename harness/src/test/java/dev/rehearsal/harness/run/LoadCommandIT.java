package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.StopSignal;
import dev.rehearsal.harness.cli.RehearseCommand;
import dev.rehearsal.load.ClientThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse load} end to end on the embedded server, open and closed loop. */
class LoadCommandIT {

  /** {@code rehearse load demo} for 4 s at 300 ops/s; exits 0; load.json. */
  private static JsonNode loadDemoAt300(Path out) throws Exception {
    int exit = RehearseCommand.execute("load", "demo", "--postgres", "embedded", "--rows", "20000",
        "--no-seed-cache", "--duration", "4s", "--rate", "300", "--out", out.toString());
    assertThat(exit).isZero();
    return new ObjectMapper().readTree(out.resolve("load.json").toFile());
  }

  @Test
  void openLoopKeepsToItsScheduleAndProvesNoWriteWasLost(@TempDir Path out) throws Exception {
    JsonNode load = loadDemoAt300(out);
    assertThat(out.resolve("latency.hlog")).isNotEmptyFile();
    assertThat(load.at("/traffic").asText()).isEqualTo("300 ops/s open loop");
    assertThat(load.at("/summary/targetOpsPerSecond").asDouble()).isBetween(299.0, 301.0);
    // an open loop never runs ahead of its timetable (how close it keeps to it: calibration, below)
    assertThat(load.at("/summary/achievedOpsPerSecond").asDouble()).isPositive().isLessThan(310.0);
    assertThat(load.at("/summary/errors").asLong()).isZero();
    assertThat(load.at("/summary/latency/p50Ms").asDouble()).isPositive();
    assertThat(load.at("/summary/byOperation").has("read-user")).isTrue();
    assertThat(load.at("/summary/schedulerLagP99Ms").isNumber()).isTrue();
    assertThat(load.at("/summary/healthCheckFailures").asLong()).isZero();
    assertThat(load.at("/integrity/acknowledgedWrites").asLong()).isPositive();
    assertThat(load.at("/summary/lostWrites").asLong()).isZero();
    assertThat(load.get("timeline").size()).isBetween(4, 5);
    assertThat(load.at("/timeline/1/phase").asText()).isEqualTo("load");
    assertThat(load.at("/complete").asBoolean()).isTrue();
    assertThat(load.at("/failure").isNull()).isTrue();
  }

  @Test
  void aLoadStoppedMidwayWritesAnIncompleteReportAndExitsThree(@TempDir Path out) throws Exception {
    Thread worker = Thread.currentThread();
    Thread stopper = new Thread(() -> {
      try {
        // the latency log opens when the load starts; stop two seconds into a 60-second load
        while (!Files.exists(out.resolve("latency.hlog"))) {
          Thread.sleep(50);
        }
        Thread.sleep(2_000);
        StopSignal.request("stopped by a test", worker);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    stopper.start();
    int exit;
    try {
      exit = RehearseCommand.execute("load", "demo", "--postgres", "embedded", "--rows", "20000",
          "--no-seed-cache", "--duration", "60s", "--rate", "200", "--out", out.toString());
    } finally {
      stopper.join(5_000);
      StopSignal.reset();
      Thread.interrupted(); // the stop's interrupt, if it came after the command ended
    }
    JsonNode load = new ObjectMapper().readTree(out.resolve("load.json").toFile());
    assertThat(exit).isEqualTo(3);
    assertThat(load.at("/complete").asBoolean()).isFalse();
    assertThat(load.at("/failure").asText()).startsWith("stopped by a test during the load")
        .endsWith("figures cover what was observed until then");
    assertThat(load.at("/durationSeconds").asDouble()).isBetween(1.5, 20.0);
    assertThat(load.get("timeline").size()).isGreaterThanOrEqualTo(1);
    assertThat(load.at("/summary/operations").asLong()).isPositive();
    // nothing is checked after a stop: lost writes are not measured rather than a made-up 0
    assertThat(load.at("/integrity").isNull()).isTrue();
  }

  /** The rate and latency this machine achieves: a loaded one can miss them without any bug. */
  @Test
  @Tag("calibration")
  void openLoopAchievesItsRateWithinAFewPercent(@TempDir Path out) throws Exception {
    JsonNode load = loadDemoAt300(out);
    assertThat(load.at("/summary/achievedOpsPerSecond").asDouble()).isBetween(280.0, 310.0);
    assertThat(load.at("/summary/latency/p50Ms").asDouble()).isLessThan(50.0);
    // 30 % of 300 ops/s write, for 4 s
    assertThat(load.at("/integrity/acknowledgedWrites").asLong()).isGreaterThan(200);
  }

  /** With the lock observer sampling as in a rehearsal, over a workload whose clients wait for each other's rows. */
  @Test
  void maxRunsTheTpcbTransactionClosedLoop(@TempDir Path out) throws Exception {
    int exit = RehearseCommand.execute("load", "pgbench-tpcb", "--postgres", "embedded", "--no-seed-cache",
        "--duration", "3s", "--max", "--observe", "all", "--out", out.toString());
    JsonNode load = new ObjectMapper().readTree(out.resolve("load.json").toFile());
    assertThat(exit).isZero();
    assertThat(load.at("/traffic").asText())
        .isEqualTo("closed loop, 8 clients" + (ClientThreads.virtual() ? ", on virtual threads" : ""));
    assertThat(load.at("/summary/targetOpsPerSecond").isNull()).isTrue();
    assertThat(load.at("/summary/achievedOpsPerSecond").asDouble()).isGreaterThan(100.0);
    assertThat(load.at("/summary/errors").asLong()).isZero();
    // no operation keeps a ledger: lost writes are not measured, not a made-up 0
    assertThat(load.at("/summary/lostWrites").isNull()).isTrue();
    assertThat(load.at("/integrity").isNull()).isTrue();
  }
}
