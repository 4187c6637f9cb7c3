package dev.rehearsal.harness.check;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts and per-column checksums of some tables at one moment, to compare before and after a
 * migration ({@link SnapshotComparison}).
 *
 * <p>A column's checksum is the sum over its rows of {@code hashtextextended(value::text, 0)}
 * (PostgreSQL 11+), a NULL counting as a fixed number: independent of row order and physical
 * layout, so a table rewrite changes nothing, and computed on the text form, so a widening type
 * change ({@code integer} to {@code bigint}, {@code varchar(50)} to {@code text}) leaves it equal.
 * Each table is read in one scan, all tables in one REPEATABLE READ transaction so they are seen
 * at the same instant even under load. A table of more than {@value KeySample#FULL_CHECKSUM_MAX_ROWS}
 * rows with a one-column primary key is read on a sample of key ranges instead ({@link KeySample}):
 * a full checksum of tens of millions of rows would take longer than the rehearsal.
 *
 * @param tables per name asked for, in the order asked
 */
public record TableSnapshot(Map<String, Table> tables) {

  /**
   * What a NULL adds to a checksum. A value hashing to it would be taken for NULL: a 2^-64
   * chance, against the cost of a second aggregate per column.
   */
  static final long NULL_HASH = 0x6E756C6C6E756C6CL; // "nullnull"

  /**
   * Settings that shape {@code ::text} output, pinned so that the two snapshots render values
   * alike whatever the sessions were set to; and no statement timeout, as a full scan of a large
   * table may outlast the one the scenario sets.
   */
  private static final List<String> SESSION = List.of(
      "SET LOCAL statement_timeout = 0",
      "SET LOCAL DateStyle = 'ISO, MDY'",
      "SET LOCAL IntervalStyle = 'postgres'",
      "SET LOCAL TimeZone = 'UTC'",
      "SET LOCAL extra_float_digits = 1",
      "SET LOCAL bytea_output = 'hex'");

  /**
   * One table: absent (did not exist when the snapshot was taken), or its row count and columns.
   *
   * @param columns per column name, in column order; empty when absent
   * @param rowCount rows read: the whole table's, or the sample's
   * @param sample the key ranges read instead of the whole table; null when read whole
   */
  public record Table(String name, boolean exists, long rowCount, Map<String, Column> columns, KeySample sample) {

    public Table {
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public Table(String name, boolean exists, long rowCount, Map<String, Column> columns) {
      this(name, exists, rowCount, columns, null);
    }

    static Table absent(String name) {
      return new Table(name, false, 0, Map.of());
    }
  }

  /** One column: its type as {@code format_type} shows it, and the checksum of its values. */
  public record Column(String name, String type, BigDecimal checksum) {}

  public TableSnapshot {
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /** The table named so, or an absent one when it was not asked for. */
  public Table table(String name) {
    return tables.getOrDefault(name, Table.absent(name));
  }

  /**
   * Reads {@code tables} (names as the catalog stores them, found through the search path) on
   * {@code connection}, which is left as it was found (auto-commit, isolation). It must not be in
   * the middle of a transaction: the snapshot needs one of its own, REPEATABLE READ from the start.
   */
  public static TableSnapshot take(Connection connection, List<String> tables) throws SQLException {
    return take(connection, tables, null);
  }

  /**
   * As {@link #take(Connection, List)}; with {@code like}, a large table is read on the same key
   * ranges {@code like} sampled (the snapshot after a migration, to compare with the one before),
   * else large tables get ranges of their own ({@link KeySample}).
   */
  public static TableSnapshot take(Connection connection, List<String> tables, TableSnapshot like)
      throws SQLException {
    return take(connection, tables, like, KeySample.DEFAULT);
  }

  static TableSnapshot take(Connection connection, List<String> tables, TableSnapshot like, KeySample.Sizing sizing)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    int isolation = connection.getTransactionIsolation();
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      try (Statement st = connection.createStatement()) {
        for (String setting : SESSION) {
          st.execute(setting);
        }
      }
      Map<String, Table> read = new LinkedHashMap<>();
      for (String name : tables) {
        read.put(name, read(connection, name, like, sizing));
      }
      return new TableSnapshot(read);
    } finally {
      connection.rollback(); // nothing was written; this also undoes the SET LOCALs
      connection.setTransactionIsolation(isolation);
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Table read(Connection connection, String name, TableSnapshot like, KeySample.Sizing sizing)
      throws SQLException {
    String relation = null;
    long oid = 0;
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT c.oid, c.oid::regclass::text FROM pg_class c WHERE c.oid = to_regclass(quote_ident(?))"
            + " AND c.relkind IN ('r', 'p')")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          oid = rs.getLong(1);
          relation = rs.getString(2); // quoted and schema-qualified as needed
        }
      }
    }
    if (relation == null) {
      return Table.absent(name);
    }
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
            + " WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    for (String[] column : columns) {
      // sum(bigint) accumulates exactly (numeric result), so the sum never overflows
      sql.append(", sum(coalesce(hashtextextended(").append(quoteIdent(column[0])).append("::text, 0), ")
          .append(NULL_HASH).append("))");
    }
    sql.append(" FROM ").append(relation);
    KeySample sample = like == null ? KeySample.plan(connection, oid, relation, sizing) : like.table(name).sample();
    if (sample != null) {
      String keyType = KeySample.keyType(connection, oid, sample.keyColumn());
      if (keyType == null) {
        return new Table(name, true, 0, Map.of()); // the sample's key is gone: read nothing, compare nothing
      }
      sql.append(" WHERE ").append(sample.where(keyType));
    }
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      rs.next();
      Map<String, Column> read = new LinkedHashMap<>();
      for (int k = 0; k < columns.size(); k++) {
        BigDecimal sum = rs.getBigDecimal(k + 2);
        read.put(columns.get(k)[0], new Column(columns.get(k)[0], columns.get(k)[1],
            sum == null ? BigDecimal.ZERO : sum)); // an empty table sums to NULL
      }
      return new Table(name, true, rs.getLong(1), read, sample);
    }
  }

  static String quoteIdent(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
