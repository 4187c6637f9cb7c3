package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.LiquibaseSpec;
import dev.rehearsal.scenario.Scenario;
import java.nio.file.Path;

/**
 * A liquibase step made ready: where Liquibase looks for the changelog and the files it includes,
 * and the changelog's path from there. The search path is the changelog's own directory, so the
 * paths Liquibase records as each changeset's identity ({@code DATABASECHANGELOG.filename}) are
 * relative to it: a fixed copy of the folder elsewhere sees the same applied history.
 *
 * @param searchPath the changelog's directory, absolute; null for a classpath changelog
 * @param changelog the changelog's path from the search path (or on the classpath)
 */
public record LiquibaseStepPlan(Path searchPath, String changelog, LiquibaseSpec spec) {

  static LiquibaseStepPlan of(Scenario scenario, LiquibaseSpec spec) {
    String changelog = spec.changelog();
    if (changelog.startsWith("classpath:")) {
      return new LiquibaseStepPlan(null, changelog.substring("classpath:".length()), spec);
    }
    Path file = scenario.baseDirectory().resolve(changelog).toAbsolutePath().normalize();
    return new LiquibaseStepPlan(file.getParent(), file.getFileName().toString(), spec);
  }

  /** How messages name it: as the scenario wrote it. */
  String label() {
    return spec.changelog();
  }

}
