package dev.rehearsal.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The spike figures against the host's own noise (issue 18, point 9): a series of no-op rehearsals
 * (a {@code SELECT 1} migration between a 5 s warm-up and a 5 s cool-down), on whatever else this
 * machine is doing, counts no spike second at all. Each run also prints how many seconds the former
 * rule ({@code p99 > max(3 × p99, p99 + 20 ms)}, every second counted) would have flagged, read from
 * the same timeline, so the record shows what the noise guards bought. The calibrated holds are
 * still caught: LockCalibrationIT and ObserverEffectCalibrationIT run under the same rule.
 *
 * <p>A five-minute series, so not part of the build: {@code benchmarks/scripts/spike-noise-series.sh}
 * runs it ({@code -Drehearsal.noiseSeries=true}); the build reports it skipped.
 */
@Tag("calibration")
class SpikeNoiseCalibrationIT extends CalibrationTest {

  static final int RUNS = 20;

  @Test
  void aSeriesOfNoOpRehearsalsCountsNoSpikeSecond() {
    Assumptions.assumeTrue(Boolean.getBoolean("rehearsal.noiseSeries"),
        "a five-minute series of no-op rehearsals: benchmarks/scripts/spike-noise-series.sh runs it");
    CalibrationScenario scenario = new CalibrationScenario().rows(2_000).rate(100).phases("5s", "5s").strategies("""
          - name: no-op
            steps:
              - sql: SELECT 1
        """);
    int spikeSeconds = 0;
    int formerRule = 0;
    List<String> runs = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      RehearsalReport report = scenario.rehearse(url, null, out.resolve("run" + run), false);
      Summary s = report.summary();
      double migrationStart = report.statements().get(0).startSecond();
      double formerThreshold = Math.max(3 * s.baselineP99Ms(), s.baselineP99Ms() + 20);
      int former = 0;
      List<String> fromMigration = new ArrayList<>();
      for (TimelineSecond second : report.timeline()) {
        if (second.second() + 1 > migrationStart && second.p99Ms() != null) {
          fromMigration.add(String.format(Locale.ROOT, "%.1f (lag %.1f, blocked %d)", second.p99Ms(),
              second.schedulerLagMs(), second.sessionsBlocked()));
          if (second.p99Ms() > formerThreshold) {
            former++;
          }
        }
      }
      log("no-op run %d: baseline p99 %.2f ms, threshold %.2f ms (former %.2f ms), peak p99 %.2f ms, spike seconds %d"
              + " (former rule %d); p99 per second from the migration on, with the scheduler's lag p99 %s",
          run, s.baselineP99Ms(), s.spikeThresholdMs(), formerThreshold, s.peakP99Ms(), s.spikeSeconds(), former,
          fromMigration);
      spikeSeconds += s.spikeSeconds();
      formerRule += former;
      runs.add("run " + run + ": " + s.spikeSeconds());
      assertThat(s.blockedSessionSeconds()).as("run %d", run).isZero();
    }
    log("no-op series: %d runs, %d spike seconds in total (former rule: %d)", RUNS, spikeSeconds, formerRule);
    assertThat(spikeSeconds).as("spike seconds per run: %s", runs).isZero();
  }
}
