package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parameters of a SQL statement, so a scenario can be checked to give one parameter
 * generator per placeholder before anything runs: JDBC {@code ?} placeholders, and pgbench-style
 * {@code :name} parameters, which it rewrites to {@code ?}.
 *
 * <p>Nothing inside a single-quoted string ({@code 'why?'}, {@code E'it\'s'}), a dollar-quoted
 * string ({@code $$...$$}, {@code $fn$...$fn$}), a double-quoted identifier, a {@code --}
 * comment or a (nested) block comment is a parameter. {@code ??} is the PostgreSQL JDBC driver's
 * escape for a literal {@code ?} operator (jsonb), so it is not a placeholder either; it is left
 * as it is, since the rewritten text goes to the same driver. {@code ::} is a cast, not a
 * parameter.
 */
public final class Placeholders {

  /**
   * A statement with its {@code :name} parameters replaced by {@code ?}.
   *
   * @param sql the statement for JDBC, with {@code ?} where each {@code :name} was
   * @param names the name of each {@code ?}, in order; a name used twice appears twice
   */
  public record Rewritten(String sql, List<String> names) {

    public Rewritten {
      names = List.copyOf(names);
    }
  }

  private Placeholders() {}

  /** Number of {@code ?} parameters in {@code sql}. */
  public static int count(String sql) {
    return scan(sql).positional;
  }

  /**
   * {@code sql} with each {@code :name} parameter replaced by {@code ?}, and the names in order.
   * A name starts with a letter or {@code _} and goes on with letters, digits and {@code _}, as
   * in pgbench; everything else, {@code ?} placeholders included, is kept as written.
   */
  public static Rewritten rewriteNamed(String sql) {
    Scan scan = scan(sql);
    return new Rewritten(scan.rewritten.toString(), scan.names);
  }

  /**
   * Whether {@code keyword} (case-insensitive) appears in {@code sql} as a word of its own,
   * outside strings, quoted identifiers and comments: {@code RETURNING} in
   * {@code INSERT ... RETURNING id}, but not in {@code 'returning'} or {@code returning_id}.
   */
  public static boolean containsKeyword(String sql, String keyword) {
    return scan(sql).words.contains(keyword.toLowerCase(Locale.ROOT));
  }

  /**
   * The first keyword of {@code sql} in lower case ({@code begin} for {@code BEGIN;}), skipping
   * comments, or null when there is none.
   */
  public static String firstKeyword(String sql) {
    List<String> words = scan(sql).words;
    return words.isEmpty() ? null : words.get(0);
  }

  /**
   * The words of {@code sql} in lower case, in order, outside strings, quoted identifiers and
   * comments: what a statement does can be read from them ({@code create index concurrently}).
   */
  public static List<String> words(String sql) {
    return List.copyOf(scan(sql).words);
  }

  /** Whether {@code name} can be written as a {@code :name} parameter. */
  public static boolean isParameterName(String name) {
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      return false;
    }
    return name.chars().allMatch(c -> isNamePart((char) c));
  }

  /** What one pass over a statement finds outside strings, quoted identifiers and comments. */
  private static final class Scan {
    int positional;
    final List<String> names = new ArrayList<>();
    final List<String> words = new ArrayList<>();
    final StringBuilder rewritten;

    Scan(int length) {
      rewritten = new StringBuilder(length);
    }
  }

  private static Scan scan(String sql) {
    Scan scan = new Scan(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int end;
      if (c == '\'' || c == '"') {
        end = afterQuoted(sql, i, c, false);
      } else if (c == '-' && next(sql, i) == '-') {
        int newline = sql.indexOf('\n', i);
        end = newline < 0 ? sql.length() : newline + 1;
      } else if (c == '/' && next(sql, i) == '*') {
        end = afterBlockComment(sql, i);
      } else if (c == '$' && dollarTag(sql, i) != null) {
        end = afterDollarQuoted(sql, i, dollarTag(sql, i));
      } else if (isNameStart(c)) {
        end = afterWord(sql, i);
        String word = sql.substring(i, end);
        if (word.equalsIgnoreCase("e") && end < sql.length() && sql.charAt(end) == '\'') {
          // E'...': an escape string, where \' is a quote that does not end it
          end = afterQuoted(sql, end, '\'', true);
        } else {
          scan.words.add(word.toLowerCase(Locale.ROOT));
        }
      } else if (c == '?' && next(sql, i) == '?') {
        end = i + 2;
      } else if (c == '?') {
        scan.positional++;
        end = i + 1;
      } else if (c == ':' && next(sql, i) == ':') {
        end = i + 2;
      } else if (c == ':' && isNameStart(next(sql, i))) {
        end = i + 2;
        while (end < sql.length() && isNamePart(sql.charAt(end))) {
          end++;
        }
        scan.names.add(sql.substring(i + 1, end));
        scan.rewritten.append('?');
        i = end;
        continue;
      } else {
        end = i + 1;
      }
      scan.rewritten.append(sql, i, end);
      i = end;
    }
    return scan;
  }

  private static char next(String sql, int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Index after the keyword or identifier starting at {@code start}. PostgreSQL identifiers may
   * contain {@code $} ({@code a$b}); reading them whole keeps such a {@code $} from being taken
   * for the start of a dollar quote.
   */
  private static int afterWord(String sql, int start) {
    int i = start + 1;
    while (i < sql.length() && (isNamePart(sql.charAt(i)) || sql.charAt(i) == '$')) {
      i++;
    }
    return i;
  }

  /**
   * Index after the quoted text starting at {@code start}; a doubled quote is an escaped one,
   * and so, with {@code backslashEscapes}, is a quote after a backslash.
   */
  private static int afterQuoted(String sql, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (next(sql, i) != quote) {
          return i + 1;
        }
        i++;
      }
      i++;
    }
    return sql.length();
  }

  /**
   * The opening delimiter ({@code $$} or {@code $tag$}) of a dollar-quoted string at
   * {@code start}, or null when the {@code $} starts none ({@code $1} is a positional parameter
   * of a function body, not a quote: a tag cannot start with a digit).
   */
  private static String dollarTag(String sql, int start) {
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
  private static int afterDollarQuoted(String sql, int start, String tag) {
    int close = sql.indexOf(tag, start + tag.length());
    return close < 0 ? sql.length() : close + tag.length();
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
