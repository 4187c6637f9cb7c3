package dev.rehearsal.scenario.sql;

/**
 * The values written into SQL text: string literals ({@code '..'}, {@code E'..'},
 * {@code $tag$..$tag$}) and comments. {@code rehearse profile} uses it to keep production's text
 * values out of a scenario: pg_stat_statements replaces a plannable statement's constants by
 * {@code $n}, but not a utility statement's before PostgreSQL 16 ({@code SET}, {@code COPY},
 * {@code CALL}), nor a statement whose entry was stored before its constants could be found
 * (under heavy deallocation), and comments ({@code /* user='bob' *}{@code /}) are kept as sent.
 * Double-quoted identifiers and {@code $1} parameters are names, not values, and stay.
 */
public final class SqlLiterals {

  /** What a masked literal or comment reads as. */
  public static final String MASK = "'?'";

  private SqlLiterals() {}

  /** Whether the text holds a string literal, as above (comments aside). */
  public static boolean holdsStringLiterals(String sql) {
    String bare = withoutComments(sql);
    return !mask(bare).equals(bare);
  }

  /** The text with every string literal written {@code '?'} and every comment {@code /*?*}{@code /}. */
  public static String mask(String sql) {
    return rewrite(sql, "/*?*/", MASK);
  }

  /**
   * The text without its comments (each becomes one space), string literals kept: a tool's tag
   * comment ({@code /*controller='orders'*}{@code /}) is not needed to run the statement.
   */
  public static String withoutComments(String sql) {
    return rewrite(sql, " ", null).strip();
  }

  /** Comments replaced by {@code comment}, and string literals by {@code literal} unless it is null. */
  private static String rewrite(String sql, String comment, String literal) {
    StringBuilder out = new StringBuilder(sql.length());
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      if (c == '-' && next == '-') {
        int newline = sql.indexOf('\n', i);
        out.append(comment);
        i = newline < 0 ? n : newline;
      } else if (c == '/' && next == '*') {
        out.append(comment);
        i = SqlLexing.afterBlockComment(sql, i);
      } else if (c == '\'') {
        int end = SqlLexing.afterQuoted(sql, i, '\'', false);
        out.append(literal != null ? literal : sql.substring(i, end));
        i = end;
      } else if (c == '"') {
        int end = SqlLexing.afterQuoted(sql, i, '"', false);
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
        int end = SqlLexing.afterDollarQuoted(sql, i, SqlLexing.dollarTag(sql, i));
        out.append(literal != null ? literal : sql.substring(i, end));
        i = end;
      } else if (SqlLexing.isNameStart(c)) {
        int end = SqlLexing.afterWord(sql, i);
        boolean escapeString = end - i == 1 && (c == 'e' || c == 'E') && end < n && sql.charAt(end) == '\'';
        if (escapeString) {
          int close = SqlLexing.afterQuoted(sql, end, '\'', true); // E'...': a backslash escapes the quote
          out.append(literal != null ? literal : sql.substring(i, close));
          i = close;
        } else {
          out.append(sql, i, end);
          i = end;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
