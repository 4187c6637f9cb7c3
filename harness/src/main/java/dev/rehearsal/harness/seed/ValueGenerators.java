package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.ColumnSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Builds a {@link ValueGenerator} for a column, from its declared generator or, when it has
 * none, from its type — so a bare schema seeds with no extra configuration.
 */
final class ValueGenerators {

  /**
   * Timestamps are spread back from this fixed instant rather than from "now", so the same seed
   * gives the same data on any day.
   */
  static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] FIRST_NAMES = {"Ada", "Alan", "Barbara", "Carmen", "Dmitri", "Edsger",
      "Fatima", "Grace", "Hiro", "Ines", "Jamal", "Katarzyna", "Linus", "Margaret", "Nadia", "Oleg",
      "Priya", "Quentin", "Rosa", "Sven", "Tanvir", "Ursula", "Viktor", "Wen", "Xavier", "Yuki", "Zofia"};
  private static final String[] LAST_NAMES = {"Lovelace", "Turing", "Liskov", "Hopper", "Dijkstra",
      "Hamilton", "Knuth", "Torvalds", "Ritchie", "Kernighan", "Stonebraker", "Codd", "Gray", "Lamport",
      "Wirth", "Backus", "Allen", "Goldberg", "Perlman", "Thompson", "Mahmoud", "Okafor", "Nguyen", "Silva"};
  private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net", "corp.example"};

  private ValueGenerators() {}

  static ValueGenerator of(String table, TableColumn column, ColumnSpec spec) {
    ValueGenerator base = spec == null ? byType(table, column) : declared(column, spec);
    double nullFraction = spec == null || spec.nullFraction() == null ? 0 : spec.nullFraction();
    if (nullFraction <= 0) {
      return base;
    }
    return (row, random) -> random.nextDouble() < nullFraction ? null : base.value(row, random);
  }

  private static ValueGenerator declared(TableColumn column, ColumnSpec spec) {
    switch (spec.generator()) {
      case "sequence":
        return (row, random) -> Long.toString(row);
      case "uniform":
        return uniform(spec.min(), spec.max());
      case "text":
        return text(spec.length() == null ? 12 : spec.length());
      case "email":
        return ValueGenerators::email;
      case "name":
        return (row, random) -> FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
            + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
      case "timestamp":
        return timestamp(spec.days() == null ? 365 : spec.days());
      case "choice": {
        List<String> values = spec.values().stream().map(CopyText::escape).toList();
        return (row, random) -> values.get(random.nextInt(values.size()));
      }
      case "constant": {
        String value = CopyText.escape(spec.value());
        return (row, random) -> value;
      }
      default:
        throw new BadInputException("column " + column.name() + ": unknown generator " + spec.generator());
    }
  }

  /** A sensible value for the type: keys count up, numbers and text are random, times recent. */
  private static ValueGenerator byType(String table, TableColumn column) {
    String type = column.type().toLowerCase(Locale.ROOT);
    boolean key = column.primaryKey() || column.hasSequenceDefault();
    if (type.equals("bigint") || type.equals("integer") || type.equals("smallint")) {
      if (key) {
        return (row, random) -> Long.toString(row);
      }
      return uniform(0L, type.equals("smallint") ? 32_767L : 1_000_000L);
    }
    if (type.startsWith("numeric") || type.equals("real") || type.equals("double precision")) {
      return (row, random) -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 10_000);
    }
    if (type.equals("text")) {
      return text(12);
    }
    if (type.startsWith("character varying") || type.startsWith("character(") || type.equals("character")) {
      return text(Math.min(12, declaredLength(type, 12)));
    }
    if (type.equals("boolean")) {
      return (row, random) -> random.nextBoolean() ? "t" : "f";
    }
    if (type.startsWith("timestamp") || type.equals("date")) {
      return timestamp(365);
    }
    if (type.equals("uuid")) {
      return (row, random) -> new UUID(random.nextLong(), random.nextLong()).toString();
    }
    if (type.equals("jsonb") || type.equals("json")) {
      return (row, random) -> "{\"n\": " + random.nextInt(1000) + "}";
    }
    if (column.nullable()) {
      return (row, random) -> null;
    }
    throw new BadInputException("table " + table + ", column " + column.name() + " (" + column.type()
        + ", NOT NULL): no default generator for this type\n"
        + "  fix: declare one under dataset.tables[" + table + "].columns." + column.name()
        + ", e.g. {generator: constant, value: ...}");
  }

  private static int declaredLength(String type, int fallback) {
    int open = type.indexOf('(');
    int close = type.indexOf(')');
    if (open < 0 || close < open) {
      return fallback;
    }
    return Integer.parseInt(type.substring(open + 1, close).trim());
  }

  private static ValueGenerator uniform(long min, long max) {
    long bound = max - min + 1;
    return (row, random) -> Long.toString(min + random.nextLong(bound));
  }

  private static ValueGenerator text(int length) {
    return (row, random) -> {
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = (char) ('a' + random.nextInt(26));
      }
      return new String(chars);
    };
  }

  /** Unique by construction: the row number is part of the address. */
  private static String email(long row, SplittableRandom random) {
    return FIRST_NAMES[(int) (row % FIRST_NAMES.length)].toLowerCase(Locale.ROOT) + "."
        + LAST_NAMES[(int) ((row / FIRST_NAMES.length) % LAST_NAMES.length)].toLowerCase(Locale.ROOT)
        + row + "@" + DOMAINS[(int) (row % DOMAINS.length)];
  }

  /** Within the last {@code days} days before the anchor; u^2 makes recent times denser. */
  private static ValueGenerator timestamp(int days) {
    long spanSeconds = days * 86_400L;
    return (row, random) -> {
      double u = random.nextDouble();
      long back = (long) (u * u * spanSeconds);
      return TIMESTAMP.format(ANCHOR.minusSeconds(back));
    };
  }
}
