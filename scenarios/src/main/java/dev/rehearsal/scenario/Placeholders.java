package dev.rehearsal.scenario;

/**
 * Counts the JDBC {@code ?} parameters of a SQL statement, so a scenario can be checked to give
 * one parameter generator per placeholder before anything runs.
 *
 * <p>A {@code ?} is not a parameter inside a single-quoted string ({@code 'why?'}), a
 * double-quoted identifier, a {@code --} comment or a (nested) block comment. {@code ??} is the
 * PostgreSQL JDBC driver's escape for a literal {@code ?} operator (jsonb), so it is not counted
 * either. Dollar-quoted strings are not recognised.
 */
public final class Placeholders {

  private Placeholders() {}

  /** Number of {@code ?} parameters in {@code sql}. */
  public static int count(String sql) {
    int count = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = afterQuoted(sql, i, c);
      } else if (c == '-' && next(sql, i) == '-') {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? sql.length() : newline + 1;
      } else if (c == '/' && next(sql, i) == '*') {
        i = afterBlockComment(sql, i);
      } else if (c == '?' && next(sql, i) == '?') {
        i += 2;
      } else {
        if (c == '?') {
          count++;
        }
        i++;
      }
    }
    return count;
  }

  private static char next(String sql, int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }

  /** Index after the quoted text starting at {@code start}; a doubled quote is an escaped one. */
  private static int afterQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (next(sql, i) != quote) {
          return i + 1;
        }
        i++;
      }
      i++;
    }
    return sql.length();
  }

  /** Index after the block comment starting at {@code start}; PostgreSQL lets them nest. */
  private static int afterBlockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
