package dev.rehearsal.harness.seed;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.migrate.SqlSplitter;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs the scenario's schema DDL on the empty scratch database, statement by statement. */
public final class SchemaDdl {

  private SchemaDdl() {}

  /** The DDL text, from the scenario inline or from its file. */
  public static String text(Scenario scenario) {
    return scenario.schema().sql() != null ? scenario.schema().sql()
        : ScenarioFiles.read(scenario, scenario.schema().file());
  }

  public static void apply(Scenario scenario, DatabaseTarget target) {
    String origin = scenario.schema().file() != null ? scenario.schema().file() : scenario.source() + " schema.sql";
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.ADMIN); Statement st = c.createStatement()) {
      for (SqlSplitter.SqlStatement s : SqlSplitter.split(text(scenario))) {
        try {
          st.execute(s.sql());
        } catch (SQLException e) {
          throw new BadInputException(origin + ":" + s.line() + ": schema DDL failed: " + e.getMessage()
              + " (SQLSTATE " + e.getSQLState() + ")\n  fix: correct the schema; it must run on an empty database");
        }
      }
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    }
  }
}
