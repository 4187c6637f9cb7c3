package dev.rehearsal.scenario.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, the way psql does: not inside
 * quoted strings ('..', E'..' with backslash escapes), quoted identifiers, dollar-quoted bodies
 * ($$..$$, $tag$..$tag$), line comments or nested block comments. Each statement keeps the
 * line it starts on, for error messages.
 */
public final class SqlSplitter {

  /** One statement of a script, with the 1-based line of its first character. */
  public record SqlStatement(String sql, int line) {}

  private SqlSplitter() {}

  /** The first line of {@code sql}, at most 80 characters: how a message names a statement. */
  public static String firstLine(String sql) {
    String line = sql.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }

  public static List<SqlStatement> split(String script) {
    List<Piece> pieces = new ArrayList<>();
    int n = script.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = script.charAt(i);
      char next = i + 1 < n ? script.charAt(i + 1) : '\0';
      if (c == '-' && next == '-') {
        int newline = script.indexOf('\n', i);
        i = newline < 0 ? n : newline + 1;
      } else if (c == '/' && next == '*') {
        i = SqlLexing.afterBlockComment(script, i);
      } else if (c == '\'') {
        boolean backslashEscapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
            && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
        i = SqlLexing.afterQuoted(script, i, '\'', backslashEscapes);
      } else if (c == '"') {
        i = SqlLexing.afterQuoted(script, i, '"', false);
      } else if (SqlLexing.isNameStart(c)) {
        i = SqlLexing.afterWord(script, i); // whole, so that the $ of a$b opens no dollar quote
      } else if (c == '$' && SqlLexing.dollarTag(script, i) != null) {
        i = SqlLexing.afterDollarQuoted(script, i, SqlLexing.dollarTag(script, i));
      } else if (c == ';') {
        add(pieces, script, start, i);
        start = i + 1;
        i++;
      } else {
        i++;
      }
    }
    add(pieces, script, start, n);
    List<SqlStatement> statements = new ArrayList<>(pieces.size());
    int line = 1;
    int counted = 0;
    for (Piece piece : pieces) {
      line += countNewlines(script, counted, piece.offset());
      counted = piece.offset();
      statements.add(new SqlStatement(piece.sql(), line));
    }
    return statements;
  }

  /** A statement's text and the offset of its first character in the script. */
  private record Piece(String sql, int offset) {}

  /** Adds script[from, to) trimmed, if it holds more than comments and blanks. */
  private static void add(List<Piece> out, String script, int from, int to) {
    String text = script.substring(from, to);
    String trimmed = text.strip();
    if (trimmed.isEmpty() || stripComments(trimmed).isBlank()) {
      return;
    }
    out.add(new Piece(trimmed, from + text.indexOf(trimmed.charAt(0))));
  }

  private static String stripComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "");
  }

  private static int countNewlines(String s, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }
}
