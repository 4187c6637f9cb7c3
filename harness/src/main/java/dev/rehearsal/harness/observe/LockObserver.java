package dev.rehearsal.harness.observe;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.observe.LockSample.HeldLock;
import dev.rehearsal.harness.observe.LockSample.Session;
import dev.rehearsal.harness.observe.LockSample.Waiter;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches, from a connection of its own, every {@value #SAMPLE_MILLIS} ms, which sessions of the
 * rehearsal database wait for a heavyweight lock and who blocks them, and which relation locks
 * the migration holds. pg_locks is read only when someone in the database waits for a lock or the
 * migration's session is inside a transaction (the only time it can hold one): reading it takes
 * every lock-manager partition lock and every backend's fast-path lock, which stalls the
 * application's sessions taking their own locks, so a sample with nobody waiting and no migration
 * running reads pg_stat_activity alone. pg_blocking_pids() is called for waiting sessions only, for
 * the same reason.
 */
public final class LockObserver implements AutoCloseable {

  public static final String APPLICATION_NAME = ApplicationNames.OBSERVER;
  static final int SAMPLE_MILLIS = 15;
  private static final Logger log = LoggerFactory.getLogger(LockObserver.class);

  /**
   * Waiting sessions (any lock type) plus the migration's relation locks on user relations (oid
   * 16384 and up: not the catalogs its own bookkeeping queries touch). waitstart is PG14+.
   *
   * <p>The gate (a one-time filter: pg_lock_status() is not even called when it is empty) lets pg_locks be read
   * when a session of this database waits for a lock (wait_event_type 'Lock': relations, rows, transaction ids,
   * advisory locks alike) or the migration's session has a transaction open, statement or explicit; at any other
   * moment the sample would find no waiter and no migration lock.
   *
   * <p>A waiter on a row (a transaction id: no relation) also gets the relation it targets, from its own granted
   * locks ({@link RowLockTarget}): its tuple lock's relation, and the tables (not indexes) it holds RowExclusiveLock
   * or RowShareLock on. pg_locks is read once (MATERIALIZED) and those locks are joined by pid, for the row
   * waiters only, so the sample still takes the lock manager's partition locks once.
   */
  private static final String LOCKS = """
      WITH gate AS MATERIALIZED (
        SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND (wait_event_type = 'Lock' OR (application_name = ? AND xact_start IS NOT NULL))
        LIMIT 1),
      l AS MATERIALIZED (
        SELECT pid, granted, locktype, relation, mode, waitstart FROM pg_locks
        WHERE pid <> pg_backend_pid() AND EXISTS (SELECT 1 FROM gate)),
      target AS (
        SELECT o.pid,
               max(o.relation::bigint) FILTER (WHERE o.locktype = 'tuple') AS tuple_oid,
               array_agg(o.relation::bigint ORDER BY o.mode = 'RowExclusiveLock' DESC, o.relation)
                 FILTER (WHERE o.locktype = 'relation') AS table_oids,
               array_agg(o.relation::regclass::text ORDER BY o.mode = 'RowExclusiveLock' DESC, o.relation)
                 FILTER (WHERE o.locktype = 'relation') AS table_names
        FROM l o JOIN pg_class c ON c.oid = o.relation
        WHERE o.granted AND o.relation >= 16384
          AND (o.locktype = 'tuple'
               OR (o.locktype = 'relation' AND c.relkind IN ('r', 'p')
                   AND o.mode IN ('RowExclusiveLock', 'RowShareLock')))
          AND o.pid IN (SELECT pid FROM l WHERE NOT granted AND relation IS NULL)
        GROUP BY o.pid)
      SELECT l.pid, a.application_name, l.granted, l.locktype, l.relation, l.relation::regclass::text, l.mode,
             CASE WHEN NOT l.granted
                  THEN (extract(epoch FROM coalesce(l.waitstart, a.query_start)) * 1000000)::bigint END,
             CASE WHEN NOT l.granted
                  THEN extract(epoch FROM clock_timestamp() - coalesce(l.waitstart, a.query_start)) * 1000 END,
             CASE WHEN NOT l.granted THEN pg_blocking_pids(l.pid) END,
             t.tuple_oid, t.tuple_oid::regclass::text, t.table_oids, t.table_names,
             CASE WHEN l.granted THEN (SELECT i.indrelid::regclass::text FROM pg_index i WHERE i.indexrelid = l.relation)
             END
      FROM l JOIN pg_stat_activity a ON a.pid = l.pid
        LEFT JOIN target t ON t.pid = l.pid AND NOT l.granted AND l.relation IS NULL
      WHERE a.datname = current_database()
        AND (NOT l.granted OR (a.application_name = ? AND l.locktype = 'relation' AND l.relation >= 16384))""";

  private static final String SESSIONS = """
      SELECT pid, application_name, state, left(query, 400) FROM pg_stat_activity WHERE pid = ANY(?)""";

  private final Connection connection;
  private final MigrationProgress progress;
  private final BlockedTimeTracker tracker;
  private final Thread thread;
  private volatile boolean running = true;

  /** @param loadStartNanos second 0 of the timeline, to key per-second figures */
  public LockObserver(DatabaseTarget target, long loadStartNanos, MigrationProgress progress) {
    this(session(target), loadStartNanos, progress);
  }

  /**
   * Observes from {@code session} (from {@link #session}), opened before the application's pools so
   * that pools filling the server's max_connections do not leave the observer without a slot.
   */
  public LockObserver(Connection session, long loadStartNanos, MigrationProgress progress) {
    this.connection = session;
    this.progress = progress;
    this.tracker = new BlockedTimeTracker(loadStartNanos);
    this.thread = new Thread(this::observe, "rehearsal-lock-observer");
    thread.setDaemon(true);
    thread.start();
  }

  /** The observer's session. */
  public static Connection session(DatabaseTarget target) {
    try {
      return ScratchDatabase.connect(target, APPLICATION_NAME);
    } catch (SQLException e) {
      throw new InfrastructureException("could not open the lock observer's session: " + e.getMessage(), e);
    }
  }

  private void observe() {
    try (PreparedStatement locks = connection.prepareStatement(LOCKS);
        PreparedStatement sessions = connection.prepareStatement(SESSIONS)) {
      locks.setString(1, ApplicationNames.MIGRATION);
      locks.setString(2, ApplicationNames.MIGRATION);
      FixedRate.loop(SAMPLE_MILLIS, () -> running, () -> {
        MigrationProgress.Cursor cursor = progress.cursor();
        LockSample sample = sample(locks, sessions);
        synchronized (tracker) {
          tracker.add(sample, cursor);
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      if (running) {
        log.warn("lock observer stopped sampling: {}", e.getMessage());
      }
    }
  }

  private static LockSample sample(PreparedStatement locks, PreparedStatement sessions) throws SQLException {
    long sent = System.nanoTime();
    List<Waiter> waiters = new ArrayList<>();
    Map<Waiter, Targets> rowWaiters = new HashMap<>();
    List<HeldLock> held = new ArrayList<>();
    try (ResultSet rs = locks.executeQuery()) {
      while (rs.next()) {
        int pid = rs.getInt(1);
        long relationOid = rs.getLong(5);
        Long relation = rs.wasNull() ? null : relationOid;
        if (rs.getBoolean(3)) {
          held.add(new HeldLock(pid, relationOid, rs.getString(6), rs.getString(7), rs.getString(15)));
        } else {
          Waiter w = new Waiter(pid, rs.getString(2), rs.getLong(8), rs.getDouble(9), relation,
              rs.getString(6), rs.getString(7), rs.getString(4), pids(rs.getArray(10)));
          waiters.add(w);
          Targets targets = targets(rs);
          if (relation == null && targets != null) {
            rowWaiters.put(w, targets);
          }
        }
      }
    }
    long received = System.nanoTime();
    if (!rowWaiters.isEmpty()) {
      Set<Long> migrationRelations = new HashSet<>();
      held.forEach(h -> migrationRelations.add(h.relationOid()));
      waiters.replaceAll(w -> {
        Targets t = rowWaiters.get(w);
        RowLockTarget.Candidate c = t == null ? null : RowLockTarget.choose(t.tuple(), t.tables(), migrationRelations);
        return c == null ? w : new Waiter(w.pid(), w.applicationName(), w.waitStartMicros(), w.waitMs(), c.oid(),
            c.name(), w.mode(), w.lockType(), w.blockers());
      });
    }
    Map<Integer, Session> roots = waiters.isEmpty() ? Map.of() : sessions(sessions, waiters);
    return new LockSample((sent + received) / 2, waiters, held, roots);
  }

  /** The relations a row waiter holds locks on, as the query lists them. */
  private record Targets(RowLockTarget.Candidate tuple, List<RowLockTarget.Candidate> tables) {}

  private static Targets targets(ResultSet rs) throws SQLException {
    long tupleOid = rs.getLong(11);
    RowLockTarget.Candidate tuple = rs.wasNull() ? null : new RowLockTarget.Candidate(tupleOid, rs.getString(12));
    List<RowLockTarget.Candidate> tables = new ArrayList<>();
    Array oids = rs.getArray(13);
    Array names = rs.getArray(14);
    if (oids != null && names != null) {
      Long[] o = (Long[]) oids.getArray();
      String[] n = (String[]) names.getArray();
      for (int i = 0; i < o.length && i < n.length; i++) {
        tables.add(new RowLockTarget.Candidate(o[i], n[i]));
      }
    }
    return tuple == null && tables.isEmpty() ? null : new Targets(tuple, tables);
  }

  /** The sessions blocking someone without waiting themselves: the roots of the chains. */
  private static Map<Integer, Session> sessions(PreparedStatement ps, List<Waiter> waiters) throws SQLException {
    Set<Integer> waiting = new HashSet<>();
    waiters.forEach(w -> waiting.add(w.pid()));
    Set<Integer> blockers = new HashSet<>();
    for (Waiter w : waiters) {
      for (int pid : w.blockers()) {
        if (!waiting.contains(pid)) {
          blockers.add(pid);
        }
      }
    }
    Map<Integer, Session> found = new HashMap<>();
    if (blockers.isEmpty()) {
      return found;
    }
    ps.setArray(1, ps.getConnection().createArrayOf("int4", blockers.toArray()));
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.put(rs.getInt(1), new Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return found;
  }

  private static int[] pids(Array array) throws SQLException {
    if (array == null) {
      return new int[0];
    }
    Integer[] values = (Integer[]) array.getArray();
    int[] pids = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      pids[i] = values[i];
    }
    return pids;
  }

  /** Stops sampling and returns the figures. */
  public BlockedTime stop() {
    running = false;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    synchronized (tracker) {
      return tracker.finish();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a broken session: nothing to add
    }
  }
}
