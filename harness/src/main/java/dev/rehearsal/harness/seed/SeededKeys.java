package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.catalog.KeyColumn;
import dev.rehearsal.harness.seed.catalog.KeyColumns;
import dev.rehearsal.load.KeySpace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The keys of a seeded table as the load draws them ({@link KeySpace}), read from the table
 * before the load starts: its primary key's type from the catalog, then either the range of a
 * dense integer key ({@code min..max}, every id present) or a bounded sample of its keys.
 *
 * <p>The sample is every key when the table has at most {@code maxSample} rows, else a
 * {@code TABLESAMPLE SYSTEM ... REPEATABLE (seed)} of about {@code maxSample} keys (whole
 * pages, so it reads ~maxSample/rows of the table, not all of it), sorted by key so that
 * zipfian's hot keys are the lowest, as with integer ids, and the same seed gives the same
 * sample of the same data.
 */
public final class SeededKeys {

  /** Keys held in memory per table: a million uuids are ~40 MB of heap, text keys somewhat more. */
  public static final int MAX_SAMPLE = 1_000_000;

  private SeededKeys() {}

  /**
   * @param rows the table's rows as seeded (1..rows is what a table without a single-column
   *     primary key is assumed to hold, as before keys were read)
   * @param newKeys whether new keys will be made: only then is a prefix for new text keys
   *     checked against the whole table
   */
  public static KeySpace read(Connection c, String table, long rows, long seed, int maxSample, boolean newKeys)
      throws SQLException {
    List<KeyColumn> pk = KeyColumns.primaryKey(c, table);
    if (pk.size() != 1) {
      return new KeySpace.Dense(1, rows);
    }
    KeyColumn key = pk.get(0);
    String column = quote(key.column());
    switch (key.kind()) {
      case INTEGER -> {
        long[] range = range(c, table, column);
        if (range == null) {
          return new KeySpace.Dense(1, 0);
        }
        if (range[1] - range[0] + 1 == rows) {
          return new KeySpace.Dense(range[0], range[1]);
        }
        return new KeySpace.Sampled(sample(c, table, column, rows, seed, maxSample, key.kind()), "integer",
            rows, new KeySpace.NewKeys.After(range[1]));
      }
      case UUID -> {
        return new KeySpace.Sampled(sample(c, table, column, rows, seed, maxSample, key.kind()), "uuid", rows,
            new KeySpace.NewKeys.RandomUuids());
      }
      case TEXT -> {
        List<Object> sample = sample(c, table, column, rows, seed, maxSample, key.kind());
        KeySpace.NewKeys fresh = newKeys ? prefixed(c, key, sample, sample.size() < rows) : null;
        return new KeySpace.Sampled(sample, "text", rows, fresh);
      }
      default -> throw new BadInputException("the primary key " + key.describe() + " is of a type existingKey and "
          + "newKey cannot draw\n  fix: key the table by an integer, text/varchar or uuid column, or draw the"
          + " column's values with another param kind (uniform, choice)");
    }
  }

  /** [min, max] of an integer key; null for an empty table. */
  private static long[] range(Connection c, String table, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT min(" + column + "), max(" + column + ") FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long min = rs.getLong(1);
      return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
    }
  }

  static String sampleSql(String table, String column, long rows, long seed, int maxSample) {
    if (rows <= maxSample) {
      return "SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL ORDER BY 1 LIMIT " + maxSample;
    }
    // 10% over, since a page sample's size varies; capped by the LIMIT
    double percent = Math.min(100.0, 110.0 * maxSample / rows);
    return String.format(Locale.ROOT, "SELECT k FROM (SELECT %s AS k FROM %s TABLESAMPLE SYSTEM (%.6f) REPEATABLE (%d)"
        + " WHERE %s IS NOT NULL LIMIT %d) s ORDER BY 1", column, table, percent, seed, column, maxSample);
  }

  private static List<Object> sample(Connection c, String table, String column, long rows, long seed, int maxSample,
      KeyColumn.Kind kind) throws SQLException {
    List<Object> keys = new ArrayList<>((int) Math.min(rows, maxSample));
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false); // a cursor: the keys come 10,000 at a time, not all at once into the driver's memory
    try (PreparedStatement ps = c.prepareStatement(sampleSql(table, column, rows, seed, maxSample))) {
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(switch (kind) {
            case INTEGER -> rs.getLong(1);
            case UUID -> rs.getObject(1, UUID.class);
            default -> rs.getString(1);
          });
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return keys;
  }

  /**
   * A prefix for new text keys that begins none of the table's keys: checked against the sample,
   * and, when the sample is not the whole table, against the table itself (one scan).
   */
  private static KeySpace.NewKeys prefixed(Connection c, KeyColumn key, List<Object> sample, boolean partial)
      throws SQLException {
    String sql = "SELECT EXISTS (SELECT 1 FROM " + key.table() + " WHERE starts_with(" + quote(key.column())
        + "::text, ?))";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      KeySpace.NewKeys.Prefixed chosen = KeySpace.NewKeys.Prefixed.choose(key.maxLength(), prefix -> {
        if (sample.stream().anyMatch(k -> ((String) k).startsWith(prefix))) {
          return false;
        }
        if (!partial) {
          return true;
        }
        try {
          ps.setString(1, prefix);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return !rs.getBoolean(1);
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      if (chosen == null) {
        throw new BadInputException("newKey on " + key.describe() + ": no prefix leaves room for new keys that"
            + " collide with none of the table's\n  fix: widen the column, or insert with keys drawn another way");
      }
      return chosen;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException sql2) {
        throw sql2;
      }
      throw e;
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
