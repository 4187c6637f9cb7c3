package dev.rehearsal.harness.seed;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.sql.SqlSplitter;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

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
          throw failed(origin, s, e);
        }
      }
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    }
  }

  /**
   * The statement that failed, at the line the server's error position points to (else the
   * statement's first line), with the server's message on one line and its SQLSTATE.
   */
  private static BadInputException failed(String origin, SqlSplitter.SqlStatement s, SQLException e) {
    String message = e.getMessage();
    int line = s.line();
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage server = p.getServerErrorMessage();
      message = server.getSeverity() + ": " + server.getMessage();
      if (server.getPosition() > 0 && server.getPosition() <= s.sql().length()) {
        line += (int) s.sql().substring(0, server.getPosition() - 1).chars().filter(c -> c == '\n').count();
      }
    }
    return new BadInputException(origin + ":" + line + ": schema DDL failed: " + message + " (SQLSTATE "
        + e.getSQLState() + "), in the statement '" + SqlSplitter.firstLine(s.sql())
        + "'\n  fix: correct the schema; it must run on an empty database");
  }
}
