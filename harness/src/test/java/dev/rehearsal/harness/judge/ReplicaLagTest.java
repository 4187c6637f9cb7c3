package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import dev.rehearsal.report.SummaryFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaLagTest {

  /** A backfill of 200,000 rows in 10 batches, 5.0 s to 7.0 s, writing 40 MB of WAL. */
  static final StatementResult BACKFILL = new StatementResult(2, "UPDATE users SET plan_code = length(plan)", 5.0,
      2000, null, null, "up", "step 1", "backfill", "step 1", null, null, 1, 0, 200_000L, 10, false, List.of(),
      List.of(), null, null, null);

  static TimelineSecond second(int second, Double replicaLagMs) {
    return new TimelineSecond(second, "migration", 50, Map.of(), 0, 1.0, 2.0, 3.0, 4.0, Map.of(), 1, 0, 0, 50.0, 0,
        0, null, null, null, replicaLagMs, null);
  }

  static List<NextStep> suggest(double peakLagMs, String status) {
    Summary summary = SummaryFixture.quiet().with("peakReplicaLagMs", peakLagMs).build();
    List<TimelineSecond> timeline = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      timeline.add(second(s, s >= 5 && s <= 7 ? peakLagMs : 0.0));
    }
    List<BudgetResult> budgets = List.of(new BudgetResult("peakReplicaLagMs", 200.0, null, peakLagMs, status, null,
        null));
    return NextSteps.suggest(new NextSteps.Evidence(summary, List.of(BACKFILL), budgets, timeline, 0, 10, 2000, 8.0,
        NextSteps.Limits.DEFAULT, Map.of(2, 40_000_000L)));
  }

  @Test
  void aLaggingStandbyGetsThePauseThatBringsTheWalRateUnderItsBudget() {
    List<NextStep> steps = suggest(800, BudgetJudge.WARN);
    NextStep lag = steps.stream().filter(s -> s.rule().equals("replicaLag")).findFirst().orElseThrow();
    assertThat(lag.statement()).isEqualTo(2);
    // 10 batches of 200 ms; 800 ms of lag against 200 allowed: a quarter of the rate, 600 ms of pause per batch
    assertThat(lag.text()).contains("fell up to 800 ms behind during statement 2", "40.0 MB of WAL (20.0 MB/s)",
        "the 200 ms your peakReplicaLagMs budget allows", "a pause of about 600 ms after each of its 10 batches "
            + "(20,000 rows, 200 ms each)", "brings the rate to 25% of this one", "`batchSize: 20000, pause: 600ms`");
  }

  @Test
  void noStepWhileTheLagHeldItsBudgetButTheBackfillsWalRateIsSaid() {
    List<NextStep> steps = suggest(120, BudgetJudge.PASS);
    assertThat(steps).noneMatch(s -> s.rule().equals("replicaLag"));
    NextStep wal = steps.get(steps.size() - 1);
    assertThat(wal.rule()).isEqualTo("backfillWal");
    assertThat(wal.statement()).isEqualTo(2);
    assertThat(wal.text()).isEqualTo("Statement 2, a backfill of 200,000 rows in 10 batches, wrote 40.0 MB of WAL "
        + "at 20.0 MB/s, which every standby replays. The standby fell at most 120 ms behind.");
  }

  @Test
  void withoutAStandbyTheBackfillsWalRateSaysHowToMeasureTheLag() {
    Summary summary = SummaryFixture.quiet().with("peakReplicaLagMs", SummaryFixture.NULL).build();
    List<NextStep> steps = NextSteps.suggest(new NextSteps.Evidence(summary, List.of(BACKFILL), List.of(),
        List.of(), 0, 10, 2000, 8.0, NextSteps.Limits.DEFAULT, Map.of(2, 40_000_000L)));
    assertThat(steps).extracting(NextStep::rule).containsExactly("noBreach", "backfillWal");
    assertThat(steps.get(1).text()).contains("wrote 40.0 MB of WAL at 20.0 MB/s", "server.standby: true");
    assertThat(NextSteps.mainCause(new NextSteps.Evidence(summary, List.of(BACKFILL), List.of(), List.of(), 0, 10,
        2000, 8.0, NextSteps.Limits.DEFAULT, Map.of(2, 40_000_000L)))).as("no cause: it informs").isNull();
  }

  @Test
  void oneStatementGetsTheBatchesOfTheLongDmlStepAndTheirPause() {
    StatementResult update = new StatementResult(1, "UPDATE users SET email_lower = lower(email)", 5.0, 2000, null,
        null, "up", "step 1", "sql", "step 1", 1, null, 1, 0, 200_000L, null, true, List.of(), List.of(), null, null,
        null);
    Summary summary = SummaryFixture.quiet().with("peakReplicaLagMs", 600.0).build();
    List<TimelineSecond> timeline = List.of(second(5, 600.0), second(6, 300.0));
    List<NextStep> steps = NextSteps.suggest(new NextSteps.Evidence(summary, List.of(update), List.of(
        new BudgetResult("peakReplicaLagMs", 200.0, null, 600, BudgetJudge.WARN, null, null)), timeline, 0, 10, 2000,
        8.0, NextSteps.Limits.DEFAULT, Map.of()));
    // 100,000 rows/s; batches holding 200 ms: 20,000 rows; 600 ms against 200: twice the batch time as pause
    assertThat(steps.stream().filter(s -> s.rule().equals("replicaLag")).findFirst().orElseThrow().text())
        .contains("each batch of 20,000 rows (200 ms each at the rate it achieved)", "`batchSize: 20000, pause: 400ms`");
  }
}
