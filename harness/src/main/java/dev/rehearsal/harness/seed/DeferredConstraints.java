package dev.rehearsal.harness.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The schema's primary keys, unique and exclusion constraints, indexes and foreign keys on the
 * seeded tables, set aside while the data loads and restored afterwards — the order pg_restore
 * uses, because building an index once over sorted data is far cheaper than maintaining it row
 * by row, and a foreign key validated once is cheaper than checked per row.
 *
 * <p>Primary keys and unique constraints come back as a plain {@code CREATE UNIQUE INDEX} (which
 * can run beside the table's other index builds: they take compatible SHARE locks) followed by
 * {@code ADD CONSTRAINT ... USING INDEX}, which only records the constraint. Ordinary, non-
 * partitioned tables only: indexes of partitioned tables are left where they are.
 */
final class DeferredConstraints {

  private static final String FOREIGN_KEYS = """
      SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
      FROM pg_constraint c
      WHERE c.contype = 'f' AND (c.conrelid = ANY (?::oid[]) OR c.confrelid = ANY (?::oid[]))
      ORDER BY c.oid""";

  private static final String INDEXED_CONSTRAINTS = """
      SELECT c.conrelid::regclass::text, quote_ident(c.conname), c.contype, pg_get_constraintdef(c.oid),
             pg_get_indexdef(c.conindid), quote_ident(i.relname), c.condeferrable
      FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid
      WHERE c.contype IN ('p', 'u', 'x') AND c.conrelid = ANY (?::oid[])
      ORDER BY c.oid""";

  private static final String PLAIN_INDEXES = """
      SELECT pg_get_indexdef(x.indexrelid), x.indexrelid::regclass::text
      FROM pg_index x
      WHERE x.indrelid = ANY (?::oid[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY x.indexrelid""";

  private static final String ORDINARY_TABLES =
      "SELECT array_agg(oid) FROM pg_class WHERE oid = ANY (?::oid[]) AND relkind = 'r' AND NOT relispartition";

  private final List<String> drops = new ArrayList<>();
  private final List<String> indexBuilds = new ArrayList<>();
  private final List<String> constraintsOnIndexes = new ArrayList<>();
  private final List<String> foreignKeys = new ArrayList<>();

  private DeferredConstraints() {}

  static DeferredConstraints capture(Connection c, Collection<Long> tableOids) throws SQLException {
    DeferredConstraints d = new DeferredConstraints();
    String oids = ordinary(c, tableOids);
    try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS)) {
      ps.setString(1, oids);
      ps.setString(2, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          d.drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
          d.foreignKeys.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(INDEXED_CONSTRAINTS)) {
      ps.setString(1, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1);
          String name = rs.getString(2);
          String type = rs.getString(3);
          d.drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
          String whole = "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(4);
          if (type.equals("x") || rs.getBoolean(7)) {
            d.constraintsOnIndexes.add(whole); // exclusion and deferrable constraints cannot adopt an index
          } else {
            d.indexBuilds.add(rs.getString(5));
            d.constraintsOnIndexes.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name
                + (type.equals("p") ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " + rs.getString(6));
          }
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(PLAIN_INDEXES)) {
      ps.setString(1, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          d.drops.add("DROP INDEX " + rs.getString(2));
          d.indexBuilds.add(rs.getString(1));
        }
      }
    }
    return d;
  }

  private static String ordinary(Connection c, Collection<Long> tableOids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ORDINARY_TABLES)) {
      ps.setString(1, "{" + tableOids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String array = rs.getString(1);
        return array == null ? "{}" : array;
      }
    }
  }

  /** Foreign keys first (they depend on the keys), then constraints, then plain indexes. */
  void drop(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : drops) {
        st.execute(sql);
      }
    }
  }

  /** CREATE INDEX statements, independent of each other: they may run side by side. */
  List<String> indexBuilds() {
    return List.copyOf(indexBuilds);
  }

  /** After the index builds, in order: constraints adopting their indexes, or built whole. */
  List<String> constraintsOnIndexes() {
    return List.copyOf(constraintsOnIndexes);
  }

  /** Last: foreign keys, each validated once over the loaded data. */
  List<String> foreignKeys() {
    return List.copyOf(foreignKeys);
  }

  boolean isEmpty() {
    return drops.isEmpty();
  }
}
