package dev.rehearsal.harness.seed.catalog;

import dev.rehearsal.harness.BadInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the seeded tables' columns, uniqueness and foreign keys from the server's catalog. */
public final class SchemaCatalog {

  private static final String COLUMNS = """
      SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
             (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)),
             (a.attidentity = '' AND d.adbin IS NOT NULL
                AND NOT coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)),
             EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary
                     AND a.attnum = ANY (i.indkey)),
             EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisunique
                     AND i.indnatts = 1 AND i.indkey[0] = a.attnum
                     AND i.indexprs IS NULL AND i.indpred IS NULL),
             (SELECT c.confrelid FROM pg_constraint c WHERE c.conrelid = a.attrelid AND c.contype = 'f'
                     AND c.conkey = ARRAY[a.attnum] LIMIT 1),
             (SELECT pa.attname FROM pg_constraint c
                     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                     WHERE c.conrelid = a.attrelid AND c.contype = 'f' AND c.conkey = ARRAY[a.attnum] LIMIT 1),
             (SELECT c.confrelid::regclass::text FROM pg_constraint c WHERE c.conrelid = a.attrelid
                     AND c.contype = 'f' AND c.conkey = ARRAY[a.attnum] LIMIT 1)
      FROM pg_attribute a
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = ''
      ORDER BY a.attnum""";

  /**
   * Unique indexes over more than one column (a composite PRIMARY KEY, a multi-column UNIQUE
   * constraint or index): their key columns in index order (INCLUDE columns left out), the
   * primary key first. Indexes on expressions and partial ones are not the seeder's to keep.
   */
  private static final String COMPOSITE_KEYS = """
      SELECT array_agg(a.attname::text ORDER BY k.ord)
      FROM pg_index i
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indnkeyatts > 1
        AND i.indexprs IS NULL AND i.indpred IS NULL AND k.ord <= i.indnkeyatts
      GROUP BY i.indexrelid, i.indisprimary
      ORDER BY i.indisprimary DESC, i.indexrelid""";

  private SchemaCatalog() {}

  /** The table's composite unique keys, each as its column names in key order; the primary key first. */
  public static List<List<String>> compositeKeys(Connection c, String table) throws SQLException {
    List<List<String>> keys = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COMPOSITE_KEYS)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(List.of((String[]) rs.getArray(1).getArray()));
        }
      }
    }
    return List.copyOf(keys);
  }

  /** The oid of each dataset table, by its dataset name; a missing table is bad input. */
  public static Map<String, Long> tableOids(Connection c, List<String> tables) throws SQLException {
    Map<String, Long> oids = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid, "
        + "(SELECT relkind FROM pg_class WHERE oid = to_regclass(?))")) {
      for (String table : tables) {
        ps.setString(1, table);
        ps.setString(2, table);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long oid = rs.getLong(1);
          if (rs.wasNull()) {
            throw new BadInputException("dataset table " + table + " does not exist after the schema DDL ran\n"
                + "  fix: create it in the schema, or correct the table name in the dataset");
          }
          oids.put(table, oid);
        }
      }
    }
    return oids;
  }

  /** The table's columns in order; foreign keys to a dataset table are named as the dataset names it. */
  public static List<TableColumn> columns(Connection c, String table, Map<String, Long> datasetOids)
      throws SQLException {
    List<TableColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long parentOid = rs.getLong(8);
          TableColumn.ForeignKey fk = null;
          if (!rs.wasNull()) {
            String seededName = datasetOids.entrySet().stream().filter(e -> e.getValue() == parentOid)
                .map(Map.Entry::getKey).findFirst().orElse(null);
            fk = new TableColumn.ForeignKey(seededName != null ? seededName : rs.getString(10), rs.getString(9),
                seededName != null);
          }
          columns.add(new TableColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
              rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), fk));
        }
      }
    }
    return columns;
  }
}
