package dev.rehearsal.harness.seed;

/**
 * A column as the server describes it after the schema DDL ran.
 *
 * @param type the type's name as {@code format_type} prints it, e.g. {@code character varying(40)}
 * @param hasSequenceDefault serial or identity: a sequence must be advanced past seeded values
 */
record TableColumn(String name, String type, boolean nullable, boolean hasSequenceDefault, boolean primaryKey) {}
