package dev.rehearsal.harness.history;

import dev.rehearsal.scenario.sql.SqlLexing;
import java.sql.SQLException;
import org.flywaydb.core.api.resource.Resource;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.postgresql.util.PSQLException;

/** Where a Flyway migration failed: the script, the line in it, the server's error. */
public final class FlywayFailures {

  private FlywayFailures() {}

  /**
   * The line of the script PostgreSQL's error position points to (else the line of the failed
   * statement's first token), or null when the failure was not in a script's statement. Flyway
   * numbers a statement by the line of its first token, but its text starts with the comments
   * before that.
   */
  public static Integer line(Throwable e) {
    FlywaySqlScriptException script = Causes.first(e, FlywaySqlScriptException.class);
    if (script == null || script.getLineNumber() <= 0) {
      return null;
    }
    SQLException sql = Causes.first(e, SQLException.class);
    int position = sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
        ? psql.getServerErrorMessage().getPosition() : 0;
    String statement = script.getStatement() == null ? "" : script.getStatement();
    int from = firstToken(statement);
    int to = Math.min(Math.max(position - 1, from), statement.length());
    return script.getLineNumber() + (int) statement.substring(from, to).chars().filter(c -> c == '\n').count();
  }

  /** The failed script's path on disk (its classpath path for a classpath migration), or null. */
  public static String script(Throwable e) {
    FlywaySqlScriptException script = Causes.first(e, FlywaySqlScriptException.class);
    Resource resource = script == null ? null : script.getResource();
    if (resource == null) {
      return null;
    }
    String onDisk = resource.getAbsolutePathOnDisk();
    return onDisk != null ? onDisk : resource.getAbsolutePath();
  }

  /**
   * Offset of the first character of {@code sql} that is not blank or in a comment: tools send a
   * statement with the comments written before it, which are not its SQL.
   */
  public static int firstToken(String sql) {
    int i = 0;
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? sql.length() : newline + 1;
      } else if (sql.startsWith("/*", i)) {
        i = SqlLexing.afterBlockComment(sql, i);
      } else {
        break;
      }
    }
    return Math.min(i, sql.length());
  }
}
