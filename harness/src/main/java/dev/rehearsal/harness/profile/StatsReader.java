package dev.rehearsal.harness.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code pg_stats} for one table (its own statistics, not inheritance's): column name to statistics. */
final class StatsReader {

  private final SourceDatabase db;

  StatsReader(SourceDatabase db) {
    this.db = db;
  }

  Map<String, ColumnStats> read(ProfiledSchema.Table table) {
    Map<String, ColumnStats> out = new HashMap<>();
    db.query("""
        SELECT attname, null_frac, avg_width, n_distinct, most_common_vals::text, most_common_freqs,
               histogram_bounds::text, correlation
        FROM pg_stats WHERE schemaname = ? AND tablename = ? AND NOT inherited""", rs -> {
          List<Double> freqs = new ArrayList<>();
          java.sql.Array a = rs.getArray(6);
          if (a != null) {
            for (Object f : (Object[]) a.getArray()) {
              freqs.add(((Number) f).doubleValue());
            }
          }
          double correlation = rs.getDouble(8);
          Double corr = rs.wasNull() ? null : correlation;
          ColumnStats s = new ColumnStats(rs.getString(1), rs.getDouble(2), rs.getInt(3), rs.getDouble(4),
              PgArrays.parse(rs.getString(5)), List.copyOf(freqs), PgArrays.parse(rs.getString(7)), corr);
          out.put(s.column(), s);
          return null;
        }, table.schema(), table.relname());
    return out;
  }
}
