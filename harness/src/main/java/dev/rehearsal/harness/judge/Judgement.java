package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.Verdict;
import java.util.List;

/** The outcome of judging: each budget, the verdict with its headline, and the next useful steps. */
public record Judgement(List<BudgetResult> budgets, Verdict verdict, List<NextStep> nextSteps) {

  public Judgement {
    budgets = List.copyOf(budgets);
    nextSteps = List.copyOf(nextSteps);
  }
}
