package dev.rehearsal.scenario.sql;

/**
 * The pieces of PostgreSQL's lexical grammar that every reader of SQL here must skip whole: words
 * (identifiers may contain {@code $}), quoted strings and identifiers, dollar-quoted strings and
 * nested block comments. One copy, shared by the scenario's placeholders in workload SQL,
 * {@link SqlSplitter} (migration scripts, schema) and {@link SqlTokens} (written columns, DDL shapes); each returns the
 * index just after what starts at {@code start}, or the text's length when it never closes.
 */
public final class SqlLexing {

  private SqlLexing() {}

  public static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  public static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Index after the keyword or identifier starting at {@code start}. Reading {@code a$b} whole
   * keeps its {@code $} from being taken for the start of a dollar quote.
   */
  public static int afterWord(String sql, int start) {
    int i = start + 1;
    while (i < sql.length() && (isNamePart(sql.charAt(i)) || sql.charAt(i) == '$')) {
      i++;
    }
    return i;
  }

  /**
   * Index after the quoted text starting at {@code start}; a doubled quote is an escaped one,
   * and so, with {@code backslashEscapes} (E'...'), is a quote after a backslash.
   */
  public static int afterQuoted(String sql, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /**
   * The opening delimiter ({@code $$} or {@code $tag$}) of a dollar-quoted string at
   * {@code start}, or null when the {@code $} starts none ({@code $1} is a positional parameter:
   * a tag cannot start with a digit).
   */
  public static String dollarTag(String sql, int start) {
    int i = start + 1;
    if (i < sql.length() && sql.charAt(i) != '$') {
      if (!isNameStart(sql.charAt(i))) {
        return null;
      }
      while (i < sql.length() && isNamePart(sql.charAt(i))) {
        i++;
      }
    }
    return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(start, i + 1) : null;
  }

  /** Index after the dollar-quoted string starting at {@code start} with {@code tag}. */
  public static int afterDollarQuoted(String sql, int start, String tag) {
    int close = sql.indexOf(tag, start + tag.length());
    return close < 0 ? sql.length() : close + tag.length();
  }

  /** Index after the block comment starting at {@code start}; PostgreSQL lets them nest. */
  public static int afterBlockComment(String sql, int start) {
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
