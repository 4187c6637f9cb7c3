package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.profile.ProfiledSchema.Category;
import dev.rehearsal.harness.profile.ProfiledSchema.Column;
import dev.rehearsal.harness.profile.ProfiledSchema.ForeignKey;
import dev.rehearsal.harness.profile.ProfiledSchema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the chosen tables from the source's catalog: columns (type, NOT NULL, default, identity),
 * constraints with {@code pg_get_constraintdef}, indexes with {@code pg_get_indexdef}, the enums
 * and domains the columns use, triggers and row-level security (which the DDL leaves out and
 * says so). {@link DdlBuilder} writes the DDL from what this reads.
 */
final class SchemaReader {

  /** A constraint as the catalog has it: its table, name, type (p, u, c, f, x), definition and columns. */
  record Constraint(long table, String name, char type, String definition, List<String> columns,
      long parentTable, List<String> parentColumns) {}

  /** A user type a column uses: an enum (labels) or a domain (base type, NOT NULL, checks). */
  record UserType(long oid, String name, char typtype, List<String> labels, String baseType, boolean notNull,
      List<String> checks) {}

  private record RawColumn(long table, int attnum, String name, String type, boolean notNull, String identity,
      boolean generated, String defaultExpr, char typtype, long typeOid, String baseName, boolean extensionType) {}

  private final SourceDatabase db;

  SchemaReader(SourceDatabase db) {
    this.db = db;
  }

  /** The schema of {@code chosen}; {@code notes} receives what the DDL cannot reproduce. */
  ProfiledSchema read(List<TableSelection.Candidate> chosen, List<String> notes) {
    String oids = chosen.stream().map(c -> Long.toString(c.oid())).collect(Collectors.joining(",", "{", "}"));
    Map<Long, TableSelection.Candidate> byOid = new LinkedHashMap<>();
    chosen.forEach(c -> byOid.put(c.oid(), c));
    List<RawColumn> raw = db.query("""
        SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               a.attidentity::text, a.attgenerated::text <> '', pg_get_expr(d.adbin, d.adrelid), t.typtype::text,
               t.oid, coalesce(bt.typname, t.typname),
               EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_type'::regclass AND dep.objid = t.oid
                       AND dep.deptype = 'e')
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ANY (?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum""", rs -> new RawColumn(rs.getLong(1), rs.getInt(2), rs.getString(3),
        rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
        rs.getString(9).charAt(0), rs.getLong(10), rs.getString(11), rs.getBoolean(12)), oids);
    Map<Long, UserType> types = userTypes(raw);
    Map<Long, Map<Integer, String>> attnames = new HashMap<>();
    raw.forEach(c -> attnames.computeIfAbsent(c.table(), k -> new HashMap<>()).put(c.attnum(), c.name()));
    List<Constraint> constraints = constraints(oids, attnames);
    List<Table> tables = new ArrayList<>();
    for (TableSelection.Candidate c : chosen) {
      List<Column> columns = new ArrayList<>();
      for (RawColumn r : raw) {
        if (r.table() == c.oid()) {
          columns.add(column(r, types));
          if (r.extensionType()) {
            notes.add("extension type: " + c.name() + "." + r.name() + " is " + r.type()
                + "; the extension must be installed where the scenario runs, and the column gets no generator");
          }
        }
      }
      List<String> pk = new ArrayList<>();
      Set<String> unique = new LinkedHashSet<>();
      List<ForeignKey> fks = new ArrayList<>();
      for (Constraint k : constraints) {
        if (k.table() != c.oid()) {
          continue;
        }
        if (k.type() == 'p') {
          pk.addAll(k.columns());
        }
        if ((k.type() == 'p' || k.type() == 'u') && k.columns().size() == 1) {
          unique.add(k.columns().get(0));
        }
        if (k.type() == 'f' && k.columns().size() == 1 && byOid.containsKey(k.parentTable())) {
          fks.add(new ForeignKey(k.columns().get(0), byOid.get(k.parentTable()).name(), k.parentColumns().get(0)));
        }
      }
      double reltuples = db.scalar("SELECT reltuples::float8 FROM pg_class WHERE oid = ?", Double.class, c.oid());
      // analyzed = the statistics are there (on a standby pg_stat_all_tables does not say when ANALYZE ran)
      boolean analyzed = db.scalar("SELECT EXISTS (SELECT 1 FROM pg_stats WHERE schemaname = ? AND tablename = ?)",
          Boolean.class, c.schema(), c.relname());
      tables.add(new Table(c.oid(), c.schema(), c.relname(), c.name(), reltuples, analyzed, List.copyOf(columns),
          List.copyOf(pk), Set.copyOf(unique), List.copyOf(fks)));
    }
    String ddl = new DdlBuilder(db, byOid, notes).build(tables, raw.stream().map(RawColumn::defaultExpr).toList(),
        types.values(), constraints, oids);
    return new ProfiledSchema(List.copyOf(tables), ddl, notes);
  }

  private static Column column(RawColumn r, Map<Long, UserType> types) {
    UserType type = types.get(r.typeOid());
    List<String> labels = type != null && type.typtype() == 'e' ? type.labels() : List.of();
    Category category = r.typtype() == 'e' ? Category.ENUM : category(r.baseName());
    return new Column(r.name(), r.type(), r.notNull(), r.identity(), r.generated(), r.defaultExpr(), category, labels);
  }

  static Category category(String typname) {
    return switch (typname) {
      case "int2", "int4", "int8" -> Category.INTEGER;
      case "numeric", "float4", "float8" -> Category.DECIMAL;
      case "bool" -> Category.BOOLEAN;
      case "text", "varchar", "bpchar", "name", "citext" -> Category.TEXT;
      case "timestamp", "timestamptz", "date" -> Category.TIMESTAMP;
      case "uuid" -> Category.UUID;
      case "json", "jsonb" -> Category.JSON;
      default -> Category.OTHER;
    };
  }

  private Map<Long, UserType> userTypes(List<RawColumn> columns) {
    String typeOids = columns.stream().filter(c -> c.typtype() == 'e' || c.typtype() == 'd')
        .map(c -> Long.toString(c.typeOid())).distinct().collect(Collectors.joining(",", "{", "}"));
    Map<Long, UserType> types = new LinkedHashMap<>();
    if (typeOids.equals("{}")) {
      return types;
    }
    db.query("""
        SELECT t.oid, format_type(t.oid, NULL), t.typtype::text,
               (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, t.typnotnull,
               (SELECT array_agg(pg_get_constraintdef(c.oid) ORDER BY c.conname) FROM pg_constraint c
                WHERE c.contypid = t.oid)
        FROM pg_type t WHERE t.oid = ANY (?::oid[]) ORDER BY t.oid""", rs -> {
          types.put(rs.getLong(1), new UserType(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0),
              strings(rs.getArray(4)), rs.getString(5), rs.getBoolean(6), strings(rs.getArray(7))));
          return null;
        }, typeOids);
    return types;
  }

  private List<Constraint> constraints(String oids, Map<Long, Map<Integer, String>> attnames) {
    List<Object[]> rows = db.query("""
        SELECT con.conrelid, con.conname, con.contype::text, pg_get_constraintdef(con.oid), con.conkey,
               con.confrelid, con.confkey,
               (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num)
        FROM pg_constraint con WHERE con.conrelid = ANY (?::oid[])
        ORDER BY con.conrelid, con.contype, con.conname""", rs -> new Object[] {rs.getLong(1), rs.getString(2),
        rs.getString(3).charAt(0), rs.getString(4), rs.getArray(5) == null ? new Short[0] : rs.getArray(5).getArray(),
        rs.getLong(6), strings(rs.getArray(8))}, oids);
    List<Constraint> out = new ArrayList<>();
    for (Object[] r : rows) {
      long table = (Long) r[0];
      List<String> columns = new ArrayList<>();
      for (Object n : (Object[]) r[4]) {
        columns.add(attnames.get(table).get(((Number) n).intValue()));
      }
      @SuppressWarnings("unchecked")
      List<String> parentColumns = (List<String>) r[6];
      out.add(new Constraint(table, (String) r[1], (Character) r[2], (String) r[3], columns, (Long) r[5],
          parentColumns));
    }
    return out;
  }

  static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
