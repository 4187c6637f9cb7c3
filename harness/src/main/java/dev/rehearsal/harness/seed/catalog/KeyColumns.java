package dev.rehearsal.harness.seed.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads key columns from the catalog: a table's primary key, or a named column, with its type. */
public final class KeyColumns {

  /** A column's type, its base type's name (through a domain) and that type's length limit. */
  private static final String COLUMN = """
      SELECT a.attname, format_type(a.atttypid, a.atttypmod), b.typname,
             CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      """;

  private static final String PRIMARY_KEY = COLUMN + """
      JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)
      WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY array_position(i.indkey::int2[], a.attnum)""";

  private static final String NAMED = COLUMN + """
      WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""";

  private KeyColumns() {}

  /** Whether {@code table} (as SQL names it, maybe schema-qualified) exists. */
  public static boolean tableExists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The columns of the table's primary key, in key order; empty when it has none. */
  public static List<KeyColumn> primaryKey(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PRIMARY_KEY)) {
      ps.setString(1, table);
      return read(ps, table);
    }
  }

  /**
   * The column {@code column} as SQL names it ({@code id}, {@code "Id"}) of {@code table}; empty
   * when the table has no such column.
   */
  public static Optional<KeyColumn> column(Connection c, String table, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(NAMED)) {
      ps.setString(1, table);
      ps.setString(2, attributeName(column));
      return read(ps, table).stream().findFirst();
    }
  }

  /** The catalog's name of an SQL identifier: a quoted one as written inside the quotes, else folded to lower case. */
  static String attributeName(String identifier) {
    String s = identifier.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s.toLowerCase(Locale.ROOT);
  }

  private static List<KeyColumn> read(PreparedStatement ps, String table) throws SQLException {
    List<KeyColumn> columns = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        KeyColumn.Kind kind = KeyColumn.kindOf(rs.getString(3));
        int typmod = rs.getInt(4);
        // varchar's typmod is its length plus the 4-byte header; -1 when unbounded
        Integer maxLength = kind == KeyColumn.Kind.TEXT && "varchar".equals(rs.getString(3)) && typmod > 4
            ? typmod - 4 : null;
        columns.add(new KeyColumn(table, rs.getString(1), rs.getString(2), kind, maxLength));
      }
    }
    return columns;
  }
}
