package dev.rehearsal.harness.seed;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.history.FlywayHistory;
import dev.rehearsal.harness.history.LiquibaseHistory;
import dev.rehearsal.scenario.sql.SqlSplitter;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import dev.rehearsal.scenario.SchemaSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Builds the scenario's schema on the empty scratch database: DDL (inline or from a file) run
 * statement by statement, or the team's history applied by Flyway or Liquibase up to production's
 * version.
 */
public final class SchemaDdl {

  private SchemaDdl() {}

  /**
   * What the schema is built from, for the seed cache key: the DDL text, or for a history a
   * fingerprint of every migration file and the selection (so a changed migration reseeds).
   */
  public static String text(Scenario scenario) {
    SchemaSpec schema = scenario.schema();
    if (schema.flyway() != null) {
      return "flyway " + FlywayHistory.fingerprint(scenario, schema.flyway());
    } else if (schema.liquibase() != null) {
      return "liquibase " + LiquibaseHistory.fingerprint(scenario, schema.liquibase());
    }
    return schema.sql() != null ? schema.sql() : ScenarioFiles.read(scenario, schema.file());
  }

  /** {@link #apply(Scenario, DatabaseTarget, Consumer)}, saying nothing. */
  public static void apply(Scenario scenario, DatabaseTarget target) {
    apply(scenario, target, line -> { });
  }

  /**
   * Builds the schema; a history says on {@code say} what it applied, in one line. A statement
   * or migration that fails is bad input, naming its file and line.
   */
  public static void apply(Scenario scenario, DatabaseTarget target, Consumer<String> say) {
    SchemaSpec schema = scenario.schema();
    if (schema.flyway() != null) {
      say.accept(FlywaySchema.apply(scenario, schema.flyway(), target));
    } else if (schema.liquibase() != null) {
      say.accept(LiquibaseSchema.apply(scenario, schema.liquibase(), target));
    } else {
      applyDdl(scenario, target);
    }
  }

  private static void applyDdl(Scenario scenario, DatabaseTarget target) {
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
