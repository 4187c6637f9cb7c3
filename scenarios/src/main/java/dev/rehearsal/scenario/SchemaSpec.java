package dev.rehearsal.scenario;

/**
 * The DDL that creates the schema before seeding: exactly one of inline SQL or a file.
 *
 * @param sql inline DDL, or null
 * @param file path relative to the scenario file (or a classpath resource for built-ins), or null
 */
public record SchemaSpec(String sql, String file) {}
