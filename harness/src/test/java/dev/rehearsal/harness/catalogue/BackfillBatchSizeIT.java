package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** backfill-batch-size: one UPDATE holds every row lock to its end; batches trade waits for duration. */
class BackfillBatchSizeIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compareQuickly("backfill-batch-size", 200_000);
  }

  @Test
  void oneUpdateMakesWritesWaitLongerThanSmallBatches() {
    double oneUpdate = outcome.strategy("one-update").summary().longestWaitMs();
    double small = outcome.strategy("batches-1k").summary().longestWaitMs();
    assertThat(outcome.statement("one-update", 1).rowsAffected()).isEqualTo(200_000);
    assertThat(oneUpdate).isGreaterThan(small);
    assertThat(outcome.waitsCausedBy("one-update", 1)).isPositive();
  }

  @Test
  void smallerBatchesTakeMoreBatchesAndLonger() {
    assertThat(outcome.statement("batches-1k", 1).batches()).isGreaterThanOrEqualTo(200);
    assertThat(outcome.statement("batches-10k", 1).batches()).isBetween(20, 30);
    assertThat(outcome.statement("batches-100k", 1).batches()).isBetween(2, 4);
    assertThat(outcome.statement("batches-1k", 1).durationMs())
        .isGreaterThan(outcome.statement("batches-100k", 1).durationMs());
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }

  @Test
  void theStandbyFallsFurtherBehindOneUpdateThanSmallBatches() {
    Double oneUpdate = outcome.strategy("one-update").summary().peakReplicaLagMs();
    Double small = outcome.strategy("batches-1k").summary().peakReplicaLagMs();
    assertThat(small).as("the scenario's standby streamed").isNotNull();
    assertThat(oneUpdate).isGreaterThan(small);
    // the comparison says, measured, which strategies kept the standby within the 500 ms budget, least lag first
    String headline = outcome.comparison().headline();
    System.out.println("COMPARISON: " + headline);
    assertThat(headline).contains("Replica lag, against the 500 ms peakReplicaLagMs budget: ", "batches-1k ",
        "1,000 rows a batch", "MB/s at peak");
    assertThat(headline.indexOf("batches-1k ", headline.indexOf("Replica lag")))
        .isLessThan(headline.indexOf("one-update ", headline.indexOf("Replica lag")));
  }

  @Test
  void aBatchedBackfillsNextStepsGiveItsWalRate() {
    RehearsalReport batches = outcome.strategy("batches-10k");
    assertThat(batches.nextSteps()).anySatisfy(step -> {
      assertThat(step.rule()).isIn("backfillWal", "replicaLag");
      assertThat(step.text()).containsPattern("[0-9.]+ MB of WAL").contains("MB/s");
    });
  }

  @Test
  void replicaReadsRanOnTheStandbyAndOneUpdateLeftThemStaleAtLeastAsLongAsSmallBatches() {
    outcome.reports().forEach((name, report) -> {
      long replicaReads = report.timeline().stream().map(s -> s.byOperation().get("read-user-replica"))
          .filter(Objects::nonNull).mapToLong(RehearsalReport.Percentiles::count).sum();
      System.out.printf("%s: read-user-replica finished %d times, staleReplicaReadSeconds %s, peakReplicaLagMs %s, "
          + "errors %s%n", name, replicaReads, report.summary().staleReplicaReadSeconds(),
          report.summary().peakReplicaLagMs(), report.summary().errorsByClass());
      assertThat(replicaReads).as("%s: replica reads finished", name).isPositive();
      assertThat(report.summary().staleReplicaReadSeconds()).as("%s: stale replica reads measured", name)
          .isNotNull();
    });
    assertThat(outcome.strategy("one-update").summary().staleReplicaReadSeconds())
        .isGreaterThanOrEqualTo(outcome.strategy("batches-1k").summary().staleReplicaReadSeconds());
  }
}
