package dev.rehearsal.harness.seed.catalog;

/**
 * A column as the server describes it after the schema DDL ran (read before indexes and
 * constraints are set aside for loading, so uniqueness and foreign keys are still visible).
 *
 * @param type the type as {@code format_type} prints it, e.g. {@code character varying(40)}
 * @param hasSequenceDefault serial or identity: the sequence must be advanced past seeded values
 * @param hasOtherDefault a non-sequence DEFAULT, which the server can fill when we do not
 * @param unique under a single-column PRIMARY KEY or UNIQUE index: every seeded value must differ
 * @param references the single-column foreign key on this column, or null
 */
public record TableColumn(
    String name,
    String type,
    boolean nullable,
    boolean hasSequenceDefault,
    boolean hasOtherDefault,
    boolean primaryKey,
    boolean unique,
    ForeignKey references) {

  /** The referenced table (as the dataset names it when it is seeded, else as the server does) and column. */
  public record ForeignKey(String table, String column, boolean seeded) {}
}
