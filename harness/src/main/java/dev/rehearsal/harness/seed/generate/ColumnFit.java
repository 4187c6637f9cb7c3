package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.bad;

import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.ColumnCodecs;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * Checks, before a row is loaded, that a column's generator makes values its type can hold:
 * the kind of value, an integer type's range, a numeric's integer digits and a character
 * type's length. The generators describe their values (kind, lowest, highest, longest) without
 * making any, so a value that would fail in the middle of COPY is refused up front, with the
 * column and the fix named.
 */
final class ColumnFit {

  private ColumnFit() {}

  /** The generator's values must fit the column: kind, integer range, numeric precision, text length. */
  static void check(ColumnGenerator g, TableColumn column, String where, String specPath) {
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
}
