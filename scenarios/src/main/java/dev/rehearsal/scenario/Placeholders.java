package dev.rehearsal.scenario;

import dev.rehearsal.scenario.sql.SqlLexing;
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

  /** The words that make a statement write: it cannot run on a standby. */
  private static final List<String> WRITES =
      List.of("insert", "update", "delete", "merge", "truncate", "nextval", "setval");

  /**
   * The first word of {@code sql} (outside strings, quoted identifiers and comments) that makes it
   * write, in upper case, or null for a read: {@code INSERT}, {@code UPDATE} (also of
   * {@code SELECT ... FOR UPDATE}), {@code DELETE}, {@code MERGE}, {@code TRUNCATE},
   * {@code NEXTVAL}, {@code SETVAL}; {@code FOR SHARE} locks rows, a write too.
   */
  public static String writeKeyword(String sql) {
    List<String> words = scan(sql).words;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (WRITES.contains(word)) {
        return word.toUpperCase(Locale.ROOT);
      }
      if (word.equals("share") && i > 0 && (words.get(i - 1).equals("for") || words.get(i - 1).equals("key"))) {
        return "FOR SHARE";
      }
    }
    return null;
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
    if (name.isEmpty() || !SqlLexing.isNameStart(name.charAt(0))) {
      return false;
    }
    return name.chars().allMatch(c -> SqlLexing.isNamePart((char) c));
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
        end = SqlLexing.afterQuoted(sql, i, c, false);
      } else if (c == '-' && next(sql, i) == '-') {
        int newline = sql.indexOf('\n', i);
        end = newline < 0 ? sql.length() : newline + 1;
      } else if (c == '/' && next(sql, i) == '*') {
        end = SqlLexing.afterBlockComment(sql, i);
      } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
        end = SqlLexing.afterDollarQuoted(sql, i, SqlLexing.dollarTag(sql, i));
      } else if (SqlLexing.isNameStart(c)) {
        end = SqlLexing.afterWord(sql, i);
        String word = sql.substring(i, end);
        if (word.equalsIgnoreCase("e") && end < sql.length() && sql.charAt(end) == '\'') {
          // E'...': an escape string, where \' is a quote that does not end it
          end = SqlLexing.afterQuoted(sql, end, '\'', true);
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
      } else if (c == ':' && SqlLexing.isNameStart(next(sql, i))) {
        end = i + 2;
        while (end < sql.length() && SqlLexing.isNamePart(sql.charAt(end))) {
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
}
