package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.LiquibaseSpec;
import dev.rehearsal.scenario.Scenario;

/**
 * A liquibase step made ready: the changelog as the scenario names it, resolved against the
 * scenario's directory when it runs (the history package opens it with the changelog's own
 * directory as Liquibase's search path, so a fixed copy of the folder sees the same applied
 * history).
 */
public record LiquibaseStepPlan(Scenario scenario, LiquibaseSpec spec) {

  static LiquibaseStepPlan of(Scenario scenario, LiquibaseSpec spec) {
    return new LiquibaseStepPlan(scenario, spec);
  }

  /** How messages name it: as the scenario wrote it. */
  String label() {
    return spec.changelog();
  }
}
