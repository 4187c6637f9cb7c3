package dev.rehearsal.harness.seed.catalog;

/**
 * A column that keys rows: a table's primary key, or a backfill's batching key, as the catalog
 * describes it.
 *
 * @param type as {@code format_type} prints it, e.g. {@code character varying(40)}
 * @param kind what the load and the backfill can do with it
 * @param maxLength the length limit of a {@code varchar(n)} (or a domain over one), else null
 */
public record KeyColumn(String table, String column, String type, Kind kind, Integer maxLength) {

  /** Key types that are drawn, made anew and batched over; every other type is {@link #OTHER}. */
  public enum Kind {
    /** smallint, integer, bigint (and domains over them). */
    INTEGER,
    /** text, varchar, varchar(n) (and domains over them). */
    TEXT,
    /** uuid. */
    UUID,
    /** anything else: json(b) has no ordering, char(n) pads, the others are not supported. */
    OTHER
  }

  /** "users.id (bigint)". */
  public String describe() {
    return table + "." + column + " (" + type + ")";
  }

  static Kind kindOf(String baseTypeName) {
    return switch (baseTypeName) {
      case "int2", "int4", "int8" -> Kind.INTEGER;
      case "text", "varchar" -> Kind.TEXT;
      case "uuid" -> Kind.UUID;
      default -> Kind.OTHER;
    };
  }
}
