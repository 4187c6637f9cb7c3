package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.SummaryFixture;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Judging from a hand-built record and a scenario: no server, no clock. */
class JudgeTest {

  private static final Scenario DEMO = ScenarioLoader.builtin("demo"); // pool of 10, connectionTimeout 2 s

  private static final StatementResult QUEUED_ALTER = new StatementResult(1,
      "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active'", 15, 2100, null, null, "up", "step 1",
      "sql", "step 1", 1, null, 1, 0, null, null, true, List.of(), List.of(),
      new LockWaits(20.3, 2056, 2041, 10, 40, List.of("users"), List.of("AccessShareLock")), 2040.0,
      "pid 4162 (rehearsal-report, active: SELECT ...)");

  private static Findings lockQueue(boolean complete) {
    return new Findings(SummaryFixture.quiet().with("baselineP99Ms", 4.0).with("peakP99Ms", 2041.0)
        .with("blockedSessionSeconds", 20.3).with("longestWaitMs", 2056.0).with("longestBlockedWindowMs", 2041.0)
        .with("maxSessionsBlocked", 10).with("poolTimeouts", 2).with("poolSaturatedSeconds", 2)
        .with("maxPoolWaiting", 30).with("lostWrites", 0).build(),
        List.of(QUEUED_ALTER), List.of(), 17.1, 2040, complete);
  }

  @Test
  void theScenariosBudgetsAreJudgedAndTheHeadlineLeadsWithTheCause() {
    Judgement j = Judge.judge(lockQueue(true), DEMO);
    assertThat(j.budgets()).extracting(b -> b.metric() + "=" + b.status())
        .containsExactly("peakP99Ms=warn", "poolTimeouts=warn", "lostWrites=pass", "migrationErrors=pass");
    assertThat(j.verdict().status()).isEqualTo("warn");
    assertThat(j.verdict().headline()).startsWith("Statement 1 waited 2.0 s for its lock behind pid 4162 "
        + "(rehearsal-report, active); up to 10 sessions queued behind it. Budgets: peakP99Ms = 2,041");
  }

  @Test
  void thePoolAdviceUsesTheScenariosPoolSettings() {
    List<NextStep> steps = Judge.judge(lockQueue(true), DEMO).nextSteps();
    assertThat(steps).extracting(NextStep::rule).startsWith("lockQueue", "poolSaturated");
    // peak demand is the pool of 10 plus the 30 waiting; the wait to allow is the longest window plus the baseline
    assertThat(steps.get(1).text()).contains("pool of 10 connections", "maximumPoolSize ≥ 40",
        "connectionTimeout ≥ 2,100 ms (now 2,000 ms");
  }

  @Test
  void anIncompleteRunNeverReadsAsAPass() {
    Findings quiet = new Findings(SummaryFixture.quiet().build(), List.of(), List.of(), Double.NaN, 0, false);
    Judgement j = Judge.judge(quiet, DEMO);
    assertThat(j.verdict().status()).isEqualTo("pass");
    assertThat(j.verdict().headline()).startsWith("Incomplete run, judged on what was measured until it stopped "
        + "(not a pass");
    assertThat(Judge.judge(lockQueue(false), DEMO).verdict().headline())
        .startsWith("Incomplete run, judged on what was measured until it stopped (not a pass; rehearse again to "
            + "the end): Statement 1 waited 2.0 s");
  }

  @Test
  void theSameFindingsAlwaysGiveTheSameJudgement() {
    assertThat(Judge.judge(lockQueue(true), DEMO)).isEqualTo(Judge.judge(lockQueue(true), DEMO));
  }

  private static final String NO_BUDGETS = """
      name: minimal
      schema:
        sql: CREATE TABLE t (id bigint PRIMARY KEY);
      workload:
        rate: 10
        operations:
          - name: read
            weight: 1
            sql: SELECT 1
      strategies:
        - name: naive
          steps:
            - sql: ALTER TABLE t ADD COLUMN x int
      """;

  @Test
  void theDefaultBudgetsFailDroppedRequestsAndTheHeadlineSaysSo() {
    Scenario defaults = ScenarioLoader.parse(NO_BUDGETS, "minimal.yaml", null);
    Findings dropped = new Findings(SummaryFixture.quiet().with("operations", 9000).with("droppedOperations", 1000)
        .build(), List.of(), List.of(), Double.NaN, 0, true);
    Judgement j = Judge.judge(dropped, defaults);
    assertThat(j.budgets()).filteredOn(b -> b.metric().equals("droppedOperations")).singleElement()
        .satisfies(b -> assertThat(b.status()).isEqualTo("fail"));
    assertThat(j.verdict().headline()).startsWith("1,000 requests were dropped (10% of those due)")
        .contains("Budgets: droppedOperations = 1,000 (critical: ≥ 1)");
    assertThat(j.nextSteps()).extracting(NextStep::metric).contains("droppedOperations");
  }

  @Test
  void theLongestHoldIsTheScenariosLongestWaitBudgetElseTheDefault() {
    Findings none = new Findings(SummaryFixture.quiet().build(), List.of(), List.of(), Double.NaN, 0, true, 100);
    assertThat(Judge.limits(none, DEMO)).isEqualTo(new NextSteps.Limits(200, false, 100));
    assertThat(Judge.limits(none, ScenarioLoader.parse(NO_BUDGETS, "minimal.yaml", null)))
        .isEqualTo(new NextSteps.Limits(1000, true, 100)); // the default budgets warn at 1,000 ms
    assertThat(Judge.limits(none, ScenarioLoader.builtin("backfill-batch-size")))
        .isEqualTo(new NextSteps.Limits(200, true, 100)); // warn 200, critical 2,000: the lower
    assertThat(Findings.maxConnections(Map.of("max_connections", "100"))).isEqualTo(100);
    assertThat(Findings.maxConnections(Map.of())).isNull();
    assertThat(Findings.maxConnections(null)).isNull();
  }
}
