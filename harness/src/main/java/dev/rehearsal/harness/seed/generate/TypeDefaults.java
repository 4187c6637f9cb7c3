package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator a column gets when the scenario names none, from its type and constraints — so
 * a bare schema seeds with no configuration: keys count up, foreign keys point at existing
 * parents, numbers, text and times look plausible, unique columns stay unique.
 */
final class TypeDefaults {

  private TypeDefaults() {}

  /** A spec for the column, or null when it has no sensible default (the caller decides). */
  static ColumnSpec specFor(TableColumn column) {
    if (column.references() != null && column.references().seeded()) {
      return spec("reference", m -> {
        m.table = column.references().table();
        m.column = column.references().column();
      });
    }
    String type = PgTypes.base(column.type());
    boolean key = column.primaryKey() || column.hasSequenceDefault() || column.unique();
    switch (type) {
      case "smallint", "integer", "bigint":
        if (key) {
          return spec("sequence", m -> { });
        }
        return spec("uniform", m -> {
          m.min = 0L;
          m.max = type.equals("smallint") ? 1_000L : 1_000_000L;
        });
      case "numeric", "real", "double precision": {
        int[] mods = PgTypes.modifiers(column.type());
        int columnScale = mods.length == 2 ? mods[1] : (mods.length == 1 ? 0 : 2);
        int integerDigits = mods.length >= 1 ? mods[0] - columnScale : 5;
        // up to 10,000 where the precision allows, with at most 6 decimals: realistic, and far from overflow
        long max = integerDigits >= 5 ? 10_000L : Math.max(0, NumberGenerator.pow10(Math.max(0, integerDigits)) - 1);
        int scale = Math.max(0, Math.min(columnScale, 6));
        return spec("uniform", m -> {
          m.min = 0L;
          m.max = max;
          m.scale = scale;
        });
      }
      case "text", "character varying", "character": {
        int limit = PgTypes.maxCharacters(column.type());
        if (type.equals("character")) {
          return spec("text", m -> m.length = limit);
        }
        int maxLength = limit < 0 ? 20 : Math.min(limit, 20);
        return spec("text", m -> {
          m.minLength = Math.min(5, maxLength);
          m.maxLength = maxLength;
        });
      }
      case "boolean":
        return spec("boolean", m -> { });
      case "timestamp without time zone", "timestamp with time zone", "date":
        return spec("timestamp", m -> { });
      case "uuid":
        return spec("uuid", m -> { });
      case "json", "jsonb":
        return spec("json", m -> {
          Map<String, Object> template = new LinkedHashMap<>();
          template.put("n", spec("uniform", n -> {
            n.min = 0L;
            n.max = 1000L;
          }));
          template.put("tag", spec("choice", n -> n.values = List.of("red", "green", "blue")));
          m.template = template;
        });
      default:
        return null;
    }
  }

  /** Mutable stand-in for the record's many fields, so each default names only what it sets. */
  private static final class Fields {
    Long min;
    Long max;
    Integer scale;
    Integer length;
    Integer minLength;
    Integer maxLength;
    List<String> values;
    String table;
    String column;
    Object template;
  }

  private static ColumnSpec spec(String generator, java.util.function.Consumer<Fields> set) {
    Fields f = new Fields();
    set.accept(f);
    return new ColumnSpec(generator, f.min, f.max, null, f.scale, null, f.length, f.minLength, f.maxLength,
        null, null, null, f.values, null, null, null, null, null, f.table, f.column, f.template, null);
  }

  /** For columns with no default generator: NULL if allowed. */
  static ColumnGenerator alwaysNull(String type) {
    return new NullGenerator(PgTypes.literalKind(type));
  }
}
