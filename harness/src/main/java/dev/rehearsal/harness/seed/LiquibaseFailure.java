package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.history.Causes;
import dev.rehearsal.harness.history.LiquibaseHistory;
import dev.rehearsal.scenario.LiquibaseSpec;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import liquibase.changelog.ChangeSet;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A changeset of the schema's history that failed, as bad input: its file (relative to the
 * scenario) and the line that declares it, its identity {@code id::author}, the server's message.
 * Liquibase knows no line numbers, so the changeset's header is looked up in its file.
 */
final class LiquibaseFailure {

  private LiquibaseFailure() {}

  static BadInputException of(Scenario scenario, LiquibaseSpec spec, ChangeSet changeSet, Exception e) {
    SQLException sql = Causes.first(e, SQLException.class);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    String sqlState = "";
    if (sql instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage server = p.getServerErrorMessage();
      message = server.getSeverity() + ": " + server.getMessage();
      sqlState = " (SQLSTATE " + sql.getSQLState() + ")";
    }
    String where = changeSet.getFilePath();
    Integer line = null;
    if (!spec.changelog().startsWith("classpath:")) {
      Path file = LiquibaseHistory.changelogFile(scenario, spec).resolveSibling(changeSet.getFilePath()).normalize();
      where = scenario.baseDirectory().toAbsolutePath().normalize().relativize(file).toString();
      line = headerLine(file, changeSet);
    }
    return new BadInputException(where + (line == null ? "" : ":" + line) + ": schema changeset "
        + changeSet.getId() + "::" + changeSet.getAuthor() + " failed: "
        + message.lines().findFirst().orElse("") + sqlState
        + "\n  fix: correct the changeset; the changelog up to production's tag must run on an empty database", e);
  }

  /** The first line naming both the changeset's id and author (its header in XML and formatted SQL), or null. */
  private static Integer headerLine(Path file, ChangeSet changeSet) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.contains(changeSet.getId()) && line.contains(changeSet.getAuthor())
            && line.toLowerCase().contains("changeset")) {
          return i + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the message still names the file and the changeset
    }
    return null;
  }
}
