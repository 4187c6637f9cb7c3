package dev.rehearsal.harness.migrate;

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
        i = skipTo(script, i, "\n");
      } else if (c == '/' && next == '*') {
        i = skipBlockComment(script, i);
      } else if (c == '\'') {
        boolean backslashEscapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
            && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
        i = skipQuoted(script, i, '\'', backslashEscapes);
      } else if (c == '"') {
        i = skipQuoted(script, i, '"', false);
      } else if (c == '$' && dollarTag(script, i) != null) {
        String tag = dollarTag(script, i);
        i = skipTo(script, i + tag.length(), tag);
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

  private static int skipTo(String s, int from, String end) {
    int at = s.indexOf(end, from + 1);
    return at < 0 ? s.length() : at + end.length();
  }

  private static int skipBlockComment(String s, int from) {
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return i;
  }

  private static int skipQuoted(String s, int from, char quote, boolean backslashEscapes) {
    int i = from + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2; // doubled quote inside the literal
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return i;
  }

  /** The dollar-quote tag starting at {@code i} ($$ or $name$), or null if this $ is not one. */
  private static String dollarTag(String s, int i) {
    if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
      return null; // part of an identifier such as a$b
    }
    int j = i + 1;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      if (j == i + 1 && Character.isDigit(s.charAt(j))) {
        return null; // $1 is a parameter, not a tag
      }
      j++;
    }
    return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
  }
}
