package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.StepSpec;
import java.util.List;

/**
 * A strategy made ready to run: every step's SQL read, split and grouped into units, and every
 * problem that can be found without a database already reported.
 *
 * @param up the steps that make the change
 * @param down the steps that roll it back; empty when the strategy declares none
 */
public record MigrationPlan(List<PlannedStep> up, List<PlannedStep> down) {

  /**
   * One step ready to run.
   *
   * @param label how reports name it: its name, or "step N" / "down step N"
   * @param units sql and file steps: what runs and is retried as a whole; empty for other kinds
   * @param flyway flyway steps: locations as Flyway takes them, and what is pending; else null
   * @param liquibase liquibase steps: the changelog as Liquibase takes it; else null
   */
  public record PlannedStep(int number, String label, StepSpec spec, List<Unit> units, FlywayStepPlan flyway,
      LiquibaseStepPlan liquibase) {

    public PlannedStep {
      units = List.copyOf(units);
    }

    public StepSpec.Kind kind() {
      return spec.kind();
    }
  }

  public MigrationPlan {
    up = List.copyOf(up);
    down = List.copyOf(down);
  }

  /** SQL statements in the up steps (backfill, flyway, liquibase and pause steps not counted). */
  public long upStatements() {
    return up.stream().mapToLong(s -> s.units().stream().mapToLong(u -> u.statements().size()).sum()).sum();
  }
}
