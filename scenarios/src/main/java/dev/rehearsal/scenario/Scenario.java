package dev.rehearsal.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One rehearsal request, as read from a scenario YAML file: the server to imitate, the data
 * to seed, the traffic to drive, the migration strategies to try, and the budgets that decide
 * the verdict. Immutable; produced only by {@link ScenarioLoader}, which has validated it.
 *
 * @param source where it was read from (a file path, or {@code builtin:NAME}); used in messages
 * @param baseDirectory directory that relative file references (schema, migration files) resolve
 *     against; {@code null} for built-in scenarios, whose files are classpath resources
 */
public record Scenario(
    String name,
    String description,
    ServerSpec server,
    SchemaSpec schema,
    DatasetSpec dataset,
    WorkloadSpec workload,
    PhasesSpec phases,
    List<StrategySpec> strategies,
    List<BudgetSpec> budgets,
    String source,
    Path baseDirectory) {

  public Optional<StrategySpec> strategy(String strategyName) {
    return strategies.stream().filter(s -> s.name().equals(strategyName)).findFirst();
  }

  /** The scenario with every table's row count multiplied by {@code factor} (at least 1 row). */
  public Scenario scaledRows(double factor) {
    return new Scenario(name, description, server, schema, dataset.scaled(factor), workload,
        phases, strategies, budgets, source, baseDirectory);
  }
}
