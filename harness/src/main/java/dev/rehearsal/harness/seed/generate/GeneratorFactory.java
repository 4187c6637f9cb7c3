package dev.rehearsal.harness.seed.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.ColumnCodecs;
import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import dev.rehearsal.scenario.TableSpec;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the dataset's column specs, and the columns the schema really has, into generators —
 * and rejects, before a row is loaded, every combination that could not work: a generator whose
 * values do not fit the column's type, a unique column whose generator cannot yield enough
 * distinct values, a foreign key to a table that is not seeded.
 *
 * <p>Generators keep per-instance scratch state, so each seeding stream asks for its own set with
 * {@link #forTable}; building them is cheap (Datafaker pools are built once and shared).
 */
public final class GeneratorFactory {

  /**
   * Timestamps are spread back from this fixed instant rather than from "now", so the same seed
   * gives the same data on any day.
   */
  public static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REFERENCE_DEPTH = 16;

  /** A table to seed: its dataset spec and its columns as the server has them. */
  public record TablePlan(TableSpec spec, List<TableColumn> columns) {}

  /** A stream's view of a table: the columns COPY names and a generator for each. */
  public record TableGenerators(List<TableColumn> columns, List<ColumnGenerator> generators) {}

  private final long runSeed;
  private final Map<String, TablePlan> tables;

  /** @param tables every seeded table by its dataset name */
  public GeneratorFactory(long runSeed, Map<String, TablePlan> tables) {
    this.runSeed = runSeed;
    this.tables = tables;
  }

  /** Fresh generators for one stream of {@code table}. Columns the server fills itself are left out. */
  public TableGenerators forTable(String table) {
    TablePlan plan = tables.get(table);
    List<TableColumn> columns = new ArrayList<>();
    List<ColumnGenerator> generators = new ArrayList<>();
    for (TableColumn column : plan.columns()) {
      ColumnGenerator generator = forColumn(plan, column, 0);
      if (generator != null) {
        columns.add(column);
        generators.add(generator);
      }
    }
    return new TableGenerators(List.copyOf(columns), List.copyOf(generators));
  }

  private ColumnGenerator forColumn(TablePlan table, TableColumn column, int depth) {
    String where = "dataset table " + table.spec().name() + ", column " + column.name() + " (" + column.type() + ")";
    String specPath = "dataset.tables[" + table.spec().name() + "].columns." + column.name();
    ColumnSpec spec = table.spec().columns().get(column.name());
    long rows = table.spec().rows();
    long seed = Rng.seed(runSeed, table.spec().name(), column.name());
    if (spec == null) {
      boolean unseededParent = column.references() != null && !column.references().seeded();
      spec = unseededParent ? null : TypeDefaults.specFor(column);
      if (spec == null) {
        return noDefault(table, column, where, specPath, seed);
      }
    }
    ColumnGenerator generator;
    try {
      generator = build(spec, PgTypes.literalKind(column.type()), rows, seed, column.unique(), depth, where);
    } catch (IllegalArgumentException e) {
      throw bad(where, e.getMessage(), "correct " + specPath);
    } catch (ArithmeticException e) {
      throw bad(where, "min..max at this scale do not fit in 64 bits (" + e.getMessage() + ")",
          "narrow min..max or lower scale under " + specPath);
    }
    checkFits(generator, column, where, specPath);
    double nullFraction = spec.nullFraction() == null ? 0 : spec.nullFraction();
    if (nullFraction > 0) {
      if (!column.nullable()) {
        throw bad(where, "nullFraction " + nullFraction + " on a NOT NULL column",
            "remove nullFraction from " + specPath + ", or make the column nullable");
      }
      generator = new NullableGenerator(generator, nullFraction, Rng.seed(seed, "null"));
    }
    return generator;
  }

  private ColumnGenerator noDefault(TablePlan table, TableColumn column, String where, String specPath, long seed) {
    if (column.references() != null) {
      if (column.nullable()) {
        return TypeDefaults.alwaysNull(column.type());
      }
      throw bad(where, "foreign key to a missing table: it references " + column.references().table()
          + ", which the dataset does not seed", "add " + column.references().table()
          + " to dataset.tables (parents are seeded before children), or make the column nullable");
    }
    if (column.hasOtherDefault()) {
      return null; // the server's DEFAULT fills it
    }
    if (column.nullable()) {
      return TypeDefaults.alwaysNull(column.type());
    }
    throw bad(where, "NOT NULL, no default, and no generator for this type",
        "declare one under " + specPath + ", e.g. {generator: constant, value: ...}");
  }

  private ColumnGenerator build(ColumnSpec spec, ValueKind literalKind, long rows, long seed, boolean unique,
      int depth, String where) {
    String g = spec.generator();
    return switch (g) {
      case "sequence" -> {
        long rpv = spec.rowsPerValue() == null ? 1 : spec.rowsPerValue();
        if (unique && rpv > 1) {
          throw new IllegalArgumentException("the column is unique, but rowsPerValue " + rpv + " repeats each value");
        }
        yield new SequenceGenerator(spec.min() == null ? 1 : spec.min(), rpv, rows);
      }
      case "uniform" -> {
        int scale = spec.scale() == null ? 0 : spec.scale();
        if (!unique) {
          yield NumberGenerator.uniform(spec.min(), spec.max(), scale, seed);
        }
        long distinct = NumberGenerator.distinctValues(spec.min(), spec.max(), scale);
        if (distinct < rows) {
          throw notEnough(rows, distinct, "widen min..max, or use {generator: sequence}");
        }
        yield NumberGenerator.permuted(spec.min(), spec.max(), scale, seed);
      }
      case "zipfian" -> {
        if (unique) {
          throw new IllegalArgumentException("the column is unique, but zipfian repeats values by design; "
              + "use uniform or sequence");
        }
        long distinct = NumberGenerator.distinctValues(spec.min(), spec.max(), spec.scale() == null ? 0 : spec.scale());
        if (distinct > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("a zipfian range holds at most " + Integer.MAX_VALUE
              + " values, this one " + distinct);
        }
        yield NumberGenerator.zipfian(spec.min(), spec.max(), spec.scale() == null ? 0 : spec.scale(),
            spec.skew() == null ? 1.0 : spec.skew(), seed);
      }
      case "text" -> {
        int min = spec.length() != null ? spec.length() : spec.minLength() != null ? spec.minLength() : 12;
        int max = spec.length() != null ? spec.length() : spec.maxLength() != null ? spec.maxLength() : Math.max(12, min);
        if (!unique) {
          yield TextGenerator.of(min, max, seed);
        }
        int letters = TextGenerator.suffixLetters(rows);
        if (min < letters) {
          throw new IllegalArgumentException("the column is unique; " + rows + " distinct texts need at least "
              + letters + " characters, but the shortest is " + min);
        }
        yield TextGenerator.unique(min, max, rows, seed);
      }
      case "email" -> new EmailGenerator(
          DatafakerPools.asciiLowercase(DatafakerPools.pool("#{Name.firstName}", poolSize(spec), runSeed)),
          DatafakerPools.asciiLowercase(DatafakerPools.pool("#{Name.lastName}", poolSize(spec), runSeed)), rows, seed);
      case "faker" -> pool(spec.expression(), spec, rows, seed, unique);
      case "timestamp" -> {
        long to = spec.to() != null ? Literal.micros(spec.to()) : ANCHOR.getEpochSecond() * 1_000_000L;
        long from = spec.from() != null ? Literal.micros(spec.from())
            : to - (spec.days() == null ? 365 : spec.days()) * 86_400_000_000L;
        if (!unique) {
          yield TimestampGenerator.recentDenser(from, to, seed);
        }
        if (to - from + 1 < rows) {
          throw notEnough(rows, to - from + 1, "widen from..to");
        }
        yield TimestampGenerator.unique(from, to, seed);
      }
      case "constant" -> {
        if (spec.value() == null) {
          yield new NullGenerator(literalKind); // {generator: constant, nullFraction: 1}
        }
        yield choice(spec, List.of(spec.value()), literalKind, rows, seed, unique);
      }
      case "choice" -> choice(spec, spec.values(), literalKind, rows, seed, unique);
      case "uuid" -> new UuidGenerator(seed);
      case "boolean" -> {
        if (unique && rows > 2) {
          throw notEnough(rows, 2, "a boolean column cannot be unique beyond two rows");
        }
        yield new BooleanGenerator(spec.trueFraction() == null ? 0.5 : spec.trueFraction(), seed);
      }
      case "reference" -> reference(spec, rows, seed, unique, depth);
      case "json" -> {
        if (unique) {
          throw new IllegalArgumentException("the column is unique, but json documents are not made unique");
        }
        yield json(spec.template(), seed, rows, depth, where);
      }
      default -> {
        if (DatafakerPools.NAMED.containsKey(g)) {
          yield pool(DatafakerPools.NAMED.get(g), spec, rows, seed, unique);
        }
        throw new IllegalArgumentException("unknown generator '" + g + "'");
      }
    };
  }

  private static ColumnGenerator choice(ColumnSpec spec, List<String> texts, ValueKind literalKind, long rows,
      long seed, boolean unique) {
    List<Literal> literals = texts.stream().map(t -> Literal.parse(t, literalKind)).toList();
    if (!unique || rows <= 1) {
      return ChoiceGenerator.of(literals, spec.weights(), seed);
    }
    // each distinct value once: a value listed twice must not be drawn twice
    java.util.Map<String, Literal> distinct = new java.util.LinkedHashMap<>();
    for (Literal l : literals) {
      distinct.putIfAbsent(l.kind() + ":" + l.number() + ":" + l.scale() + ":" + l.high() + ":"
          + (l.utf8() == null ? "" : new String(l.utf8(), java.nio.charset.StandardCharsets.UTF_8)), l);
    }
    if (distinct.size() < rows) {
      throw notEnough(rows, distinct.size(), "list more values, or use a generator with a range");
    }
    return ChoiceGenerator.unique(List.copyOf(distinct.values()), seed);
  }

  private static int poolSize(ColumnSpec spec) {
    return spec.pool() == null ? DatafakerPools.DEFAULT_SIZE : spec.pool();
  }

  private ColumnGenerator pool(String expression, ColumnSpec spec, long rows, long seed, boolean unique) {
    PoolGenerator pool = PoolGenerator.uniform(DatafakerPools.pool(expression, poolSize(spec), runSeed), seed);
    return unique ? new SuffixedPoolGenerator(pool, rows) : pool;
  }

  private ColumnGenerator reference(ColumnSpec spec, long rows, long seed, boolean unique, int depth) {
    TablePlan parent = tables.get(spec.table());
    if (parent == null) {
      throw new IllegalArgumentException("foreign key to a missing table: " + spec.table()
          + " is not in the dataset; seeded tables are " + tables.keySet());
    }
    if (depth > MAX_REFERENCE_DEPTH) {
      throw new IllegalArgumentException("references form a cycle through " + spec.table());
    }
    TableColumn parentColumn = parentColumn(parent, spec.column());
    ColumnGenerator values = forColumn(parent, parentColumn, depth + 1);
    if (values == null) {
      throw new IllegalArgumentException("the referenced column " + spec.table() + "." + parentColumn.name()
          + " is filled by the server's DEFAULT, so its values are not known while seeding");
    }
    long parentRows = parent.spec().rows();
    if (!unique) {
      return ReferenceGenerator.skewed(values, parentRows, spec.skew() == null ? 1.0 : spec.skew(), seed);
    }
    if (!values.unique() || rows > parentRows) {
      throw notEnough(rows, values.unique() ? parentRows : 1,
          "a unique foreign key (one-to-one) needs a unique parent column and at least as many parent rows");
    }
    return ReferenceGenerator.oneToOne(values, parentRows, seed);
  }

  private static TableColumn parentColumn(TablePlan parent, String name) {
    if (name != null) {
      return parent.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
          new IllegalArgumentException(parent.spec().name() + " has no column " + name));
    }
    List<TableColumn> keys = parent.columns().stream().filter(TableColumn::primaryKey).toList();
    if (keys.size() != 1) {
      throw new IllegalArgumentException(parent.spec().name() + " has no single-column primary key; "
          + "name the referenced column with column: ...");
    }
    return keys.get(0);
  }

  @SuppressWarnings("unchecked")
  private ColumnGenerator json(Object template, long seed, long rows, int depth, String where) {
    List<JsonGenerator.Part> parts = new ArrayList<>();
    ByteArrayOutputStream literal = new ByteArrayOutputStream();
    compile(template, "", seed, rows, depth, literal, parts);
    if (literal.size() > 0) {
      parts.add(new JsonGenerator.Part(literal.toByteArray(), null));
    }
    return new JsonGenerator(parts);
  }

  private void compile(Object node, String path, long seed, long rows, int depth, ByteArrayOutputStream literal,
      List<JsonGenerator.Part> parts) {
    if (node instanceof ColumnSpec nested) {
      if (literal.size() > 0) {
        parts.add(new JsonGenerator.Part(literal.toByteArray(), null));
        literal.reset();
      }
      ColumnGenerator value = build(nested, ValueKind.TEXT, rows, Rng.seed(seed, path), false, depth, path);
      if (nested.nullFraction() != null && nested.nullFraction() > 0) {
        value = new NullableGenerator(value, nested.nullFraction(), Rng.seed(seed, path, "null"));
      }
      parts.add(new JsonGenerator.Part(null, value));
    } else if (node instanceof Map<?, ?> map) {
      literal.writeBytes(new byte[] {'{'});
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          literal.writeBytes(new byte[] {','});
        }
        first = false;
        literal.writeBytes(render(String.valueOf(e.getKey())));
        literal.writeBytes(new byte[] {':'});
        compile(e.getValue(), path + "/" + e.getKey(), seed, rows, depth, literal, parts);
      }
      literal.writeBytes(new byte[] {'}'});
    } else if (node instanceof List<?> list) {
      literal.writeBytes(new byte[] {'['});
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          literal.writeBytes(new byte[] {','});
        }
        compile(list.get(i), path + "/" + i, seed, rows, depth, literal, parts);
      }
      literal.writeBytes(new byte[] {']'});
    } else {
      literal.writeBytes(render(node));
    }
  }

  private static byte[] render(Object scalar) {
    try {
      return JSON.writeValueAsBytes(scalar);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot render " + scalar + " as JSON: " + e.getMessage(), e);
    }
  }

  /** The generator's values must fit the column: kind, integer range, numeric precision, text length. */
  private static void checkFits(ColumnGenerator g, TableColumn column, String where, String specPath) {
    String fix = "choose a generator that fits " + column.type() + " under " + specPath;
    if (!ColumnCodecs.accepts(column.type(), g.kind())) {
      throw bad(where, "the generator makes " + describe(g.kind()) + " values, which do not fit " + column.type(), fix);
    }
    if (g.kind() == ValueKind.INTEGER && PgTypes.isInteger(column.type())
        && (g.minLong() < PgTypes.minOf(column.type()) || g.maxLong() > PgTypes.maxOf(column.type()))) {
      throw bad(where, "values from " + g.minLong() + " to " + g.maxLong() + " do not fit " + column.type()
          + " (" + PgTypes.minOf(column.type()) + " to " + PgTypes.maxOf(column.type()) + ")",
          "narrow min..max, or widen the column type");
    }
    if (PgTypes.base(column.type()).equals("numeric") && (g.kind() == ValueKind.INTEGER || g.kind() == ValueKind.DECIMAL)) {
      int[] mods = PgTypes.modifiers(column.type());
      if (mods.length >= 1) {
        int integerDigits = mods[0] - (mods.length == 2 ? mods[1] : 0);
        long largest = Math.max(Math.abs(g.minLong() == Long.MIN_VALUE ? Long.MAX_VALUE : g.minLong()),
            Math.abs(g.maxLong())) / NumberGenerator.pow10(g.scale());
        if (integerDigits < 19 && largest >= NumberGenerator.pow10(Math.max(0, integerDigits))) {
          throw bad(where, "values up to " + largest + " need more than the " + integerDigits
              + " integer digits of " + column.type(), "narrow min..max, or widen the column type");
        }
      }
    }
    int limit = PgTypes.maxCharacters(column.type());
    int longest = renderedLength(g);
    if (limit >= 0 && longest > limit) {
      throw bad(where, "values up to " + longest + " characters do not fit " + column.type(),
          "make the generated values at most " + limit + " characters, or widen the column");
    }
  }

  /** The longest text a value of this generator renders to in a text column, or -1 when unknown. */
  private static int renderedLength(ColumnGenerator g) {
    return switch (g.kind()) {
      case TEXT -> g.maxTextLength();
      case UUID -> 36;
      case BOOLEAN -> 5;
      case TIMESTAMP -> 32;
      case INTEGER, DECIMAL -> {
        long widest = Math.max(Math.abs(Math.max(g.minLong(), -Long.MAX_VALUE)), Math.abs(g.maxLong()));
        yield 1 + Long.toString(widest).length() + (g.scale() > 0 ? 2 : 0);
      }
      case JSON -> -1;
    };
  }

  private static String describe(ValueKind kind) {
    return switch (kind) {
      case INTEGER -> "whole-number";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case TEXT -> "text";
      case TIMESTAMP -> "timestamp";
      case UUID -> "UUID";
      case JSON -> "JSON";
    };
  }

  private static IllegalArgumentException notEnough(long rows, long distinct, String fix) {
    return new IllegalArgumentException("the column is unique, but its generator can yield only " + distinct
        + " distinct values for " + rows + " rows; " + fix);
  }

  private static BadInputException bad(String where, String problem, String fix) {
    return new BadInputException(where + ": " + problem + "\n  fix: " + fix);
  }
}
