package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, on the migration's own connection (inside its transaction, where uncommitted changes
 * are visible), what a statement did: the relation locks its backend holds, and which tables'
 * storage was replaced. A new relfilenode for the same table oid means the table was rewritten
 * (ALTER COLUMN TYPE, a volatile default, VACUUM FULL, CLUSTER, TRUNCATE), which is how eugene
 * and pg's own tests tell a rewrite from a catalog-only change.
 */
final class CatalogProbe {

  /** User relations only (oid 16384 and up): the catalogs this probe itself reads are not the migration's. */
  private static final String OWN_LOCKS = """
      SELECT l.relation, l.relation::regclass::text, l.mode FROM pg_locks l
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND l.relation >= 16384
      ORDER BY l.relation::regclass::text, l.mode""";

  private static final String STORAGE = """
      SELECT c.oid, c.relfilenode, c.oid::regclass::text FROM pg_class c
      WHERE c.relkind IN ('r', 'm') AND c.oid >= 16384""";

  /** A relation lock with its oid, to tell the lock observer which statement holds what. */
  record Lock(long relationOid, HeldLock held) {}

  private CatalogProbe() {}

  static List<Lock> ownLocks(Connection c) throws SQLException {
    List<Lock> locks = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(OWN_LOCKS)) {
      while (rs.next()) {
        locks.add(new Lock(rs.getLong(1), new HeldLock(rs.getString(2), rs.getString(3))));
      }
    }
    return locks;
  }

  /** Table oid to its current relfilenode, for every user table and materialized view. */
  static Map<Long, Long> storage(Connection c) throws SQLException {
    Map<Long, Long> storage = new HashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(STORAGE)) {
      while (rs.next()) {
        storage.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return storage;
  }

  /** Names of the tables whose storage changed between the two snapshots. */
  static List<String> rewritten(Connection c, Map<Long, Long> before, Map<Long, Long> after) throws SQLException {
    List<Long> changed = new ArrayList<>();
    after.forEach((oid, node) -> {
      Long was = before.get(oid);
      if (was != null && !was.equals(node)) {
        changed.add(oid);
      }
    });
    List<String> names = new ArrayList<>();
    for (Long oid : changed) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + oid + "::regclass::text")) {
        rs.next();
        names.add(rs.getString(1));
      }
    }
    names.sort(null);
    return names;
  }
}
