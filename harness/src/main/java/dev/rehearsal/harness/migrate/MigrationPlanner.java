package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.sql.SqlSplitter;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.migrate.MigrationPlan.PlannedStep;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import dev.rehearsal.scenario.StepSpec;
import dev.rehearsal.scenario.StrategySpec;
import java.util.ArrayList;
import java.util.List;

/** Reads and splits a strategy's steps into a {@link MigrationPlan}, before anything starts. */
public final class MigrationPlanner {

  private MigrationPlanner() {}

  public static MigrationPlan plan(Scenario scenario, StrategySpec strategy) {
    try {
      return new MigrationPlan(steps(scenario, strategy.steps(), "step "),
          steps(scenario, strategy.down(), "down step "));
    } catch (BadInputException e) {
      // "step 2, line 2" alone does not say which of the scenario's strategies
      throw new BadInputException("strategy " + strategy.name() + " of scenario " + scenario.name() + ": "
          + e.getMessage(), e);
    }
  }

  private static List<PlannedStep> steps(Scenario scenario, List<StepSpec> specs, String prefix) {
    List<PlannedStep> steps = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      StepSpec spec = specs.get(i);
      String label = spec.name() != null ? spec.name() : prefix + (i + 1);
      steps.add(switch (spec.kind()) {
        case SQL -> sqlStep(i + 1, label, spec, split(spec.sql(), label));
        case FILE -> sqlStep(i + 1, label, spec, files(scenario, spec.file()));
        case FLYWAY -> new PlannedStep(i + 1, label, spec, List.of(),
            ScenarioFiles.flywayLocation(scenario, spec.flyway()));
        case BACKFILL, PAUSE -> new PlannedStep(i + 1, label, spec, List.of(), null);
      });
    }
    return steps;
  }

  private static PlannedStep sqlStep(int number, String label, StepSpec spec, List<PlannedStatement> statements) {
    if (statements.isEmpty()) {
      throw new BadInputException(label + " has no SQL statements, only comments or blanks\n"
          + "  fix: give it at least one statement, or remove the step");
    }
    return new PlannedStep(number, label, spec, TransactionUnits.group(statements, spec.transaction()), null);
  }

  private static List<PlannedStatement> files(Scenario scenario, String file) {
    List<PlannedStatement> statements = new ArrayList<>();
    for (ScenarioFiles.Script script : ScenarioFiles.scripts(scenario, file)) {
      statements.addAll(split(script.text(), script.name()));
    }
    return statements;
  }

  private static List<PlannedStatement> split(String sql, String origin) {
    return SqlSplitter.split(sql).stream().map(s -> new PlannedStatement(s.sql(), origin, s.line())).toList();
  }
}
