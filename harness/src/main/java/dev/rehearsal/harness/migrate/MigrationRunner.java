package dev.rehearsal.harness.migrate;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a strategy's statements one by one on a connection of its own, timing each. A failing
 * statement is a finding, not a crash: it is recorded with its SQLSTATE and message, and the
 * remaining statements are not run (as a migration tool would stop).
 */
public final class MigrationRunner implements AutoCloseable {

  /** application_name of the migration session; the lock observer keys on it. */
  public static final String APPLICATION_NAME = ApplicationNames.MIGRATION;

  /** A statement to run and where it came from (step number, file), for messages. */
  public record PlannedStatement(String sql, String origin, int line) {}

  private final Connection connection;
  private final int backendPid;

  public MigrationRunner(DatabaseTarget target) {
    try {
      this.connection = ScratchDatabase.connect(target, APPLICATION_NAME);
      connection.setAutoCommit(true);
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        this.backendPid = rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new InfrastructureException("could not open the migration session: " + e.getMessage(), e);
    }
  }

  /** The server process of the migration session, so its waits can be told from the application's. */
  public int backendPid() {
    return backendPid;
  }

  public List<StatementOutcome> run(List<PlannedStatement> statements, Consumer<StatementOutcome> onEach) {
    List<StatementOutcome> outcomes = new ArrayList<>();
    int index = 0;
    for (PlannedStatement planned : statements) {
      index++;
      long start = System.nanoTime();
      String state = null;
      String error = null;
      try (Statement st = connection.createStatement()) {
        st.execute(planned.sql());
      } catch (SQLException e) {
        state = e.getSQLState();
        error = e.getMessage();
      }
      StatementOutcome outcome = new StatementOutcome(index, planned.sql(), planned.origin(), planned.line(),
          start, System.nanoTime() - start, state, error);
      outcomes.add(outcome);
      onEach.accept(outcome);
      if (outcome.failed()) {
        break;
      }
    }
    return outcomes;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // the session is gone either way
    }
  }
}
