package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.history.Causes;
import dev.rehearsal.harness.history.FlywayFailures;
import dev.rehearsal.harness.history.FlywayHistory;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.FlywaySpec;
import dev.rehearsal.scenario.Scenario;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The schema as the team's Flyway history up to production's version: Flyway itself migrates the
 * empty database to the target, so flyway_schema_history is Flyway's own and a later Flyway step
 * sees exactly the migrations production has not applied yet.
 */
final class FlywaySchema {

  private FlywaySchema() {}

  /** Migrates to the target; returns what was applied, as one line for the console. */
  static String apply(Scenario scenario, FlywaySpec spec, DatabaseTarget target) {
    MigrateResult result;
    try {
      result = FlywayHistory.configure(scenario, spec,
          FlywayHistory.dataSource(target, ApplicationNames.ADMIN)).load().migrate();
    } catch (FlywayException e) {
      throw failed(scenario, e);
    }
    return String.format("schema: Flyway applied %d migration%s up to version %s from %s (flyway_schema_history)",
        result.migrationsExecuted, result.migrationsExecuted == 1 ? "" : "s", result.targetSchemaVersion,
        String.join(", ", spec.locations()));
  }

  /**
   * The migration that failed, at the line the server's error points to, with the server's
   * message and SQLSTATE; or Flyway's own complaint when no statement failed (a checksum, a
   * missing target).
   */
  private static BadInputException failed(Scenario scenario, FlywayException e) {
    String script = FlywayFailures.script(e);
    SQLException sql = Causes.first(e, SQLException.class);
    if (script == null || sql == null) {
      return new BadInputException("schema: Flyway could not migrate to target " + spec(scenario)
          + ": " + firstLine(e.getMessage())
          + "\n  fix: check the scenario's schema.flyway against the migrations it names", e);
    }
    String message = sql.getMessage();
    if (sql instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage server = p.getServerErrorMessage();
      message = server.getSeverity() + ": " + server.getMessage();
    }
    Integer line = FlywayFailures.line(e);
    return new BadInputException(relative(scenario, script) + (line == null ? "" : ":" + line)
        + ": schema migration failed: " + message + " (SQLSTATE " + sql.getSQLState() + ")"
        + "\n  fix: correct the migration; the history up to the target must run on an empty database", e);
  }

  private static String spec(Scenario scenario) {
    String target = scenario.schema().flyway().target();
    return target == null ? "latest" : target;
  }

  /** The script as the scenario names things: relative to the scenario file's directory. */
  private static String relative(Scenario scenario, String script) {
    Path base = scenario.baseDirectory();
    Path path = Path.of(script);
    return base == null || !path.isAbsolute() ? script
        : base.toAbsolutePath().normalize().relativize(path.normalize()).toString();
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }
}
