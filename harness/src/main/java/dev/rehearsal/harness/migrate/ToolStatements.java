package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.history.FlywayFailures;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.scenario.Placeholders;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a migration tool sends (seen through {@link StatementTap}) into statement runs: each
 * SQL statement of the migration or changeset running now is timed, numbered and reported as it
 * finishes, its locks read from the {@link CatalogProbe}'s session while the tool's transaction
 * holds them, its rewrites found when the transaction ends. The tool's own bookkeeping (history
 * table, advisory lock, search_path), which it sends as prepared statements, is not the
 * migration's and is not reported; nor is what the harness itself sends (lock_timeout).
 */
final class ToolStatements implements StatementTap.Listener {

  private static final Set<String> ROW_COMMANDS = Set.of("insert", "update", "delete", "merge", "with", "copy");

  /** Where a tool's transaction stands on one of its connections. */
  private static final class Session {
    boolean inTransaction;
    Map<Long, Long> storageBefore = Map.of();
    final List<StatementRun> transactionRuns = new ArrayList<>();
  }

  private final String kind;
  private final String step;
  private final String direction;
  private final MigrationProgress progress;
  private final CatalogProbe probe;
  private final MigrationRunner.Listener listener;
  private final Map<Connection, Session> sessions = new IdentityHashMap<>();
  private final Map<Connection, Integer> pids = new IdentityHashMap<>();
  final List<StatementRun> runs = new ArrayList<>();
  private int nextIndex;
  private String origin;
  private String scriptText;
  /** Where in the script the next statement is looked for: after the one before it (two may read the same). */
  private int searchFrom;
  private int unitStart;
  private int attempt = 1;
  private long firstAttemptNanos;
  private long attemptStartNanos;
  private boolean harnessSending;
  private StatementRun running;

  ToolStatements(String kind, String step, String direction, int firstIndex, MigrationProgress progress,
      CatalogProbe probe, MigrationRunner.Listener listener) {
    this.kind = kind;
    this.step = step;
    this.direction = direction;
    this.nextIndex = firstIndex;
    this.progress = progress;
    this.probe = probe;
    this.listener = listener;
  }

  /**
   * A migration or changeset begins; statements from now on are its own.
   *
   * @param origin how reports name it ({@code V18__index_end_time.sql}, {@code 18-1::alice})
   * @param scriptText its source, to find each statement's line; null when unknown
   * @param attempt 1, or the attempt of a unit tried again after giving up waiting for a lock
   */
  void unitStarted(String origin, String scriptText, int attempt) {
    this.origin = origin;
    this.scriptText = scriptText;
    this.searchFrom = 0;
    this.unitStart = runs.size();
    this.attempt = attempt;
    attemptStartNanos = System.nanoTime();
    if (attempt == 1) {
      firstAttemptNanos = attemptStartNanos;
    }
  }

  /** The migration or changeset is over: statements after this are the tool's. */
  void unitEnded() {
    origin = null;
  }

  boolean inUnit() {
    return origin != null;
  }

  /** The runs of the unit started last. */
  List<StatementRun> unitRuns() {
    return runs.subList(unitStart, runs.size());
  }

  /** Forgets the unit started last (it gave up waiting for a lock and will be tried again). */
  void dropUnit() {
    List<StatementRun> dropped = unitRuns();
    if (!dropped.isEmpty()) {
      nextIndex = dropped.get(0).index;
    }
    dropped.clear();
  }

  /** Runs what the harness itself sends on the tool's connection, which is not the migration's. */
  void harnessSends(SqlWork work) throws SQLException {
    harnessSending = true;
    try {
      work.run();
    } finally {
      harnessSending = false;
    }
  }

  interface SqlWork {
    void run() throws SQLException;
  }

  /** A run for the tool's own failure outside any statement (it refused to start), numbered next. */
  StatementRun refusal(PlannedStatement what) {
    StatementRun run = new StatementRun(nextIndex++, direction, step, kind, what, false);
    run.started();
    runs.add(run);
    return run;
  }

  /** The statement running now, if any (a failure the tool reports is its). */
  StatementRun running() {
    return running;
  }

  @Override
  public void transactionBegins(Connection c) {
    Session s = session(c);
    s.inTransaction = true;
    s.transactionRuns.clear();
    s.storageBefore = storage(); // before the transaction's first statement: nothing is held yet
    progress.transactionBegan();
    probe.transactionBegan();
  }

  @Override
  public void beforeStatement(Connection c, String sql, boolean prepared) {
    if (origin == null || prepared || harnessSending || isBookkeeping(sql)) {
      return;
    }
    Session s = session(c);
    if (!s.inTransaction) {
      s.storageBefore = storage();
    }
    String text = sql.substring(firstToken(sql)).strip();
    StatementRun run = new StatementRun(nextIndex++, direction, step, kind,
        new PlannedStatement(text, origin, lineOf(text)), s.inTransaction);
    run.attempts = attempt;
    runs.add(run);
    running = run;
    progress.statementStarted(run.index, origin + " statement " + (runs.size() - unitStart) + ": "
        + firstWords(text));
    run.started();
    // the failed attempts of its unit and the pauses after them: none when the first attempt counted
    run.retryWaitNanos = attemptStartNanos - firstAttemptNanos;
    if (s.inTransaction) {
      s.transactionRuns.add(run);
    }
  }

  @Override
  public void afterStatement(Connection c, String sql, boolean prepared, long updateCount, SQLException failure) {
    StatementRun run = running;
    if (run == null || prepared || harnessSending) {
      return;
    }
    running = null;
    progress.statementEnded();
    Session s = session(c);
    if (failure != null) {
      run.failed(failure);
    } else {
      run.ended();
      List<String> words = Placeholders.words(run.planned.sql());
      if (updateCount >= 0 && !words.isEmpty() && ROW_COMMANDS.contains(words.get(0))) {
        run.rowsAffected = updateCount;
      }
      if (s.inTransaction) {
        probe.statementEnded(run, pid(c));
      }
    }
    listener.statementFinished(run.outcome());
    if (!s.inTransaction) {
      afterUnit(s.storageBefore, List.of(run), failure == null);
    }
  }

  @Override
  public void transactionEnding(Connection c) {
    probe.awaitReads();
  }

  @Override
  public void transactionEnded(Connection c, boolean committed) {
    Session s = session(c);
    if (!s.inTransaction) {
      return;
    }
    s.inTransaction = false;
    progress.transactionEnded();
    afterUnit(s.storageBefore, List.copyOf(s.transactionRuns), committed);
    s.transactionRuns.clear();
  }

  private void afterUnit(Map<Long, Long> storageBefore, List<StatementRun> unit, boolean committed) {
    try {
      probe.nameNewRelations(unit);
      if (committed) {
        probe.chargeRewrites(storageBefore, unit);
      }
    } catch (SQLException e) {
      throw new InfrastructureException("could not read what the migration changed: " + e.getMessage(), e);
    }
  }

  private Map<Long, Long> storage() {
    try {
      return probe.storage();
    } catch (SQLException e) {
      throw new InfrastructureException("could not read the tables' storage: " + e.getMessage(), e);
    }
  }

  private Session session(Connection c) {
    return sessions.computeIfAbsent(c, k -> new Session());
  }

  private int pid(Connection c) {
    return pids.computeIfAbsent(c, k -> {
      try {
        return CatalogProbe.backendPid(k);
      } catch (SQLException e) {
        throw new InfrastructureException("could not tell the migration's backend: " + e.getMessage(), e);
      }
    });
  }

  /** A tool's write to its own history table, which Liquibase sends as plain SQL like the changeset's. */
  private static boolean isBookkeeping(String sql) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    return CatalogProbe.TOOL_TABLES.stream().anyMatch(lower::contains);
  }

  /**
   * The 1-based line of the script where the statement starts, found by its text after the lines
   * of the unit's statements before it; 0 when unknown (SQL the tool generated, a Java migration).
   */
  private int lineOf(String statement) {
    if (scriptText == null || statement.isEmpty()) {
      return 0;
    }
    int from = searchFrom;
    int at = scriptText.indexOf(statement, from);
    if (at < 0) {
      at = scriptText.indexOf(statement.lines().findFirst().orElse(statement), from);
    }
    if (at < 0) {
      return 0;
    }
    searchFrom = at + 1;
    return 1 + (int) scriptText.substring(0, at).chars().filter(ch -> ch == '\n').count();
  }

  /** The first words of a statement, for progress lines. */
  static String firstWords(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }

  static int firstToken(String sql) {
    return FlywayFailures.firstToken(sql);
  }
}
