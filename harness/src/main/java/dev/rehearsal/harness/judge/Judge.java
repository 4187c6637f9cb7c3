package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Verdict;
import dev.rehearsal.scenario.PoolSpec;
import dev.rehearsal.scenario.Scenario;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Stream;

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
        pool.connectionTimeout().toMillis(), findings.migrationEndSecond(), limits(findings, scenario),
        findings.walBytesByStatement());
    // what the platform would have done follows the cause it comes from; on a pass it is said alone
    String cause = NextSteps.mainCause(evidence);
    String platform = PlatformVerdict.sentence(findings.platform());
    Verdict verdict = BudgetJudge.verdict(budgets, cause == null ? platform : platform == null ? cause
        : cause + " " + platform);
    if (verdict.status().equals(BudgetJudge.PASS)) {
      verdict = withPlatform(verdict, platform);
    }
    return new Judgement(budgets, findings.complete() ? verdict : BudgetJudge.incomplete(verdict),
        NextSteps.suggest(evidence));
  }

  /** A pass's headline with what the orchestrator would have done (no budget judged it) before it. */
  static Verdict withPlatform(Verdict verdict, String platform) {
    if (platform == null) {
      return verdict;
    }
    // "every budget held ..." goes on as a clause of the sentence
    return new Verdict(verdict.status(), platform.substring(0, platform.length() - 1) + "; " + verdict.headline());
  }

  /** The longest hold the scenario's longestWaitMs budget allows (its lowest threshold), and the server's limit. */
  static NextSteps.Limits limits(Findings findings, Scenario scenario) {
    OptionalDouble hold = scenario.budgets().stream().filter(b -> b.metric().equals("longestWaitMs"))
        .flatMap(b -> Stream.of(b.warn(), b.critical())).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
        .filter(v -> v > 0).min();
    return new NextSteps.Limits(hold.orElse(NextSteps.Limits.DEFAULT_HOLD_MS), hold.isPresent(),
        findings.maxConnections());
  }
}
