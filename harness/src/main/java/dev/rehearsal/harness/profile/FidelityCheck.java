package dev.rehearsal.harness.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * How faithful a copy seeded from a profile is to its source, both read-only and from their
 * statistics (ANALYZE both first): per table the row count (within 2 %), per column null_frac
 * (within 0.02), the number of distinct values (within 15 %, or both above 0.9 of the rows), the
 * top-5 most common frequencies (within 20 % relative), the correlation's sign and bucket
 * (below 0.5 or not); and the indexes and constraints of each table, by definition.
 */
public final class FidelityCheck {

  /** One compared figure. */
  public record Row(String table, String column, String figure, String source, String copy, boolean ok) {}

  private FidelityCheck() {}

  public static List<Row> compare(String sourceUrl, String copyUrl) {
    try (SourceDatabase source = SourceDatabase.open(sourceUrl); SourceDatabase copy = SourceDatabase.open(copyUrl)) {
      List<Row> rows = new ArrayList<>();
      List<TableSelection.Candidate> tables = TableSelection.choose(copy, List.of(), "", new ArrayList<>());
      for (TableSelection.Candidate t : tables) {
        double sourceRows = reltuples(source, t);
        double copyRows = reltuples(copy, t);
        rows.add(new Row(t.name(), "", "rows", fmt(sourceRows), fmt(copyRows),
            Math.abs(copyRows - sourceRows) <= 0.02 * Math.max(1, sourceRows)));
        Map<String, ColumnStats> s = stats(source, t);
        Map<String, ColumnStats> c = stats(copy, t);
        for (String column : new TreeSet<>(s.keySet())) {
          if (c.containsKey(column)) {
            columnRows(rows, t.name(), column, s.get(column), c.get(column), sourceRows, copyRows);
          } else {
            rows.add(new Row(t.name(), column, "statistics", "present", "missing", false));
          }
        }
        for (String kind : List.of("indexes", "constraints")) {
          TreeSet<String> a = definitions(source, t, kind);
          TreeSet<String> b = definitions(copy, t, kind);
          rows.add(new Row(t.name(), "", kind, a.size() + " " + kind, b.equals(a) ? "same definitions"
              : "differ: " + diff(a, b), a.equals(b)));
        }
      }
      return rows;
    }
  }

  private static void columnRows(List<Row> rows, String table, String column, ColumnStats s, ColumnStats c,
      double sourceRows, double copyRows) {
    rows.add(new Row(table, column, "null_frac", fmt(s.nullFraction()), fmt(c.nullFraction()),
        Math.abs(s.nullFraction() - c.nullFraction()) <= 0.02));
    double sd = s.distinctValues(sourceRows);
    double cd = c.distinctValues(copyRows);
    boolean bothMostlyDistinct = sd >= 0.9 * sourceRows && cd >= 0.9 * copyRows;
    rows.add(new Row(table, column, "n_distinct", fmt(sd), fmt(cd),
        bothMostlyDistinct || Math.abs(cd - sd) <= 0.15 * Math.max(1, sd)));
    int top = Math.min(5, s.commonFrequencies().size());
    for (int i = 0; i < top; i++) {
      double sf = s.commonFrequencies().get(i);
      double cf = i < c.commonFrequencies().size() ? c.commonFrequencies().get(i) : 0;
      rows.add(new Row(table, column, "mcv freq #" + (i + 1), fmt(sf), fmt(cf), Math.abs(cf - sf) <= 0.2 * sf));
    }
    if (s.correlation() != null && c.correlation() != null) {
      rows.add(new Row(table, column, "correlation", fmt(s.correlation()), fmt(c.correlation()),
          bucket(s.correlation()).equals(bucket(c.correlation()))));
    }
  }

  /** Sign and bucket: a weak correlation's sign means nothing, so |c| < 0.5 is one bucket. */
  static String bucket(double correlation) {
    return Math.abs(correlation) < 0.5 ? "weak" : correlation > 0 ? "strong+" : "strong-";
  }

  private static double reltuples(SourceDatabase db, TableSelection.Candidate t) {
    Double r = db.scalar("SELECT c.reltuples::float8 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = ? AND c.relname = ?", Double.class, t.schema(), t.relname());
    return r == null ? -1 : r;
  }

  private static Map<String, ColumnStats> stats(SourceDatabase db, TableSelection.Candidate t) {
    return new StatsReader(db).read(new ProfiledSchema.Table(t.oid(), t.schema(), t.relname(), t.name(), 0, true,
        List.of(), List.of(), java.util.Set.of(), List.of()));
  }

  private static TreeSet<String> definitions(SourceDatabase db, TableSelection.Candidate t, String kind) {
    String sql = kind.equals("indexes")
        ? "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
        : "SELECT con.conname || ' ' || pg_get_constraintdef(con.oid) FROM pg_constraint con JOIN pg_class c "
            + "ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
    return new TreeSet<>(db.query(sql, rs -> rs.getString(1), t.schema(), t.relname()));
  }

  private static String diff(TreeSet<String> a, TreeSet<String> b) {
    TreeSet<String> onlySource = new TreeSet<>(a);
    onlySource.removeAll(b);
    TreeSet<String> onlyCopy = new TreeSet<>(b);
    onlyCopy.removeAll(a);
    return "only in source " + onlySource + ", only in copy " + onlyCopy;
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  /** The rows as a table to print. */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-14s %-14s %-13s %14s %14s  %s%n",
        "table", "column", "figure", "source", "copy", "within"));
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "%-14s %-14s %-13s %14s %14s  %s%n", r.table(), r.column(), r.figure(),
          r.source(), r.copy(), r.ok() ? "yes" : "NO"));
    }
    long failed = rows.stream().filter(r -> !r.ok()).count();
    out.append(failed == 0 ? "every figure within its threshold\n" : failed + " of " + rows.size()
        + " figures outside their thresholds\n");
    return out.toString();
  }

}
