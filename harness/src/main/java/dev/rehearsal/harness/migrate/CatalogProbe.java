package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads, from a session of its own, what the migration's statements did: the relation locks the
 * migration's backend holds after each statement of a transaction, and which tables' storage a
 * unit replaced. The migration's session sends nothing but the migration's SQL, so the harness
 * does not lengthen the locks it measures.
 *
 * <p>Locks are read the moment a statement returns, and a statement lists every lock its
 * transaction holds then (locks are held until the transaction ends, so the list grows statement
 * by statement). The migration waits for the read at most {@value #READ_WAIT_MILLIS} ms — a read
 * takes well under one — so the next statement's locks are not read as this one's; a read that
 * takes longer finishes while the migration goes on. Before COMMIT the runner waits for reads
 * still running, so none is lost to the locks being released.
 *
 * <p>A rewrite is a new relfilenode for the same table oid (ALTER COLUMN TYPE, a volatile
 * default, VACUUM FULL, CLUSTER, TRUNCATE), which is how eugene and PostgreSQL's own tests tell
 * a rewrite from a catalog-only change. Another session sees the new relfilenode once the unit
 * committed, so rewrites are found per unit and charged to the statement that took the table's
 * ACCESS EXCLUSIVE lock (else the unit's last statement).
 */
final class CatalogProbe implements AutoCloseable {

  /** User relations only (oid 16384 and up): the catalogs are not the migration's. */
  private static final String HELD_LOCKS = """
      SELECT l.relation, l.relation::regclass::text, l.mode,
             (SELECT i.indrelid::regclass::text FROM pg_index i WHERE i.indexrelid = l.relation)
      FROM pg_locks l
      WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted AND l.relation >= 16384
      ORDER BY l.relation, l.mode""";

  private static final String STORAGE = """
      SELECT c.oid, c.relfilenode FROM pg_class c WHERE c.relkind IN ('r', 'm') AND c.oid >= 16384""";

  /**
   * Migration tools' history tables, which a tool writes in the migration's own transaction: its
   * bookkeeping, not the migration's locks, so not listed under a statement.
   */
  static final Set<String> TOOL_TABLES = Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

  /** The longest the migration waits after a statement for its locks to be read; see the class comment. */
  static final long READ_WAIT_MILLIS = 5;

  /** The longest a COMMIT waits for a lock read still running; far above a read's few milliseconds. */
  private static final long AWAIT_SECONDS = 10;

  private final Connection side;
  private final MigrationProgress progress;
  private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rehearsal-lock-reader");
    t.setDaemon(true);
    return t;
  });
  /** Oids read as bare numbers (a relation created by the open transaction), named after it commits. */
  private final Set<Long> unnamed = new HashSet<>();

  CatalogProbe(DatabaseTarget target, MigrationProgress progress) {
    this.progress = progress;
    try {
      this.side = ScratchDatabase.connect(target, ApplicationNames.OBSERVER);
      side.setAutoCommit(true);
    } catch (SQLException e) {
      throw new InfrastructureException("could not open the migration's lock-reading session: " + e.getMessage(), e);
    }
  }

  /** The backend of a migration session, known to the driver since it connected: no round trip. */
  static int backendPid(Connection migration) throws SQLException {
    return migration.unwrap(org.postgresql.PGConnection.class).getBackendPID();
  }

  /** Whether {@code relation}, as regclass prints it (schema-qualified outside the search_path), is a tool's history table. */
  static boolean isToolTable(String relation) {
    String name = relation.substring(relation.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(java.util.Locale.ROOT);
    return TOOL_TABLES.contains(name);
  }

  /** A transaction begins on the migration's session: what was seen before belongs to earlier ones. */
  void transactionBegan() {
    reader.execute(unnamed::clear);
  }

  /** Statement {@code run} of the open transaction returned: list the locks held now, from this session. */
  void statementEnded(StatementRun run, int migrationPid) {
    Future<?> read = reader.submit(() -> {
      try {
        List<Long> oids = new ArrayList<>();
        List<HeldLock> held = new ArrayList<>();
        try (PreparedStatement st = side.prepareStatement(HELD_LOCKS)) {
          st.setInt(1, migrationPid);
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              String relation = rs.getString(2);
              if (isToolTable(relation)) {
                continue;
              }
              long oid = rs.getLong(1);
              if (relation.chars().allMatch(Character::isDigit)) {
                unnamed.add(oid);
              }
              held.add(new HeldLock(relation, rs.getString(3), rs.getString(4)));
              oids.add(oid);
            }
          }
        }
        run.held(held);
        progress.locksHeld(run.index, oids);
      } catch (SQLException e) {
        // the probe's session failed: this statement's locks go unlisted, the migration is not disturbed
      }
    });
    await(read, READ_WAIT_MILLIS);
  }

  /** Waits for the lock reads still running: called before COMMIT or ROLLBACK releases the locks. */
  void awaitReads() {
    await(reader.submit(() -> { }), TimeUnit.SECONDS.toMillis(AWAIT_SECONDS));
  }

  private static void await(Future<?> done, long millis) {
    try {
      done.get(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a read that does not answer leaves that statement's locks unlisted; the migration goes on
    }
  }

  /**
   * After the unit ended: relations the transaction created (a new index or table, read as a bare
   * oid while uncommitted) get their names, now visible; a rolled-back one keeps its oid, said so.
   */
  void nameNewRelations(List<StatementRun> runs) throws SQLException {
    awaitReads();
    if (unnamed.isEmpty()) {
      return;
    }
    Map<String, String> names = new HashMap<>();
    Map<String, String> tables = new HashMap<>();
    for (Long oid : unnamed) {
      try (Statement st = side.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + oid + "::regclass::text, (SELECT i.indrelid::regclass::text"
              + " FROM pg_index i WHERE i.indexrelid = " + oid + ")")) {
        rs.next();
        String name = rs.getString(1);
        names.put(String.valueOf(oid), name.equals(String.valueOf(oid))
            ? "relation " + oid + " (created, then rolled back)" : name);
        if (rs.getString(2) != null) {
          tables.put(String.valueOf(oid), rs.getString(2));
        }
      }
    }
    for (StatementRun run : runs) {
      run.rename(lock -> new HeldLock(names.getOrDefault(lock.relation(), lock.relation()), lock.mode(),
          lock.table() != null ? lock.table() : tables.get(lock.relation())));
    }
    unnamed.clear();
  }

  /** Table oid to its committed relfilenode, for every user table and materialized view. */
  Map<Long, Long> storage() throws SQLException {
    Map<Long, Long> storage = new HashMap<>();
    try (Statement st = side.createStatement(); ResultSet rs = st.executeQuery(STORAGE)) {
      while (rs.next()) {
        storage.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return storage;
  }

  /**
   * Tables whose storage changed between {@code before} (read before the unit) and now, each
   * charged to the statement of {@code runs} that took its ACCESS EXCLUSIVE lock, else the last.
   */
  void chargeRewrites(Map<Long, Long> before, List<StatementRun> runs) throws SQLException {
    if (runs.isEmpty()) {
      return;
    }
    Map<Long, Long> after = storage();
    List<String> rewritten = new ArrayList<>();
    for (Map.Entry<Long, Long> table : after.entrySet()) {
      Long was = before.get(table.getKey());
      if (was != null && !was.equals(table.getValue())) {
        try (Statement st = side.createStatement();
            ResultSet rs = st.executeQuery("SELECT " + table.getKey() + "::regclass::text")) {
          rs.next();
          rewritten.add(rs.getString(1));
        }
      }
    }
    rewritten.sort(null);
    for (String table : rewritten) {
      StatementRun charged = runs.stream()
          .filter(r -> r.holds(new HeldLock(table, "AccessExclusiveLock")))
          .findFirst().orElse(runs.get(runs.size() - 1));
      charged.rewrote.add(table);
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
    try {
      side.close();
    } catch (SQLException e) {
      // the session is gone either way
    }
  }
}
