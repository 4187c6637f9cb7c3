package dev.rehearsal.harness.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a large table's checksums are taken: {@value #RANGES} ranges of its primary key, about
 * {@value #RANGE_ROWS} rows each, read through the key's index. A full checksum of a 50M-row table
 * scans every row twice (before and after) and would cost more than the rehearsal it checks; the
 * ranges cost the same at any size. Their starts come from a page sample ({@code TABLESAMPLE
 * SYSTEM ... REPEATABLE}), spread over the whole key space; the bounds are fixed before the load, so
 * the same rows are read after the migration whatever it did to their pages (a rewrite moves
 * rows, not keys).
 *
 * @param keyColumn the primary key's one column
 * @param ranges inclusive bounds as the key's text form; the last may be open ({@code hi} null)
 * @param tableRowsEstimate the table's row count as the planner estimates it ({@code reltuples})
 */
public record KeySample(String keyColumn, List<Range> ranges, long tableRowsEstimate) {

  /** Tables estimated above this many rows are sampled; smaller ones are checksummed whole. */
  static final long FULL_CHECKSUM_MAX_ROWS = 2_000_000;
  static final int RANGES = 64;
  static final int RANGE_ROWS = 2_000;

  /** When to sample and how much: {@link #DEFAULT} in rehearsals, smaller in tests. */
  record Sizing(long fullChecksumMaxRows, int ranges, int rangeRows) {}

  static final Sizing DEFAULT = new Sizing(FULL_CHECKSUM_MAX_ROWS, RANGES, RANGE_ROWS);

  /** {@code lo <= key <= hi}, as the key's text form; {@code hi} null: no upper bound. */
  public record Range(String lo, String hi) {}

  /**
   * The sample for a table, or null when it is checksummed whole: small enough, or without a
   * one-column primary key to range over (said so by the caller's report).
   */
  static KeySample plan(Connection c, long oid, String relation, Sizing sizing) throws SQLException {
    long estimate;
    long pages;
    String key = null;
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT c.reltuples::bigint, c.relpages,
               (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnatts = 1)
        FROM pg_class c WHERE c.oid = ?""")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        estimate = rs.getLong(1);
        pages = rs.getLong(2);
        key = rs.getString(3);
      }
    }
    if (estimate <= sizing.fullChecksumMaxRows() || key == null) {
      return null;
    }
    String k = TableSnapshot.quoteIdent(key);
    // SYSTEM takes whole pages: about two pages per range, their rows thinned out to the ranges' starts
    double percent = Math.min(100, 100.0 * sizing.ranges() * 2 / Math.max(1, pages));
    List<String> starts = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(String.format(Locale.ROOT,
        "SELECT DISTINCT %s::text, %s FROM %s TABLESAMPLE SYSTEM (%.6f) REPEATABLE (42) ORDER BY 2",
        k, k, relation, percent))) {
      while (rs.next()) {
        starts.add(rs.getString(1));
      }
    }
    if (starts.isEmpty()) {
      return null;
    }
    List<Range> ranges = new ArrayList<>();
    String type = keyType(c, oid, key);
    String previousHi = null;
    for (int i = 0; i < sizing.ranges(); i++) {
      String lo = starts.get(i * starts.size() / sizing.ranges());
      if (previousHi != null && compare(c, lo, previousHi, type) <= 0) {
        continue; // inside the range before: the sample's pages were close together
      }
      String hi;
      // the output column named apart: ORDER BY a bare name would take the output column (the key as
      // text, where 100 sorts before 99) over the table's
      try (PreparedStatement ps = c.prepareStatement("SELECT " + k + "::text AS range_end FROM " + relation + " WHERE "
          + k + " >= ?::" + type + " ORDER BY " + k + " OFFSET " + (sizing.rangeRows() - 1) + " LIMIT 1")) {
        ps.setString(1, lo);
        try (ResultSet rs = ps.executeQuery()) {
          hi = rs.next() ? rs.getString(1) : null;
        }
      }
      ranges.add(new Range(lo, hi));
      if (hi == null) {
        break; // reached the end of the key space
      }
      previousHi = hi;
    }
    return new KeySample(key, List.copyOf(ranges), estimate);
  }

  /** The WHERE clause that reads the sampled rows, with the key compared as {@code type}. */
  String where(String type) {
    String k = TableSnapshot.quoteIdent(keyColumn);
    List<String> terms = new ArrayList<>();
    for (Range r : ranges) {
      terms.add(r.hi() == null ? k + " >= " + literal(r.lo(), type)
          : k + " BETWEEN " + literal(r.lo(), type) + " AND " + literal(r.hi(), type));
    }
    return String.join(" OR ", terms);
  }

  /** "64 ranges of id, 128,000 of ~50,000,000 rows": what the report says was compared. */
  String describe(long sampledRows) {
    return String.format(Locale.ROOT, "%,d of ~%,d rows, in %d range%s of %s", sampledRows, tableRowsEstimate,
        ranges.size(), ranges.size() == 1 ? "" : "s", keyColumn);
  }

  static String keyType(Connection c, long oid, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = ? AND attname = ? AND NOT attisdropped")) {
      ps.setLong(1, oid);
      ps.setString(2, column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static int compare(Connection c, String a, String b, String type) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN ?::" + type + " < ?::" + type
        + " THEN -1 WHEN ?::" + type + " = ?::" + type + " THEN 0 ELSE 1 END")) {
      ps.setString(1, a);
      ps.setString(2, b);
      ps.setString(3, a);
      ps.setString(4, b);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static String literal(String value, String type) {
    return "'" + value.replace("'", "''") + "'::" + type;
  }
}
