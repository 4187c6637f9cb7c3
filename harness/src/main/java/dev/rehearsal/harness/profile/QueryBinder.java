package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.profile.ProfiledSchema.Category;
import dev.rehearsal.harness.profile.ProfiledSchema.Column;
import dev.rehearsal.harness.profile.ProfiledSchema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized statement ({@code $1}, {@code $2} for its constants) made into an operation: each
 * {@code $n} is bound to a param drawn like the column it is compared with or assigned to (the
 * table's own key as {@code existingKey}, or {@code newKey} when inserted; a foreign key as an
 * existing key of its parent, {@code zipfian} with the fitted skew when the column's top share is
 * skewed; common values with their weights; the column's range), and written
 * {@code :pN::type} so it is bound with the column's type. {@code LIMIT}/{@code OFFSET} and
 * arithmetic constants, whose values pg_stat_statements does not keep, are bound to 20, 0 and 1
 * and said so. A statement it cannot bind is skipped, with the reason.
 */
final class QueryBinder {

  /** A bound operation, or the reason it was skipped. */
  record Bound(String sql, Map<String, Object> params, String ledger, List<String> guesses, String skipped) {
    static Bound skip(String reason) {
      return new Bound(null, null, null, List.of(), reason);
    }
  }

  private static final String IDENT = "(?:\"[^\"]+\"|[A-Za-z_][\\w$]*)";
  private static final Pattern TABLES = Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+(" + IDENT + "(?:\\."
      + IDENT + ")?)(?:\\s+(?:as\\s+)?(?!(?:where|set|on|join|inner|left|right|full|cross|values|using|order|group"
      + "|limit|returning|select|natural)\\b)(" + IDENT + "))?");
  private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");
  private static final String OPS = "(?:=|<>|!=|<=|>=|<|>|~~\\*?|!~~\\*?|(?:NOT\\s+)?I?LIKE|(?:NOT\\s+)?IN\\s*\\(|"
      + "=\\s*ANY\\s*\\(|BETWEEN|BETWEEN\\s+\\$\\d+\\s+AND)";
  private static final Pattern WRITE = Pattern.compile("(?is)^\\s*(insert\\s+into|update|delete\\s+from)\\s+("
      + IDENT + "(?:\\." + IDENT + ")?)");

  /**
   * The least fitted skew written as {@code zipfian}: below it, a key's hottest value is no hotter
   * than chance leaves one of a uniform key's (the top of a few thousand parents with a handful of
   * children each fits about 0.1 to 0.25).
   */
  static final double MIN_SKEW = 0.3;

  private final ProfiledSchema schema;
  private final Map<String, Map<String, ColumnPlan>> plans;
  private final Map<String, Long> rows;

  /** @param plans per table name, per column: what the dataset made of it; rows as the planner estimates them */
  QueryBinder(ProfiledSchema schema, Map<String, Map<String, ColumnPlan>> plans) {
    this(schema, plans, plannerRows(schema));
  }

  /**
   * @param plans per table name, per column: what the dataset made of it
   * @param rows per table name, the rows seeded (the keys an {@code existingKey} draws from)
   */
  QueryBinder(ProfiledSchema schema, Map<String, Map<String, ColumnPlan>> plans, Map<String, Long> rows) {
    this.schema = schema;
    this.plans = plans;
    this.rows = rows;
  }

  private static Map<String, Long> plannerRows(ProfiledSchema schema) {
    Map<String, Long> out = new LinkedHashMap<>();
    schema.tables().forEach(t -> out.put(t.name(), Math.max(0, Math.round(t.reltuples()))));
    return out;
  }

  /** One $n resolved: its param and the cast written after it, or why the statement is skipped. */
  private record Resolved(Object param, String cast, String skipped) {}

  Bound bind(String query) {
    String q = query.strip();
    String verb = q.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (!List.of("select", "insert", "update", "delete", "with").contains(verb)) {
      return Bound.skip("not a query or a write (" + verb.toUpperCase(Locale.ROOT) + ")");
    }
    if (q.matches("(?is).*\\b(pg_catalog|pg_stat\\w*|pg_class|pg_stats|information_schema|pg_database)\\b.*")) {
      return Bound.skip("reads the system catalogs (a monitoring or tool query)");
    }
    Map<String, Table> aliases = aliases(q);
    if (aliases.isEmpty()) {
      return Bound.skip("touches no profiled table");
    }
    Matcher w = WRITE.matcher(q);
    Table written = w.find() ? lookup(unquote(w.group(2))).orElse(null) : null;
    boolean insert = verb.equals("insert");
    Map<Integer, String> insertColumns = insert ? insertColumns(q) : Map.of();
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, String> casts = new LinkedHashMap<>();
    List<String> guesses = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    Matcher p = PARAM.matcher(q);
    int last = 0;
    while (p.find()) {
      int n = Integer.parseInt(p.group(1));
      String name = "p" + n;
      if (!params.containsKey(name)) { // a repeated $n keeps the param and cast of its first use
        String[] target = target(q.substring(0, p.start()), q.substring(p.end()), insertColumns.get(n), written);
        Resolved r = target == null ? guess(q.substring(0, p.start()), n, guesses)
            : column(target, n, aliases, written, insert);
        if (r.skipped() != null) {
          return Bound.skip(r.skipped());
        }
        params.put(name, r.param());
        casts.put(name, r.cast());
      }
      sql.append(q, last, p.start()).append(':').append(name).append(casts.get(name));
      last = p.end();
    }
    sql.append(q.substring(last));
    return new Bound(sql.toString(), params, ledger(q, written), guesses, null);
  }

  /** The profiled tables the statement names, by name, bare name and alias. */
  private Map<String, Table> aliases(String q) {
    Map<String, Table> aliases = new LinkedHashMap<>();
    Matcher t = TABLES.matcher(q);
    while (t.find()) {
      Optional<Table> table = lookup(unquote(t.group(1)));
      if (table.isPresent()) {
        aliases.put(unquote(t.group(1)), table.get());
        aliases.put(table.get().relname(), table.get());
        if (t.group(2) != null) {
          aliases.put(unquote(t.group(2)), table.get());
        }
      }
    }
    return aliases;
  }

  /** A $n compared with no column: LIMIT, OFFSET and arithmetic get a stated guess; anything else skips. */
  private static Resolved guess(String before, int n, List<String> guesses) {
    String lower = before.toLowerCase(Locale.ROOT).stripTrailing();
    if (lower.endsWith("limit") || lower.endsWith("offset")) {
      boolean limit = lower.endsWith("limit");
      guesses.add("$" + n + " (" + (limit ? "LIMIT" : "OFFSET") + ") bound to " + (limit ? 20 : 0));
      return new Resolved(YamlMaps.of("kind", "choice", "values", List.of(limit ? 20 : 0)), "", null);
    }
    if (lower.matches("(?s).*[-+*/]$")) {
      guesses.add("$" + n + " (arithmetic) bound to 1");
      return new Resolved(YamlMaps.of("kind", "choice", "values", List.of(1)), "", null);
    }
    return new Resolved(null, null, "cannot tell which column $" + n + " is compared with");
  }

  /** A $n compared with or assigned to {alias, column}: the column's param, cast to its type. */
  private Resolved column(String[] target, int n, Map<String, Table> aliases, Table written, boolean insert) {
    Optional<Table> owner = owner(aliases.getOrDefault(target[0], written), target[1], aliases);
    if (owner.isEmpty()) {
      return new Resolved(null, null, "$" + n + " is compared with " + target[1]
          + ", not a column of a profiled table");
    }
    Column column = owner.get().column(target[1]).orElseThrow();
    Object param = param(owner.get(), column, insert && owner.get() == written);
    if (param == null) {
      return new Resolved(null, null, "$" + n + " is compared with " + owner.get().name() + "." + column.name()
          + " (" + column.type() + "), which no param kind can draw");
    }
    return new Resolved(param, "::" + column.type(), null);
  }

  /** {alias or table, column} that the param at this position is compared with or assigned to, or null. */
  private static String[] target(String before, String after, String insertColumn, Table written) {
    if (insertColumn != null) {
      return new String[] {written == null ? "" : written.relname(), insertColumn};
    }
    Matcher m = Pattern.compile("(?is)(?:(" + IDENT + ")\\.)?(" + IDENT + ")\\s*(?:" + OPS + ")\\s*$").matcher(before);
    if (m.find()) {
      return new String[] {m.group(1) == null ? "" : unquote(m.group(1)), unquote(m.group(2))};
    }
    Matcher r = Pattern.compile("(?is)^\\s*(?:=|<>|!=|<=|>=|<|>)\\s*(?:(" + IDENT + ")\\.)?(" + IDENT + ")")
        .matcher(after);
    if (r.find() && !r.group(2).startsWith("$")) {
      return new String[] {r.group(1) == null ? "" : unquote(r.group(1)), unquote(r.group(2))};
    }
    return null;
  }

  /** The table among those the statement names that has this column (its alias's first). */
  private static Optional<Table> owner(Table preferred, String column, Map<String, Table> aliases) {
    if (preferred != null && preferred.column(column).isPresent()) {
      return Optional.of(preferred);
    }
    return aliases.values().stream().filter(t -> t.column(column).isPresent()).findFirst();
  }

  /** INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4): param number to column. */
  private static Map<Integer, String> insertColumns(String q) {
    Matcher m = Pattern.compile("(?is)^\\s*insert\\s+into\\s+\\S+\\s*\\(([^)]*)\\)\\s*values\\s*(.*)$").matcher(q);
    Map<Integer, String> out = new LinkedHashMap<>();
    if (!m.find()) {
      return out;
    }
    String[] columns = m.group(1).split(",");
    Matcher tuple = Pattern.compile("\\(([^()]*)\\)").matcher(m.group(2));
    while (tuple.find()) {
      String[] items = tuple.group(1).split(",");
      for (int i = 0; i < items.length && i < columns.length; i++) {
        Matcher p = Pattern.compile("^\\s*\\$(\\d+)\\s*$").matcher(items[i]);
        if (p.find()) {
          out.put(Integer.parseInt(p.group(1)), unquote(columns[i].strip()));
        }
      }
    }
    return out;
  }

  /** The param a value compared with {@code column} of {@code table} is drawn from, or null. */
  private Object param(Table table, Column column, boolean inserted) {
    ColumnPlan plan = plans.getOrDefault(table.name(), Map.of()).get(column.name());
    boolean keyKind = column.category() == Category.INTEGER || column.category() == Category.TEXT
        || column.category() == Category.UUID;
    if (table.singleKey().filter(column.name()::equals).isPresent() && keyKind && !column.type().startsWith("character(")) {
      return inserted ? YamlMaps.of("kind", "newKey", "table", table.name()) : existingKey(table, plan);
    }
    Optional<ProfiledSchema.ForeignKey> fk = table.foreignKey(column.name());
    if (fk.isPresent() && keyKind) {
      Table parent = schema.table(fk.get().parent()).orElseThrow();
      if (parent.singleKey().filter(fk.get().parentColumn()::equals).isPresent()) {
        return existingKey(parent, plan);
      }
    }
    if (plan == null) {
      return null;
    }
    double covered = plan.weights().stream().mapToDouble(Double::doubleValue).sum();
    if (!plan.commonValues().isEmpty() && (covered > 0.5 || column.category() == Category.TEXT
        || column.category() == Category.ENUM || column.category() == Category.BOOLEAN)) {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("kind", "choice");
      choice.put("values", plan.commonValues());
      if (plan.weights().size() == plan.commonValues().size()) {
        choice.put("weights", plan.weights());
      }
      return choice;
    }
    return switch (column.category()) {
      case INTEGER, DECIMAL -> plan.low() == null ? null : YamlMaps.of("kind", "uniform",
          "min", (long) Math.floor(Double.parseDouble(plan.low())), "max", (long) Math.ceil(Double.parseDouble(plan.high())));
      case TIMESTAMP -> plan.low() == null ? null : YamlMaps.of("kind", "choice", "values", timestamps(plan));
      case TEXT -> YamlMaps.of("kind", "text", "length", Math.max(1, plan.textLength()));
      default -> null;
    };
  }

  /**
   * An existing key of {@code keys}: uniform, or {@code zipfian} with the skew under which the
   * hottest key takes the compared column's top share (of its non-NULL rows) when that skew is at
   * least {@link #MIN_SKEW}: a reference's fitted skew as it is, else fitted to the most common
   * value's weight among the keys seeded. A unique column (the table's own key) has no common
   * value, so it stays uniform.
   */
  private Map<String, Object> existingKey(Table keys, ColumnPlan compared) {
    double skew = compared == null ? 0 : measuredSkew(compared, rows.getOrDefault(keys.name(), 0L));
    if (skew < MIN_SKEW) {
      return YamlMaps.of("kind", "existingKey", "table", keys.name());
    }
    return YamlMaps.of("kind", "existingKey", "table", keys.name(), "distribution", "zipfian", "skew", skew);
  }

  static double measuredSkew(ColumnPlan compared, long keys) {
    if (compared.spec() != null && compared.spec().get("skew") instanceof Number fitted) {
      return fitted.doubleValue();
    }
    double top = compared.weights().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return Math.round(ZipfFit.skew(keys, top) * 1000) / 1000.0;
  }

  private static List<String> timestamps(ColumnPlan plan) {
    Object bounds = plan.spec() == null ? null : plan.spec().get("bounds");
    if (bounds instanceof List<?> list && list.size() > 2) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i += Math.max(1, list.size() / 10)) {
        out.add((String) list.get(i));
      }
      return out;
    }
    return List.of(plan.low(), plan.high());
  }

  /** The table to ledger: a write returning plain columns of its table, its single-column key first. */
  private static String ledger(String q, Table written) {
    if (written == null || written.singleKey().isEmpty()) {
      return null;
    }
    Matcher r = Pattern.compile("(?is)\\breturning\\s+(.+)$").matcher(q);
    if (!r.find()) {
      return null;
    }
    String[] items = r.group(1).strip().split("\\s*,\\s*");
    if (!unquote(items[0]).equals(written.singleKey().get())) {
      return null;
    }
    for (String item : items) {
      if (written.column(unquote(item.strip())).isEmpty()) {
        return null;
      }
    }
    Column key = written.column(written.singleKey().get()).orElseThrow();
    boolean keyKind = key.category() == Category.INTEGER || key.category() == Category.TEXT
        || key.category() == Category.UUID;
    return keyKind ? written.name() : null;
  }

  private static String unquote(String identifier) {
    String s = identifier.strip();
    if (s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s.toLowerCase(Locale.ROOT); // unquoted identifiers fold to lower case
  }

  /** A profiled table by the name a statement uses: as the DDL writes it, bare, or schema-qualified. */
  private Optional<Table> lookup(String name) {
    Optional<Table> table = schema.table(name);
    int dot = name.lastIndexOf('.');
    return table.isPresent() || dot < 0 ? table : schema.table(name.substring(dot + 1));
  }
}
