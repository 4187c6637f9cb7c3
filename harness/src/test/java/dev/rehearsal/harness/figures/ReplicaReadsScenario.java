package dev.rehearsal.harness.figures;

import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;

/** For tests: a small scenario with a standby and one operation of ten on it ({@code read-replica}). */
public final class ReplicaReadsScenario {

  private ReplicaReadsScenario() {}

  /** @param budgets a {@code budgets:} section to append, or "" */
  public static Scenario withBudgets(String budgets) {
    return ScenarioLoader.parse("""
        name: s
        server: {standby: true}
        schema:
          sql: CREATE TABLE t (id bigint PRIMARY KEY);
        workload:
          rate: 10
          operations:
            - {name: read, weight: 9, sql: SELECT 1}
            - {name: read-replica, weight: 1, replica: true, sql: SELECT 1}
        strategies:
          - name: naive
            steps:
              - sql: ALTER TABLE t ADD COLUMN x int
        """ + budgets, "s.yaml", null);
  }
}
