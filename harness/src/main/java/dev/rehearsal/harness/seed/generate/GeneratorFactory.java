package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import dev.rehearsal.scenario.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the dataset's column specs, and the columns the schema really has, into generators —
 * and rejects, before a row is loaded, every combination that could not work: a generator whose
 * values do not fit the column's type, a unique column whose generator cannot yield enough
 * distinct values, a foreign key to a table that is not seeded.
 *
 * <p>Generators keep per-instance scratch state, so each seeding stream asks for its own set with
 * {@link #forTable}; building them is cheap (Datafaker pools are built once and shared).
 *
 * <p>This class decides which spec a column gets (its own, a default for its type, or none when
 * the server fills it), wraps it for NULLs and has {@link ColumnFit} check it against the type;
 * each family of generators is built by its own factory: {@link RangeGeneratorFactory},
 * {@link TextGeneratorFactory}, {@link ChoiceGeneratorFactory}, {@link ReferenceGeneratorFactory}
 * and {@link JsonGeneratorFactory}.
 */
public final class GeneratorFactory {

  /**
   * Timestamps are spread back from this fixed instant rather than from "now", so the same seed
   * gives the same data on any day.
   */
  public static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * A table to seed: its dataset spec, its columns as the server has them, and its composite
   * unique keys (multi-column PRIMARY KEY and UNIQUE constraints, each as its column names in key
   * order, the primary key first), which {@link CompositeKeys} keeps unique.
   */
  public record TablePlan(TableSpec spec, List<TableColumn> columns, List<List<String>> compositeKeys) {

    /** A table with no composite key. */
    public TablePlan(TableSpec spec, List<TableColumn> columns) {
      this(spec, columns, List.of());
    }
  }

  /** A stream's view of a table: the columns COPY names and a generator for each. */
  public record TableGenerators(List<TableColumn> columns, List<ColumnGenerator> generators) {}

  private final long runSeed;
  private final Map<String, TablePlan> tables;
  private final TextGeneratorFactory texts;
  private final ReferenceGeneratorFactory references;
  private final JsonGeneratorFactory documents;
  /** Each table's composite key roles, once worked out (streams build generators side by side). */
  private final Map<String, Map<String, CompositeKeys.Role>> keyRoles = new ConcurrentHashMap<>();

  /** @param tables every seeded table by its dataset name */
  public GeneratorFactory(long runSeed, Map<String, TablePlan> tables) {
    this.runSeed = runSeed;
    this.tables = tables;
    this.texts = new TextGeneratorFactory(runSeed);
    this.references = new ReferenceGeneratorFactory(tables, this);
    this.documents = new JsonGeneratorFactory(this);
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

  /** The generator of {@code column}, or null when the server's DEFAULT fills it. */
  ColumnGenerator forColumn(TablePlan table, TableColumn column, int depth) {
    return forColumn(table, column, depth, roles(table, depth).get(column.name()));
  }

  private Map<String, CompositeKeys.Role> roles(TablePlan table, int depth) {
    if (table.compositeKeys().isEmpty()) {
      return Map.of();
    }
    Map<String, CompositeKeys.Role> roles = keyRoles.get(table.spec().name());
    if (roles == null) {
      // not computeIfAbsent: working the roles out builds parents' generators, which may ask for theirs
      roles = CompositeKeys.roles(table, tables, this, depth);
      keyRoles.putIfAbsent(table.spec().name(), roles);
    }
    return roles;
  }

  /**
   * The generator of {@code column} drawn as its {@code role} in a composite key says (null: as the
   * column alone), or null when the server's DEFAULT fills it.
   */
  ColumnGenerator forColumn(TablePlan table, TableColumn column, int depth, CompositeKeys.Role role) {
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
      generator = build(spec, PgTypes.literalKind(column.type()), role == null ? rows : role.buildRows(), seed,
          column.unique() || (role != null && role.kind() != CompositeKeys.Kind.BY_GROUP), depth);
    } catch (IllegalArgumentException e) {
      if (role != null) {
        throw bad(where, e.getMessage() + "; " + role.explain(column.name()), role.fix(specPath));
      }
      throw bad(where, e.getMessage(), "correct " + specPath);
    } catch (ArithmeticException e) {
      throw bad(where, "min..max at this scale do not fit in 64 bits (" + e.getMessage() + ")",
          "narrow min..max or lower scale under " + specPath);
    }
    ColumnFit.check(generator, column, where, specPath);
    if (role != null) {
      generator = switch (role.kind()) {
        case PARENT, BY_GROUP -> GroupedGenerator.byGroup(generator, role.fanout());
        case POSITION -> GroupedGenerator.byPosition(generator, role.fanout());
        case UNIQUE -> generator;
      };
    }
    double nullFraction = spec.nullFraction() == null ? 0 : spec.nullFraction();
    if (nullFraction > 0) {
      if (!column.nullable()) {
        throw bad(where, "nullFraction " + nullFraction + " on a NOT NULL column",
            "remove nullFraction from " + specPath + ", or make the column nullable");
      }
      if (!(generator instanceof HistogramGenerator)) { // a histogram places its NULLs itself, exactly
        generator = new NullableGenerator(generator, nullFraction, Rng.seed(seed, "null"));
      }
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

  /** Builds {@code spec}'s generator; a spec that cannot work here is an IllegalArgumentException. */
  ColumnGenerator build(ColumnSpec spec, ValueKind literalKind, long rows, long seed, boolean unique,
      int depth) {
    String g = spec.generator();
    return switch (g) {
      case "sequence" -> RangeGeneratorFactory.sequence(spec, rows, unique);
      case "uniform" -> RangeGeneratorFactory.uniform(spec, rows, seed, unique);
      case "zipfian" -> RangeGeneratorFactory.zipfian(spec, seed, unique);
      case "text" -> TextGeneratorFactory.text(spec, rows, seed, unique);
      case "email" -> texts.email(spec, rows, seed);
      case "faker" -> texts.pool(spec.expression(), spec, rows, seed, unique);
      case "timestamp" -> RangeGeneratorFactory.timestamp(spec, rows, seed, unique);
      case "constant" -> ChoiceGeneratorFactory.constant(spec, literalKind, rows, seed, unique);
      case "choice" -> ChoiceGeneratorFactory.choice(spec, spec.values(), literalKind, rows, seed, unique);
      case "uuid" -> new UuidGenerator(seed);
      case "boolean" -> ChoiceGeneratorFactory.bool(spec, rows, seed, unique);
      case "reference" -> references.reference(spec, rows, seed, unique, depth);
      case "json" -> documents.json(spec, seed, rows, unique, depth);
      case "histogram" -> HistogramGenerator.of(spec, literalKind, rows, seed, unique);
      default -> {
        if (DatafakerPools.NAMED.containsKey(g)) {
          yield texts.pool(DatafakerPools.NAMED.get(g), spec, rows, seed, unique);
        }
        throw new IllegalArgumentException("unknown generator '" + g + "'");
      }
    };
  }

  static IllegalArgumentException notEnough(long rows, long distinct, String fix) {
    return new IllegalArgumentException("the column is unique, but its generator can yield only " + distinct
        + " distinct values for " + rows + " rows; " + fix);
  }

  static BadInputException bad(String where, String problem, String fix) {
    return new BadInputException(where + ": " + problem + "\n  fix: " + fix);
  }
}
