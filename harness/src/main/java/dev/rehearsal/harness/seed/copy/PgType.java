package dev.rehearsal.harness.seed.copy;

import static dev.rehearsal.harness.seed.copy.ValueKind.BOOLEAN;
import static dev.rehearsal.harness.seed.copy.ValueKind.DECIMAL;
import static dev.rehearsal.harness.seed.copy.ValueKind.INTEGER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The column type families this package knows how to encode, recognised from the text
 * {@code format_type(atttypid, atttypmod)} prints. Anything not recognised is {@link #OTHER}:
 * sent as text for the server to parse, so an unknown type never fails here, only (with the
 * server's own message) at load time.
 */
enum PgType {
  INT2(true, EnumSet.of(INTEGER)),
  INT4(true, EnumSet.of(INTEGER)),
  INT8(true, EnumSet.of(INTEGER)),
  NUMERIC(true, EnumSet.of(INTEGER, DECIMAL)),
  FLOAT4(true, EnumSet.of(INTEGER, DECIMAL)),
  FLOAT8(true, EnumSet.of(INTEGER, DECIMAL)),
  /** text, character varying(n), character(n): every kind, rendered as text */
  TEXT(true, EnumSet.allOf(ValueKind.class)),
  BOOL(true, EnumSet.of(BOOLEAN)),
  TIMESTAMP(true, EnumSet.of(ValueKind.TIMESTAMP)),
  TIMESTAMPTZ(true, EnumSet.of(ValueKind.TIMESTAMP)),
  DATE(true, EnumSet.of(ValueKind.TIMESTAMP)),
  UUID(true, EnumSet.of(ValueKind.UUID)),
  JSON(true, EnumSet.of(ValueKind.JSON)),
  JSONB(true, EnumSet.of(ValueKind.JSON)),
  /** inet, interval, enums, arrays, domains, citext...: text format only, the server parses */
  OTHER(false, EnumSet.allOf(ValueKind.class));

  /** A type modifier such as (12,2), (40) or (3), wherever it appears ("timestamp(3) with ..."). */
  private static final Pattern TYPMOD = Pattern.compile("\\s*\\(\\s*\\d+\\s*(,\\s*-?\\d+\\s*)?\\)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * format_type's names, plus the common aliases a scenario author might write; an alias
   * missing here only costs the binary format (OTHER is always correct, just slower).
   */
  private static final Map<String, PgType> NAMES = Map.ofEntries(
      Map.entry("smallint", INT2), Map.entry("int2", INT2),
      Map.entry("integer", INT4), Map.entry("int", INT4), Map.entry("int4", INT4),
      Map.entry("bigint", INT8), Map.entry("int8", INT8),
      Map.entry("numeric", NUMERIC), Map.entry("decimal", NUMERIC),
      Map.entry("real", FLOAT4), Map.entry("float4", FLOAT4),
      Map.entry("double precision", FLOAT8), Map.entry("float8", FLOAT8),
      Map.entry("text", TEXT), Map.entry("character varying", TEXT), Map.entry("varchar", TEXT),
      Map.entry("character", TEXT), Map.entry("char", TEXT), Map.entry("bpchar", TEXT),
      Map.entry("boolean", BOOL), Map.entry("bool", BOOL),
      Map.entry("timestamp without time zone", TIMESTAMP), Map.entry("timestamp", TIMESTAMP),
      Map.entry("timestamp with time zone", TIMESTAMPTZ), Map.entry("timestamptz", TIMESTAMPTZ),
      Map.entry("date", DATE),
      Map.entry("uuid", UUID),
      Map.entry("json", JSON),
      Map.entry("jsonb", JSONB));

  private final boolean binary;
  private final Set<ValueKind> accepted;

  PgType(boolean binary, Set<ValueKind> accepted) {
    this.binary = binary;
    this.accepted = Collections.unmodifiableSet(accepted);
  }

  /** Whether there is a binary encoder for this family. */
  boolean binary() {
    return binary;
  }

  boolean accepts(ValueKind kind) {
    return accepted.contains(kind);
  }

  Set<ValueKind> accepted() {
    return accepted;
  }

  /**
   * The family of a type as format_type prints it. Quoted, schema-qualified and array types
   * ({@code "char"}, {@code public.mood}, {@code text[]}) deliberately fall through to OTHER.
   */
  static PgType of(String type) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("a column type is required");
    }
    String base = TYPMOD.matcher(type.trim().toLowerCase(Locale.ROOT)).replaceAll("");
    base = SPACES.matcher(base).replaceAll(" ").trim();
    return NAMES.getOrDefault(base, OTHER);
  }
}
