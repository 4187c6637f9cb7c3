package dev.rehearsal.scenario;

import java.util.List;

/**
 * One way to perform the schema change: steps applied in order, under load.
 *
 * @param down the steps that roll the change back (empty when none is declared); rehearsed
 *     after the up steps under the same load with {@code --rollback}
 */
public record StrategySpec(String name, String description, List<StepSpec> steps, List<StepSpec> down) {

  public StrategySpec {
    down = down == null ? List.of() : List.copyOf(down);
  }
}
