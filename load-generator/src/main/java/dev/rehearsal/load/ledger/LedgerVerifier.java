package dev.rehearsal.load.ledger;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads back every row in a {@link WriteLedger} and checks it against what was acknowledged. */
public final class LedgerVerifier {

  /** Keys per query: large enough to be quick, small enough for one round trip's memory. */
  private static final int BATCH = 10_000;
  private static final int MAX_EXAMPLES = 10;
  /** undefined_column, undefined_table. */
  private static final List<String> GONE = List.of("42703", "42P01");

  private LedgerVerifier() {}

  /** Runs in the connection's current transaction mode; load should have stopped. */
  public static LedgerCheck verify(WriteLedger ledger, Connection connection) throws SQLException {
    long checked = 0;
    long inDoubt = 0;
    long lost = 0;
    List<String> examples = new ArrayList<>();
    for (TableLedger table : ledger.tables()) {
      if (table.disabled()) {
        examples.add(table.table() + ": not checked (" + table.disabledBecause() + ")");
        continue;
      }
      if (table.keyColumn() == null) {
        continue;
      }
      List<String> columns = table.columns();
      String sql = "SELECT " + quote(table.keyColumn())
          + columns.stream().map(c -> ", " + quote(c)).reduce("", String::concat)
          + " FROM " + table.table() + " WHERE " + quote(table.keyColumn()) + " = ANY (?)";
      int passes = table.passes();
      partitions:
      for (int pass = 0; pass < passes; pass++) {
        Map<Object, KeyHistory> rows;
        try {
          rows = table.rows(pass, passes);
        } catch (IOException e) {
          examples.add(table.table() + ": not checked (could not read the write ledger back: " + e.getMessage() + ")");
          break;
        }
        List<Object> keys = new ArrayList<>(rows.keySet());
        for (int from = 0; from < keys.size(); from += BATCH) {
          List<Object> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
          Map<Object, long[]> current;
          try {
            current = read(connection, sql, table.keyType(), batch, columns.size());
          } catch (SQLException e) {
            if (!GONE.contains(e.getSQLState())) {
              throw e;
            }
            // the migration renamed or dropped what the writes went to: a finding, not a crash
            examples.add(table.table() + ": not checked (" + e.getMessage().lines().findFirst().orElse("")
                + "; the migration renamed or dropped what these writes went to)");
            break partitions;
          }
          for (Object key : batch) {
            if (table.inDoubt(key)) {
              inDoubt++;
              continue;
            }
            checked++;
            String problem = rows.get(key).check(current.get(key), columns);
            if (problem != null) {
              lost++;
              if (examples.size() < MAX_EXAMPLES) {
                examples.add(table.table() + " " + table.keyColumn() + "=" + key + ": " + problem);
              }
            }
          }
        }
      }
    }
    return new LedgerCheck(ledger.acknowledgedWrites(), checked, inDoubt, lost, examples);
  }

  /**
   * The current values of the rows with these keys.
   *
   * @param keyType bigint, uuid or text ({@link TableLedger#keyType}): the array's type, and how a
   *     key read back is made comparable with the ledger's (Long, UUID, String)
   */
  private static Map<Object, long[]> read(Connection connection, String sql, String keyType, List<Object> keys,
      int columns) throws SQLException {
    Map<Object, long[]> rows = new HashMap<>(keys.size() * 2);
    Array array = connection.createArrayOf(keyType, keys.toArray());
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] hashes = new long[columns];
          for (int i = 0; i < columns; i++) {
            hashes[i] = ValueHash.of(rs.getString(i + 2));
          }
          Object key = switch (keyType) {
            case "bigint" -> rs.getLong(1);
            case "uuid" -> rs.getObject(1, java.util.UUID.class);
            default -> rs.getString(1);
          };
          rows.put(key, hashes);
        }
      }
    } finally {
      array.free();
    }
    return rows;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
