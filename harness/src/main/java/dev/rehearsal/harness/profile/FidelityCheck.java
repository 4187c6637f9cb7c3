package dev.rehearsal.harness.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How faithful a copy seeded from a profile is to its source, both read-only and from their
 * statistics (ANALYZE both first). Every table of either side is compared (one missing on a side
 * is a failing row saying so): the row count (within 2 % of the source's times
 * {@code rowsScale}), per column null_frac (within 0.02), the number of distinct values (within
 * 15 %, or both above 0.9 of the rows; a negative n_distinct, a share of the rows, scales with
 * them, a positive one does not), the top-5 most common frequencies (within 20 % relative), the
 * correlation's sign and bucket (below 0.5 or not; both below 0.1 is "none", whatever the
 * signs); and the indexes and constraints of each table, by definition. A source table never
 * analyzed (reltuples -1), which the profile seeds empty, is a "not profiled" row that does not
 * fail; its indexes and constraints are still compared.
 */
public final class FidelityCheck {

  /** One compared figure. */
  public record Row(String table, String column, String figure, String source, String copy, boolean ok) {}

  /** What one side says of one table: its planner row count, its columns' statistics, its definitions. */
  record TableFacts(double reltuples, Map<String, ColumnStats> stats, Set<String> indexes, Set<String> constraints) {}

  static final String NOT_PROFILED = "not profiled";

  /** Below this magnitude a correlation's sign is noise (a shuffled column): "none" on both sides is equal. */
  static final double NO_CORRELATION = 0.1;

  private FidelityCheck() {}

  /** Source and copy compared as seeded at {@code --rows-scale 1}. */
  public static List<Row> compare(String sourceUrl, String copyUrl) {
    return compare(sourceUrl, copyUrl, 1.0);
  }

  /** Source and copy compared, the copy seeded from a profile written with {@code --rows-scale rowsScale}. */
  public static List<Row> compare(String sourceUrl, String copyUrl, double rowsScale) {
    try (SourceDatabase source = SourceDatabase.open(sourceUrl); SourceDatabase copy = SourceDatabase.open(copyUrl)) {
      return compare(facts(source), facts(copy), rowsScale);
    }
  }

  /** The comparison itself, over the union of both sides' tables (the source's order, then the copy's own). */
  static List<Row> compare(Map<String, TableFacts> source, Map<String, TableFacts> copy, double rowsScale) {
    List<Row> rows = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(source.keySet());
    names.addAll(copy.keySet());
    for (String name : names) {
      TableFacts s = source.get(name);
      TableFacts c = copy.get(name);
      if (s == null || c == null) {
        rows.add(new Row(name, "", "table", s == null ? "missing" : "present", c == null ? "missing" : "present",
            false));
        continue;
      }
      if (s.reltuples() < 0) {
        rows.add(new Row(name, "", NOT_PROFILED, "never analyzed", fmt(c.reltuples()), true));
      } else {
        double expected = s.reltuples() * rowsScale;
        double copyRows = c.reltuples();
        rows.add(new Row(name, "", rowsScale == 1 ? "rows" : "rows (x" + java.math.BigDecimal.valueOf(rowsScale).stripTrailingZeros().toPlainString() + ")", fmt(expected),
            fmt(copyRows), Math.abs(copyRows - expected) <= 0.02 * Math.max(1, expected)));
        for (String column : new TreeSet<>(s.stats().keySet())) {
          if (c.stats().containsKey(column)) {
            columnRows(rows, name, column, s.stats().get(column), c.stats().get(column), expected, copyRows);
          } else {
            rows.add(new Row(name, column, "statistics", "present", "missing", false));
          }
        }
      }
      definitionRows(rows, name, "indexes", s.indexes(), c.indexes());
      definitionRows(rows, name, "constraints", s.constraints(), c.constraints());
    }
    return rows;
  }

  private static void definitionRows(List<Row> rows, String table, String kind, Set<String> a, Set<String> b) {
    rows.add(new Row(table, "", kind, a.size() + " " + kind, b.equals(a) ? "same definitions"
        : "differ: " + diff(a, b), a.equals(b)));
  }

  /** @param sourceRows the source's rows times the scale: what the copy should have */
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
      rows.add(new Row(table, column, "mcv freq #" + (i + 1), fmt(sf), fmt(cf),
          Math.abs(cf - sf) <= Math.max(0.2 * sf, samplingNoise(sf, sourceRows, cf, copyRows))));
    }
    if (s.correlation() != null && c.correlation() != null) {
      rows.add(new Row(table, column, "correlation", fmt(s.correlation()), fmt(c.correlation()),
          sameCorrelation(s.correlation(), c.correlation())));
    }
  }

  /** Rows ANALYZE reads at the default statistics target (300 × 100): above it, its figures are a sample's. */
  static final double ANALYZE_SAMPLE_ROWS = 30_000;

  /**
   * Three standard errors of the difference between two frequencies ANALYZE estimated, each from its
   * sample of 30,000 rows when its table has more (an exact side adds none). A value in 0.2 % of the
   * rows is seen about 60 times in 30,000, give or take 8: two samples of the same data disagree by
   * more than 20 % about it as often as not, so such a frequency is compared within this noise.
   */
  static double samplingNoise(double sourceFrequency, double sourceRows, double copyFrequency, double copyRows) {
    return 3 * Math.sqrt(variance(sourceFrequency, sourceRows) + variance(copyFrequency, copyRows));
  }

  private static double variance(double f, double rows) {
    return rows <= ANALYZE_SAMPLE_ROWS || f <= 0 ? 0 : f * (1 - f) / ANALYZE_SAMPLE_ROWS;
  }

  /**
   * The issue's rule, sign and bucket (|c| below 0.5, or not) equal, except that two correlations
   * both below {@link #NO_CORRELATION} in magnitude are equal whatever their signs ("none").
   */
  static boolean sameCorrelation(double source, double copy) {
    if (Math.abs(source) < NO_CORRELATION && Math.abs(copy) < NO_CORRELATION) {
      return true;
    }
    return (source < 0) == (copy < 0) && (Math.abs(source) < 0.5) == (Math.abs(copy) < 0.5);
  }

  /** Every table of the database (as {@code profile} would choose them), by the name the DDL writes. */
  private static Map<String, TableFacts> facts(SourceDatabase db) {
    Map<String, TableFacts> out = new LinkedHashMap<>();
    for (TableSelection.Candidate t : TableSelection.choose(db, List.of(), "", new ArrayList<>())) {
      out.put(t.name(), new TableFacts(reltuples(db, t), stats(db, t), definitions(db, t, "indexes"),
          definitions(db, t, "constraints")));
    }
    return out;
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

  private static String diff(Set<String> a, Set<String> b) {
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
          r.source(), r.copy(), !r.ok() ? "NO" : r.figure().equals(NOT_PROFILED) ? "-" : "yes"));
    }
    long failed = rows.stream().filter(r -> !r.ok()).count();
    long notProfiled = rows.stream().filter(r -> r.figure().equals(NOT_PROFILED)).count();
    out.append(failed == 0 ? "every figure within its threshold" : failed + " of " + rows.size()
        + " figures outside their thresholds");
    out.append(notProfiled == 0 ? "\n" : " (" + notProfiled + " tables not profiled: never analyzed on the source)\n");
    return out.toString();
  }

  /** The command's exit code: 0 when every figure is within its threshold, else 1. */
  public static int exitCode(List<Row> rows) {
    return rows.stream().allMatch(Row::ok) ? 0 : 1;
  }

}
