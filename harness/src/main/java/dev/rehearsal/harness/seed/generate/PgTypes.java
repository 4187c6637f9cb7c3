package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.Locale;

/** What the seeder needs to know about a column type as {@code format_type} prints it. */
final class PgTypes {

  private PgTypes() {}

  static String base(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    int paren = t.indexOf('(');
    if (paren < 0) {
      return t;
    }
    int close = t.indexOf(')', paren);
    return (t.substring(0, paren) + (close < 0 ? "" : t.substring(close + 1))).trim();
  }

  /** The kind a literal written for this column ({@code constant}, {@code choice}) is read as. */
  static ValueKind literalKind(String type) {
    return switch (base(type)) {
      case "smallint", "integer", "bigint" -> ValueKind.INTEGER;
      case "numeric", "real", "double precision" -> ValueKind.DECIMAL;
      case "boolean" -> ValueKind.BOOLEAN;
      case "timestamp without time zone", "timestamp with time zone", "date" -> ValueKind.TIMESTAMP;
      case "uuid" -> ValueKind.UUID;
      case "json", "jsonb" -> ValueKind.JSON;
      default -> ValueKind.TEXT;
    };
  }

  static boolean isInteger(String type) {
    return literalKind(type) == ValueKind.INTEGER;
  }

  /** Inclusive bounds of an integer type. */
  static long minOf(String type) {
    return switch (base(type)) {
      case "smallint" -> Short.MIN_VALUE;
      case "integer" -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  static long maxOf(String type) {
    return switch (base(type)) {
      case "smallint" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  /** The n of varchar(n) / char(n), or -1 when the type has no length limit. */
  static int maxCharacters(String type) {
    String b = base(type);
    if (!b.equals("character varying") && !b.equals("character")) {
      return -1;
    }
    int[] mods = modifiers(type);
    return mods.length == 0 ? (b.equals("character") ? 1 : -1) : mods[0];
  }

  /** numeric(p, s) as {p, s}; an unconstrained numeric gives an empty array. */
  static int[] modifiers(String type) {
    int open = type.indexOf('(');
    int close = type.indexOf(')');
    if (open < 0 || close < open) {
      return new int[0];
    }
    String[] parts = type.substring(open + 1, close).split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i].trim());
    }
    return out;
  }
}
