package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.migrate.FlywayStepPlan;
import dev.rehearsal.harness.migrate.MigrationPlan;
import dev.rehearsal.harness.migrate.MigrationPlanner;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "validate", description = "Parse and check a scenario (a file, or a built-in name) without running it.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file or built-in name")
  String scenario;

  @Override
  public Integer call() {
    Scenario s = ScenarioLoader.resolve(scenario);
    long rows = s.dataset().tables().stream().mapToLong(t -> t.rows()).sum();
    String pace = s.workload().closed()
        ? String.format("closed loop, %d clients", s.workload().closedLoop().clients())
        : String.format("%.0f ops/s", s.workload().ratePerSecond());
    System.out.printf("%s: valid. %d tables (%,d rows), %d operations at %s, %d strategies (%s), %d budgets%n",
        s.source(), s.dataset().tables().size(), rows, s.workload().operations().size(),
        pace, s.strategies().size(),
        String.join(", ", s.strategies().stream().map(st -> st.name()).toList()), s.budgets().size());
    // every strategy planned as a rehearsal would: SQL split, transaction blocks checked, what is pending found
    for (MigrationPlanner.PlannedStrategy planned : MigrationPlanner.every(s, false)) {
      for (MigrationPlan.PlannedStep step : planned.migration().up()) {
        FlywayStepPlan flyway = step.flyway();
        if (flyway != null && flyway.pendingKnown()) {
          System.out.printf("  strategy %s, %s: %d Flyway migrations pending: %s%n", planned.name(), step.label(),
              flyway.pending().size(), String.join(", ", flyway.pending().stream().map(m -> m.script()).toList()));
        }
      }
    }
    return 0;
  }
}
