package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.generate.GeneratorFactory.TablePlan;
import dev.rehearsal.scenario.ColumnSpec;
import dev.rehearsal.scenario.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures: column specs, catalog columns and plans written by hand, and value capture. */
final class Gen {

  private Gen() {}

  // ---- ColumnSpec --------------------------------------------------------------------------

  static Spec spec(String generator) {
    return new Spec(generator);
  }

  /** A fluent ColumnSpec: the record has 25 components and a test names only a few. */
  static final class Spec {
    private final String generator;
    private Long min;
    private Long max;
    private Long rowsPerValue;
    private Integer scale;
    private Double skew;
    private Integer length;
    private Integer minLength;
    private Integer maxLength;
    private Integer days;
    private String from;
    private String to;
    private List<String> values;
    private List<Double> weights;
    private String value;
    private String expression;
    private Integer pool;
    private Double trueFraction;
    private String table;
    private String column;
    private Object template;
    private Double nullFraction;
    private List<String> bounds;
    private Long distinct;
    private Boolean ordered;

    private Spec(String generator) {
      this.generator = generator;
    }

    Spec min(long v) { min = v; return this; }
    Spec max(long v) { max = v; return this; }
    Spec range(long lo, long hi) { min = lo; max = hi; return this; }
    Spec rowsPerValue(long v) { rowsPerValue = v; return this; }
    Spec scale(int v) { scale = v; return this; }
    Spec skew(double v) { skew = v; return this; }
    Spec length(int v) { length = v; return this; }
    Spec lengths(int lo, int hi) { minLength = lo; maxLength = hi; return this; }
    Spec days(int v) { days = v; return this; }
    Spec from(String v) { from = v; return this; }
    Spec to(String v) { to = v; return this; }
    Spec values(String... v) { values = List.of(v); return this; }
    Spec weights(Double... v) { weights = List.of(v); return this; }
    Spec value(String v) { value = v; return this; }
    Spec expression(String v) { expression = v; return this; }
    Spec pool(int v) { pool = v; return this; }
    Spec trueFraction(double v) { trueFraction = v; return this; }
    Spec table(String v) { table = v; return this; }
    Spec column(String v) { column = v; return this; }
    Spec template(Object v) { template = v; return this; }
    Spec nullFraction(double v) { nullFraction = v; return this; }
    Spec bounds(String... v) { bounds = List.of(v); return this; }
    Spec distinct(long v) { distinct = v; return this; }
    Spec ordered(boolean v) { ordered = v; return this; }

    ColumnSpec build() {
      return new ColumnSpec(generator, min, max, rowsPerValue, scale, skew, length, minLength, maxLength, days, from,
          to, values, weights, value, expression, pool, trueFraction, table, column, template, nullFraction,
          bounds, distinct, ordered);
    }
  }

  // ---- TableColumn -------------------------------------------------------------------------

  static Col col(String name, String type) {
    return new Col(name, type);
  }

  /** A fluent TableColumn; by default NOT NULL, no defaults, not a key, no foreign key. */
  static final class Col {
    private final String name;
    private final String type;
    private boolean nullable;
    private boolean sequenceDefault;
    private boolean otherDefault;
    private boolean primaryKey;
    private boolean unique;
    private TableColumn.ForeignKey references;

    private Col(String name, String type) {
      this.name = name;
      this.type = type;
    }

    Col nullable() { nullable = true; return this; }
    Col sequenceDefault() { sequenceDefault = true; return this; }
    Col otherDefault() { otherDefault = true; return this; }
    /** PRIMARY KEY implies unique, as the catalog reports it. */
    Col pk() { primaryKey = true; unique = true; return this; }
    Col unique() { unique = true; return this; }
    Col references(String table, String column, boolean seeded) {
      references = new TableColumn.ForeignKey(table, column, seeded);
      return this;
    }

    TableColumn build() {
      return new TableColumn(name, type, nullable, sequenceDefault, otherDefault, primaryKey, unique, references);
    }
  }

  // ---- plans and factories -----------------------------------------------------------------

  /** A table plan being written: columns with optional specs. */
  static final class Table {
    private final String name;
    private final long rows;
    private final Map<String, ColumnSpec> specs = new LinkedHashMap<>();
    private final List<TableColumn> columns = new ArrayList<>();
    private final List<List<String>> keys = new ArrayList<>();

    private Table(String name, long rows) {
      this.name = name;
      this.rows = rows;
    }

    /** A column with no spec: it gets the type's default. */
    Table column(Col column) {
      columns.add(column.build());
      return this;
    }

    Table column(Col column, Spec spec) {
      TableColumn c = column.build();
      columns.add(c);
      specs.put(c.name(), spec.build());
      return this;
    }

    /** A composite unique key (PRIMARY KEY or UNIQUE over these columns, in this order). */
    Table key(String... columnNames) {
      keys.add(List.of(columnNames));
      return this;
    }

    TablePlan plan() {
      return new TablePlan(new TableSpec(name, rows, Map.copyOf(specs)), List.copyOf(columns), List.copyOf(keys));
    }
  }

  static Table table(String name, long rows) {
    return new Table(name, rows);
  }

  static GeneratorFactory factory(long seed, Table... tables) {
    Map<String, TablePlan> plans = new LinkedHashMap<>();
    for (Table t : tables) {
      plans.put(t.name, t.plan());
    }
    return new GeneratorFactory(seed, plans);
  }

  /** The generator of {@code column} in {@code table}, fresh from forTable. */
  static ColumnGenerator generator(GeneratorFactory factory, String table, String column) {
    GeneratorFactory.TableGenerators g = factory.forTable(table);
    for (int i = 0; i < g.columns().size(); i++) {
      if (g.columns().get(i).name().equals(column)) {
        return g.generators().get(i);
      }
    }
    throw new AssertionError("forTable(" + table + ") left out column " + column + ": " + g.columns());
  }

  /** One column "c" of {@code type} with {@code spec} in a table "t" of {@code rows} rows. */
  static ColumnGenerator single(long seed, long rows, Col column, Spec spec) {
    return generator(factory(seed, table("t", rows).column(column, spec)), "t", column.build().name());
  }

  /** One column with no spec (the type's default). */
  static ColumnGenerator single(long seed, long rows, Col column) {
    return generator(factory(seed, table("t", rows).column(column)), "t", column.build().name());
  }

  // ---- values ------------------------------------------------------------------------------

  static List<CapturingWriter.Value> values(ColumnGenerator g, long fromRow, long toRow) {
    CapturingWriter w = new CapturingWriter();
    List<CapturingWriter.Value> out = new ArrayList<>((int) (toRow - fromRow + 1));
    for (long r = fromRow; r <= toRow; r++) {
      out.add(w.capture(g, r));
    }
    return out;
  }

  /** Rows 1..n written in reverse order, returned in row order. */
  static List<CapturingWriter.Value> valuesReversed(ColumnGenerator g, long n) {
    CapturingWriter w = new CapturingWriter();
    CapturingWriter.Value[] out = new CapturingWriter.Value[(int) n];
    for (long r = n; r >= 1; r--) {
      out[(int) (r - 1)] = w.capture(g, r);
    }
    return List.of(out);
  }

  static long[] longs(ColumnGenerator g, long n) {
    CapturingWriter w = new CapturingWriter();
    long[] out = new long[(int) n];
    for (int i = 0; i < n; i++) {
      CapturingWriter.Value v = w.capture(g, i + 1);
      if (v.kind() != CapturingWriter.Kind.LONG && v.kind() != CapturingWriter.Kind.TIMESTAMP) {
        throw new AssertionError("row " + (i + 1) + ": expected a whole number or timestamp, got " + v);
      }
      out[i] = v.asLong();
    }
    return out;
  }

  static List<String> texts(ColumnGenerator g, long n) {
    CapturingWriter w = new CapturingWriter();
    List<String> out = new ArrayList<>((int) n);
    for (long r = 1; r <= n; r++) {
      CapturingWriter.Value v = w.capture(g, r);
      if (v.kind() != CapturingWriter.Kind.TEXT) {
        throw new AssertionError("row " + r + ": expected text, got " + v);
      }
      out.add(v.asText());
    }
    return out;
  }
}
