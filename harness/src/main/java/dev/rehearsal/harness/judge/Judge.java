package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Verdict;
import dev.rehearsal.scenario.PoolSpec;
import dev.rehearsal.scenario.Scenario;
import java.util.List;

/**
 * Judging, as one pure function: the scenario's budgets against the findings, the verdict whose
 * headline leads with what the migration did to the application, and the next steps. No server,
 * no clock: the same findings and scenario always give the same judgement.
 */
public final class Judge {

  private Judge() {}

  public static Judgement judge(Findings findings, Scenario scenario) {
    List<BudgetResult> budgets = BudgetJudge.judge(scenario.budgets(), findings.summary());
    PoolSpec pool = scenario.workload().pool();
    NextSteps.Evidence evidence = new NextSteps.Evidence(findings.summary(), findings.statements(), budgets,
        findings.timeline(), findings.migrationLockWaitMs(), pool.maximumPoolSize(),
        pool.connectionTimeout().toMillis(), findings.migrationEndSecond());
    Verdict verdict = BudgetJudge.verdict(budgets, NextSteps.mainCause(evidence));
    return new Judgement(budgets, findings.complete() ? verdict : BudgetJudge.incomplete(verdict),
        NextSteps.suggest(evidence));
  }
}
