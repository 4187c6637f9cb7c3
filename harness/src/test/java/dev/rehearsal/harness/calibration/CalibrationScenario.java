package dev.rehearsal.harness.calibration;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.Rehearsal;
import dev.rehearsal.harness.run.RunOptions;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.scenario.ScenarioLoader;
import java.nio.file.Path;

/**
 * Builds small scenarios around a users table under steady read/write load, and rehearses them
 * on a server the test class owns (as an external server: one scratch database per rehearsal).
 */
final class CalibrationScenario {

  private String strategies = "";
  private String extraOperations = "";
  private long rows = 20_000;
  private int rate = 200;
  private String warmup = "4s";
  private String cooldown = "3s";

  CalibrationScenario rows(long rows) {
    this.rows = rows;
    return this;
  }

  CalibrationScenario rate(int rate) {
    this.rate = rate;
    return this;
  }

  CalibrationScenario phases(String warmup, String cooldown) {
    this.warmup = warmup;
    this.cooldown = cooldown;
    return this;
  }

  /** YAML list items under {@code operations:}, indented by 4. */
  CalibrationScenario operations(String yaml) {
    this.extraOperations = yaml;
    return this;
  }

  /** YAML list items under {@code strategies:}, indented by 2. */
  CalibrationScenario strategies(String yaml) {
    this.strategies = yaml;
    return this;
  }

  String yaml() {
    return """
        name: calibration
        schema:
          sql: |
            CREATE TABLE users (
              id bigint PRIMARY KEY,
              email text NOT NULL,
              name text NOT NULL,
              login_count integer NOT NULL
            );
        dataset:
          tables:
            - name: users
              rows: %d
              columns:
                id: {generator: sequence}
                email: {generator: email}
                name: {generator: name}
                login_count: {generator: uniform, min: 0, max: 1000}
        workload:
          rate: %d
          pool:
            maximumPoolSize: 10
            connectionTimeout: 20s
          operations:
            - name: read
              weight: 70
              sql: SELECT id, email, name FROM users WHERE id = ?
              params: [{kind: existingKey, table: users}]
            - name: write
              weight: 30
              sql: UPDATE users SET name = ? WHERE id = ? RETURNING id, name
              ledger: users
              params: [{kind: text, length: 12}, {kind: existingKey, table: users}]
        %s
        phases:
          warmup: %s
          cooldown: %s
        strategies:
        %s
        """.formatted(rows, rate, extraOperations, warmup, cooldown, strategies);
  }

  RehearsalReport rehearse(String postgresUrl, String strategy, Path out, boolean rollback) {
    RunOptions options = new RunOptions(strategy, postgresUrl, EmbeddedBinaries.DEFAULT_MAJOR, null, null, null, 2,
        null, 7L, out, null, false, rollback);
    return new Rehearsal(ScenarioLoader.parse(yaml(), "calibration.yaml", out), options, Console.stderr())
        .run().report();
  }
}
