package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.SummaryFixture;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.util.List;
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
}
