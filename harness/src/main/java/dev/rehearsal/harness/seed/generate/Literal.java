package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A value written in a scenario ({@code constant}, {@code choice}), parsed once into the kind its
 * column takes: {@code 0} into an integer column is the number 0, not the text "0".
 */
record Literal(ValueKind kind, long number, int scale, byte[] utf8, long high) {

  void write(FieldWriter out) {
    switch (kind) {
      case INTEGER -> out.writeLong(number);
      case DECIMAL -> out.writeDecimal(number, scale);
      case BOOLEAN -> out.writeBoolean(number != 0);
      case TIMESTAMP -> out.writeTimestampMicros(number);
      case UUID -> out.writeUuid(high, number);
      case JSON -> out.writeJson(utf8, 0, utf8.length);
      case TEXT -> out.writeText(utf8, 0, utf8.length);
    }
  }

  int characters() {
    return utf8 == null ? -1 : Utf8.characters(utf8);
  }

  /** Parses {@code text} as {@code kind}; IllegalArgumentException says what was expected. */
  static Literal parse(String text, ValueKind kind) {
    String t = text.trim();
    try {
      return switch (kind) {
        case INTEGER -> new Literal(kind, Long.parseLong(t), 0, null, 0);
        case DECIMAL -> {
          BigDecimal d = new BigDecimal(t);
          int scale = Math.max(0, d.scale());
          yield new Literal(kind, d.setScale(scale).unscaledValue().longValueExact(), scale, null, 0);
        }
        case BOOLEAN -> new Literal(kind, bool(t) ? 1 : 0, 0, null, 0);
        case TIMESTAMP -> new Literal(kind, micros(t), 0, null, 0);
        case UUID -> {
          UUID u = UUID.fromString(t);
          yield new Literal(kind, u.getLeastSignificantBits(), 0, null, u.getMostSignificantBits());
        }
        case JSON, TEXT -> new Literal(kind, 0, 0, Utf8.bytes(text), 0);
      };
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + describe(kind));
    }
  }

  private static String describe(ValueKind kind) {
    return switch (kind) {
      case INTEGER -> "a whole number";
      case DECIMAL -> "a decimal number";
      case BOOLEAN -> "true or false";
      case TIMESTAMP -> "a date or timestamp (2025-01-31, 2025-01-31T10:00:00Z)";
      case UUID -> "a UUID";
      case JSON, TEXT -> "text";
    };
  }

  private static boolean bool(String t) {
    return switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "t", "yes", "on", "1" -> true;
      case "false", "f", "no", "off", "0" -> false;
      default -> throw new NumberFormatException(t);
    };
  }

  /** ISO instant, ISO local date-time (taken as UTC), or ISO date (midnight UTC). */
  static long micros(String t) {
    Instant instant;
    if (t.length() == 10) {
      instant = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
      instant = java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
    } else {
      instant = LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
