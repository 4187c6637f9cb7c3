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

/**
 * Chooses strategies and reads and splits their steps into a {@link MigrationPlan}, before
 * anything starts: every command that rehearses plans here first, so that a bad strategy or step
 * is bad input (exit 2) found before a server starts.
 */
public final class MigrationPlanner {

  private MigrationPlanner() {}

  /** A strategy and its plan. */
  public record PlannedStrategy(StrategySpec strategy, MigrationPlan migration) {

    public String name() {
      return strategy.name();
    }
  }

  /**
   * The strategy named (the scenario's first when {@code name} is null), planned.
   *
   * @param rollback the down steps will be rehearsed too: the strategy must declare some
   */
  public static PlannedStrategy choose(Scenario scenario, String name, boolean rollback) {
    StrategySpec strategy = name == null ? scenario.strategies().get(0)
        : scenario.strategy(name).orElseThrow(() -> new BadInputException("--strategy " + name + ": scenario "
            + scenario.name() + " has no such strategy\n  fix: choose one of "
            + scenario.strategies().stream().map(StrategySpec::name).toList()));
    return planned(scenario, strategy, rollback);
  }

  /** Every strategy of the scenario, planned, in its order. */
  public static List<PlannedStrategy> every(Scenario scenario, boolean rollback) {
    return scenario.strategies().stream().map(s -> planned(scenario, s, rollback)).toList();
  }

  private static PlannedStrategy planned(Scenario scenario, StrategySpec strategy, boolean rollback) {
    MigrationPlan migration = plan(scenario, strategy);
    if (rollback && migration.down().isEmpty()) {
      throw new BadInputException("--rollback: strategy " + strategy.name() + " of " + scenario.name()
          + " declares no down steps\n  fix: add down: steps to the strategy, or drop --rollback");
    }
    return new PlannedStrategy(strategy, migration);
  }

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
            PendingMigrations.plan(scenario, spec.flyway(), label), null);
        case LIQUIBASE -> new PlannedStep(i + 1, label, spec, List.of(), null,
            LiquibaseStepPlan.of(scenario, spec.liquibase()));
        case BACKFILL, PAUSE -> new PlannedStep(i + 1, label, spec, List.of(), null, null);
      });
    }
    return steps;
  }

  private static PlannedStep sqlStep(int number, String label, StepSpec spec, List<PlannedStatement> statements) {
    if (statements.isEmpty()) {
      throw new BadInputException(label + " has no SQL statements, only comments or blanks\n"
          + "  fix: give it at least one statement, or remove the step");
    }
    return new PlannedStep(number, label, spec, TransactionUnits.group(statements, spec.transaction()), null, null);
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
