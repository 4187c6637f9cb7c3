package dev.rehearsal.harness.check;

import dev.rehearsal.scenario.sql.SqlTokens;
import dev.rehearsal.scenario.sql.SqlTokens.Kind;
import dev.rehearsal.scenario.sql.SqlTokens.Token;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a set of SQL texts (the workload's statements and the migration's) may write, found by
 * reading them, not running them, so that everything else can be expected unchanged:
 *
 * <ul>
 *   <li>tables whose row count may change: {@code INSERT INTO t}, {@code DELETE FROM t},
 *       {@code TRUNCATE t, u}, {@code COPY t FROM}, {@code MERGE INTO t};
 *   <li>columns assigned by {@code UPDATE [ONLY] t [[AS] x] SET a = .., (b, c) = (..)}, in a
 *       plain statement, a data-modifying CTE, a rule or a PL/pgSQL body, and by
 *       {@code INSERT INTO t .. ON CONFLICT .. DO UPDATE SET c = ..} and MERGE's
 *       {@code THEN UPDATE SET}, which write the table the statement inserts into or merges.
 * </ul>
 *
 * <p>Names are folded as PostgreSQL folds them (unquoted lower-cased, {@code "Quoted"} kept) and
 * a schema prefix is dropped ({@code public.users} is {@code users}), so callers ask with names
 * as the catalog stores them. Literals and comments are not read; dollar-quoted bodies are (see
 * {@link SqlTokens}).
 *
 * <p>The reading errs towards "may write": a column wrongly taken as written is merely not
 * compared, a write missed would be a false alarm. So an {@code UPDATE} of a table whose
 * {@code SET} list cannot be read counts as writing every column of that table, and a table
 * whose rows may be inserted or deleted has all its columns counted as written (its per-column
 * checksums change with the rows). Writes this cannot see: dynamic SQL ({@code EXECUTE 'UPDATE
 * ..'}), triggers, and foreign-key actions ({@code ON DELETE CASCADE}, {@code ON UPDATE SET NULL},
 * {@code TRUNCATE .. CASCADE}) on tables the text does not name.
 */
public final class WrittenColumns {

  /**
   * Words after which {@code UPDATE} starts a statement: the start of a text or body, a
   * {@code ;}, the {@code (} of a CTE, the {@code )} closing a CTE list or EXPLAIN's options,
   * PL/pgSQL block words, the {@code BEGIN ATOMIC} of a SQL-standard function body, a rule's
   * {@code DO [INSTEAD|ALSO]}, {@code EXPLAIN [ANALYZE]} and {@code PREPARE .. AS}. Elsewhere the
   * word is a lock strength ({@code FOR UPDATE}), a foreign-key action ({@code ON UPDATE}), a
   * privilege or a trigger event.
   */
  private static final Set<String> STATEMENT_START = Set.of(
      ";", "(", ")", "begin", "atomic", "then", "else", "loop", "do", "instead", "also", "explain", "analyze",
      "analyse", "verbose", "as");

  /** Words that end a SET list at depth 0 (MERGE's next {@code WHEN} included). */
  private static final Set<String> SET_LIST_END = Set.of("from", "where", "returning", "when");

  private final Set<String> rowCountTables = new HashSet<>();
  private final Set<String> allColumnsTables = new HashSet<>();
  private final Map<String, Set<String>> assigned = new HashMap<>();

  private WrittenColumns() {}

  public static WrittenColumns of(Collection<String> sqlTexts) {
    WrittenColumns written = new WrittenColumns();
    for (String sql : sqlTexts) {
      written.read(SqlTokens.of(sql));
    }
    return written;
  }

  /** Whether rows of {@code table} (as the catalog names it) may be inserted or deleted. */
  public boolean rowCountMayChange(String table) {
    return rowCountTables.contains(table);
  }

  /** Whether {@code table.column} (as the catalog names them) may be written. */
  public boolean columnMayChange(String table, String column) {
    return rowCountMayChange(table) || allColumnsTables.contains(table)
        || assigned.getOrDefault(table, Set.of()).contains(column);
  }

  @Override
  public String toString() {
    return "WrittenColumns[rows of " + rowCountTables + ", all columns of " + allColumnsTables + ", columns "
        + assigned + "]";
  }

  private void read(List<Token> tokens) {
    String target = null; // the table an ON CONFLICT or MERGE action updates
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol(';')) {
        target = null;
      } else if (t.kind() != Kind.WORD) {
        continue;
      }
      switch (t.text()) {
        case "insert", "merge" -> {
          if (isWord(tokens, i + 1, "into")) {
            target = tableAt(tokens, i + 2);
            rowsOf(target);
          }
        }
        case "delete" -> {
          if (isWord(tokens, i + 1, "from")) {
            rowsOf(tableAt(tokens, i + 2));
          }
        }
        case "copy" -> copy(tokens, i + 1);
        case "truncate" -> truncate(tokens, i + 1);
        case "update" -> update(tokens, i, target);
        default -> { }
      }
    }
  }

  private void update(List<Token> tokens, int at, String target) {
    Token previous = at(tokens, at - 1);
    if (isWord(tokens, at + 1, "set")) {
      // ON CONFLICT .. DO UPDATE SET / MERGE .. THEN UPDATE SET; after ON it is ON UPDATE SET NULL
      if (target != null && (isWord(tokens, at - 1, "do") || isWord(tokens, at - 1, "then"))) {
        setList(tokens, at + 2, target);
      }
      return;
    }
    if (previous != null && (previous.kind() == Kind.QUOTED || !STATEMENT_START.contains(previous.text()))) {
      return;
    }
    int i = at + 1;
    if (isWord(tokens, i, "only")) {
      i++;
    }
    int nameEnd = afterName(tokens, i);
    if (nameEnd == i) {
      return; // no table name: not an UPDATE statement after all
    }
    String table = tokens.get(nameEnd - 1).text();
    i = nameEnd;
    if (isSymbol(tokens, i, '*')) {
      i++; // UPDATE t * (descendant tables, the old spelling)
    }
    if (isWord(tokens, i, "as")) {
      i++;
    }
    if (isIdentifier(tokens, i) && !isWord(tokens, i, "set")) {
      i++; // alias
    }
    if (isWord(tokens, i, "set")) {
      setList(tokens, i + 1, table);
    } else {
      allColumnsTables.add(table);
    }
  }

  /**
   * Reads {@code a = .., (b, c) = .., d[1] = .., e.f = ..} from {@code start}; when a target is
   * not where it should be, every column of {@code table} counts as written.
   */
  private void setList(List<Token> tokens, int start, String table) {
    Set<String> columns = new HashSet<>();
    int i = start;
    while (true) {
      if (isSymbol(tokens, i, '(')) {
        i++;
        while (isIdentifier(tokens, i)) {
          columns.add(tokens.get(i).text());
          i = skipIndirection(tokens, i + 1);
          if (isSymbol(tokens, i, ',')) {
            i++;
          }
        }
        if (!isSymbol(tokens, i, ')')) {
          allColumnsTables.add(table);
          return;
        }
        i++;
      } else if (isIdentifier(tokens, i)) {
        columns.add(tokens.get(i).text());
        i = skipIndirection(tokens, i + 1);
      } else {
        allColumnsTables.add(table);
        return;
      }
      if (!isSymbol(tokens, i, '=')) {
        allColumnsTables.add(table);
        return;
      }
      i = afterExpression(tokens, i + 1);
      assigned.computeIfAbsent(table, k -> new HashSet<>()).addAll(columns);
      if (!isSymbol(tokens, i, ',')) {
        return;
      }
      i++;
    }
  }

  /** Past a target's subscripts and field names ({@code a[1]}, {@code a.f}): still column a. */
  private static int skipIndirection(List<Token> tokens, int i) {
    while (at(tokens, i) != null) {
      if (isSymbol(tokens, i, '.') && at(tokens, i + 1) != null) {
        i += 2;
      } else if (at(tokens, i).isSymbol('[')) {
        i = afterExpression(tokens, i + 1) + 1;
      } else {
        return i;
      }
    }
    return i;
  }

  /**
   * Index of the token ending the expression starting at {@code i}: a {@code , ; ) ]} or a
   * clause word ({@code FROM}, {@code WHERE}, ...) outside brackets and CASE, or the end. The
   * {@code FROM} of {@code IS DISTINCT FROM} does not end it.
   */
  private static int afterExpression(List<Token> tokens, int i) {
    int depth = 0;
    int cases = 0;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol('(') || t.isSymbol('[')) {
        depth++;
      } else if (t.isSymbol(')') || t.isSymbol(']')) {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (t.isSymbol(';')) {
        return i;
      } else if (depth > 0) {
        continue;
      } else if (t.isWord("case")) {
        cases++;
      } else if (t.isWord("end") && cases > 0) {
        cases--;
      } else if (cases == 0 && (t.isSymbol(',') || endsSetList(tokens, i))) {
        return i;
      }
    }
    return i;
  }

  private static boolean endsSetList(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.kind() != Kind.WORD || !SET_LIST_END.contains(t.text())) {
      return false;
    }
    return !(t.isWord("from") && i > 0 && tokens.get(i - 1).isWord("distinct"));
  }

  /** {@code COPY t [(cols)] FROM ..} loads rows; {@code COPY t TO} and {@code COPY (query)} do not. */
  private void copy(List<Token> tokens, int i) {
    int end = afterName(tokens, i);
    if (end == i) {
      return;
    }
    int k = end;
    if (isSymbol(tokens, k, '(')) {
      while (k < tokens.size() && !isSymbol(tokens, k, ')')) {
        k++;
      }
      k++;
    }
    if (isWord(tokens, k, "from")) {
      rowsOf(tokens.get(end - 1).text());
    }
  }

  /** {@code TRUNCATE [TABLE] [ONLY] t [*] [, ...]}; not {@code TRUNCATE ON t} of a trigger or grant. */
  private void truncate(List<Token> tokens, int i) {
    if (isWord(tokens, i, "table")) {
      i++;
    }
    while (true) {
      if (isWord(tokens, i, "only")) {
        i++;
      }
      if (isWord(tokens, i, "on") || isWord(tokens, i, "or")) {
        return;
      }
      int end = afterName(tokens, i);
      if (end == i) {
        return;
      }
      rowsOf(tokens.get(end - 1).text());
      i = end;
      if (isSymbol(tokens, i, '*')) {
        i++;
      }
      if (!isSymbol(tokens, i, ',')) {
        return;
      }
      i++;
    }
  }

  /** The table named at {@code i} (schema dropped), or null. */
  private static String tableAt(List<Token> tokens, int i) {
    if (isWord(tokens, i, "only")) {
      i++;
    }
    int end = afterName(tokens, i);
    return end == i ? null : tokens.get(end - 1).text();
  }

  /** Index after a possibly qualified name {@code a.b.c} at {@code i}; {@code i} when there is none. */
  private static int afterName(List<Token> tokens, int i) {
    if (!isIdentifier(tokens, i)) {
      return i;
    }
    int end = i + 1;
    while (isSymbol(tokens, end, '.') && isIdentifier(tokens, end + 1)) {
      end += 2;
    }
    return end;
  }

  private void rowsOf(String table) {
    if (table != null) {
      rowCountTables.add(table);
    }
  }

  private static Token at(List<Token> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  private static boolean isWord(List<Token> tokens, int i, String word) {
    return at(tokens, i) != null && at(tokens, i).isWord(word);
  }

  private static boolean isSymbol(List<Token> tokens, int i, char c) {
    return at(tokens, i) != null && at(tokens, i).isSymbol(c);
  }

  private static boolean isIdentifier(List<Token> tokens, int i) {
    return at(tokens, i) != null && at(tokens, i).isIdentifier();
  }
}
