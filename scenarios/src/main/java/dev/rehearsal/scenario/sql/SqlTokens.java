package dev.rehearsal.scenario.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The words, identifiers and punctuation of SQL text, for the untouched-data check (which columns
 * a statement writes) and the verdict (which DDL shape a statement has): string
 * literals, comments, numbers and operators carry no names, so they become {@link Kind#OTHER}
 * tokens (or nothing), and a literal or comment saying {@code UPDATE x SET y} is never read as
 * one.
 *
 * <p>Quotes, {@code E'..'} escapes, nested block comments and dollar tags are read by
 * {@link SqlLexing}, like {@link SqlSplitter} and the scenario's placeholders do.
 *
 * <p>One deliberate difference: the body of a dollar-quoted string is tokenized as SQL, between
 * two {@code ;} tokens, instead of being skipped. Such bodies are almost always code ({@code DO}
 * blocks and function bodies, where batched backfills live), and a write found in one that never
 * runs only means a column is not compared, whereas a write missed means a false alarm.
 */
public final class SqlTokens {

  public enum Kind {
    /** An unquoted keyword or identifier, lower-cased as PostgreSQL folds it. */
    WORD,
    /** A double-quoted identifier, exactly as written ({@code ""} unescaped). */
    QUOTED,
    /** One punctuation character: {@code ( ) [ ] , . ; = *}. */
    SYMBOL,
    /** Anything else: a literal, number, operator or parameter. */
    OTHER
  }

  public record Token(Kind kind, String text) {

    public boolean isWord(String word) {
      return kind == Kind.WORD && text.equals(word);
    }

    public boolean isSymbol(char c) {
      return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    /** Whether this can name a table or column (keywords included: the context decides). */
    public boolean isIdentifier() {
      return kind == Kind.WORD || kind == Kind.QUOTED;
    }
  }

  private static final Token SEMICOLON = new Token(Kind.SYMBOL, ";");
  private static final Token OTHER = new Token(Kind.OTHER, "");
  private static final String SYMBOLS = "()[],.;=*";

  private SqlTokens() {}

  public static List<Token> of(String sql) {
    List<Token> out = new ArrayList<>();
    scan(sql, out);
    return out;
  }

  private static void scan(String sql, List<Token> out) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && next == '-') {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? n : newline + 1;
      } else if (c == '/' && next == '*') {
        i = SqlLexing.afterBlockComment(sql, i);
      } else if (c == '\'') {
        i = SqlLexing.afterQuoted(sql, i, '\'', false);
        out.add(OTHER);
      } else if (c == '"') {
        int end = SqlLexing.afterQuoted(sql, i, '"', false);
        String inside = sql.substring(i + 1, Math.max(i + 1, end - 1));
        out.add(new Token(Kind.QUOTED, inside.replace("\"\"", "\"")));
        i = end;
      } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
        String tag = SqlLexing.dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length()); // the body is scanned too: a DO block's statements
        int bodyEnd = close < 0 ? n : close;
        out.add(SEMICOLON);
        scan(sql.substring(i + tag.length(), bodyEnd), out);
        out.add(SEMICOLON);
        i = close < 0 ? n : close + tag.length();
      } else if (Character.isLetter(c) || c == '_') {
        int end = SqlLexing.afterWord(sql, i);
        String word = sql.substring(i, end);
        if (word.equalsIgnoreCase("e") && end < n && sql.charAt(end) == '\'') {
          end = SqlLexing.afterQuoted(sql, end, '\'', true); // E'...': a backslash escapes the quote
          out.add(OTHER);
        } else {
          out.add(new Token(Kind.WORD, fold(word)));
        }
        i = end;
      } else if (SYMBOLS.indexOf(c) >= 0) {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      } else {
        out.add(OTHER); // digits, operators, ? and :name parameters, $1
        i = c == '$' || Character.isDigit(c) ? SqlLexing.afterWord(sql, i) : i + 1;
      }
    }
  }

  /**
   * PostgreSQL's folding of an unquoted identifier: ASCII letters only are lower-cased (in a
   * UTF-8 database, {@code downcase_identifier} leaves other letters alone).
   */
  public static String fold(String word) {
    StringBuilder b = new StringBuilder(word.length());
    for (int k = 0; k < word.length(); k++) {
      char ch = word.charAt(k);
      b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
    }
    return b.toString();
  }
}
