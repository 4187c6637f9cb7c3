package dev.rehearsal.harness.run;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.TableSpec;

/** {@code --rows} (the largest table's rows, others alike) or {@code --scale} (a factor for all). */
public final class DatasetScaling {

  private DatasetScaling() {}

  public static Scenario apply(Scenario scenario, Long rows, Double scale) {
    if (rows != null && scale != null) {
      throw new BadInputException("--rows and --scale both given\n"
          + "  fix: use one: --rows sets the largest table's row count, --scale multiplies every table's");
    }
    if (scale != null) {
      return scenario.scaledRows(scale);
    }
    if (rows != null) {
      long largest = scenario.dataset().tables().stream().mapToLong(TableSpec::rows).max().orElse(1);
      return scenario.scaledRows((double) rows / largest);
    }
    return scenario;
  }
}
