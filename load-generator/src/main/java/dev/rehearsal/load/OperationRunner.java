package dev.rehearsal.load;

import dev.rehearsal.load.ledger.TableLedger;
import dev.rehearsal.load.ledger.ValueHash;
import dev.rehearsal.load.ledger.WriteLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one execution of an {@link Operation} on a connection as the application would: binds
 * the drawn values, reads every result row, wraps a transaction in BEGIN/COMMIT, and records in
 * the write ledger the rows its writes returned, once they are committed.
 */
final class OperationRunner {

  private final WriteLedger ledger;

  OperationRunner(WriteLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * @param serviceStartNanos when the operation got its connection (a write cannot have
   *     committed before)
   * @throws SQLException as the driver threw it; a transaction is rolled back first
   */
  void run(Operation op, Connection connection, Object[] values, long serviceStartNanos) throws SQLException {
    TableLedger table = op.ledgerTable() == null ? null : ledger.table(op.ledgerTable());
    List<PendingRow> pending = table == null ? null : new ArrayList<>(1);
    try {
      if (op.transaction()) {
        connection.setAutoCommit(false);
      }
      for (OperationStatement statement : op.statements()) {
        execute(statement, connection, values, table, pending);
      }
      if (op.transaction()) {
        connection.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (op.transaction()) {
        rollbackQuietly(connection);
      }
      if (table != null && ErrorClass.of(e instanceof SQLException ? (SQLException) e : new SQLException(e))
          == ErrorClass.CONNECTION) {
        // the commit may or may not have happened before the connection broke
        table.inDoubt(values);
      }
      throw e;
    } finally {
      if (op.transaction()) {
        restoreAutoCommit(connection);
      }
    }
    if (pending != null && !pending.isEmpty()) {
      long ackNanos = System.nanoTime();
      for (PendingRow row : pending) {
        table.record(row.key, row.columns, row.hashes, row.delete, serviceStartNanos, ackNanos);
      }
    }
  }

  private record PendingRow(Object key, int[] columns, long[] hashes, boolean delete) {}

  private static void execute(OperationStatement statement, Connection connection, Object[] values,
      TableLedger table, List<PendingRow> pending) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
      int[] slots = statement.paramSlots();
      for (int i = 0; i < slots.length; i++) {
        ps.setObject(i + 1, values[slots[i]]);
      }
      boolean hasResult = ps.execute();
      boolean ledgered = table != null && isWrite(statement.sql());
      while (true) {
        if (hasResult) {
          try (ResultSet rs = ps.getResultSet()) {
            if (ledgered && !table.disabled()) {
              try {
                collect(rs, table, isDelete(statement.sql()), pending);
              } catch (IllegalArgumentException | SQLException e) {
                // the write itself succeeded; only its record cannot be kept
                table.disable(e.getMessage());
                pending.clear();
                while (rs.next()) {
                  // drain
                }
              }
            } else {
              while (rs.next()) {
                // the application reads every row; so do we, so that the transfer time counts
              }
            }
          }
        } else if (ps.getUpdateCount() == -1) {
          break;
        }
        hasResult = ps.getMoreResults();
      }
    }
  }

  private static void collect(ResultSet rs, TableLedger table, boolean delete, List<PendingRow> pending)
      throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> names = new ArrayList<>(meta.getColumnCount());
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnName(i));
    }
    KeyReader key = KeyReader.of(meta.getColumnType(1), meta.getColumnTypeName(1));
    if (key == null) {
      throw new IllegalArgumentException("the first RETURNING column, " + names.get(0) + ", is of type "
          + meta.getColumnTypeName(1) + "; the ledger tracks rows by an integer, text or uuid key");
    }
    int[] columns = table.shape(names);
    while (rs.next()) {
      long[] hashes = new long[columns.length];
      for (int i = 0; i < columns.length; i++) {
        hashes[i] = ValueHash.of(rs.getString(i + 2));
      }
      pending.add(new PendingRow(key.read(rs), columns, hashes, delete));
    }
  }

  /** Reads a RETURNING key as the ledger keeps it: a Long, a UUID or a String. */
  private interface KeyReader {
    Object read(ResultSet rs) throws SQLException;

    /** Null for a type the ledger cannot key rows by (char(n): its padding makes equality unreliable). */
    static KeyReader of(int sqlType, String typeName) {
      if (sqlType == java.sql.Types.INTEGER || sqlType == java.sql.Types.BIGINT || sqlType == java.sql.Types.SMALLINT) {
        return rs -> rs.getLong(1);
      }
      if ("uuid".equals(typeName)) {
        return rs -> rs.getObject(1, java.util.UUID.class);
      }
      if ("text".equals(typeName) || "varchar".equals(typeName)) {
        return rs -> rs.getString(1);
      }
      return null;
    }
  }

  static boolean isWrite(String sql) {
    String first = firstKeyword(sql);
    return first.equals("insert") || first.equals("update") || first.equals("delete") || first.equals("merge")
        // a data-modifying CTE: its RETURNING rows are the write's
        || (first.equals("with") && sql.toLowerCase(Locale.ROOT).contains("returning"));
  }

  static boolean isDelete(String sql) {
    return firstKeyword(sql).equals("delete");
  }

  static String firstKeyword(String sql) {
    String s = sql.stripLeading();
    while (s.startsWith("--") || s.startsWith("/*")) {
      int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
      s = end < 0 ? "" : s.substring(end + (s.startsWith("--") ? 1 : 2)).stripLeading();
    }
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return s.substring(0, end).toLowerCase(Locale.ROOT);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the pool will evict it
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // a broken connection; HikariCP resets or evicts it on return
    }
  }
}
