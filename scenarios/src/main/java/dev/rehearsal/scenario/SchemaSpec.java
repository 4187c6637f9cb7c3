package dev.rehearsal.scenario;

/**
 * How the schema is built before seeding: exactly one of inline SQL, a file, the team's Flyway
 * history up to a target version, or its Liquibase changelog up to a tag or count.
 *
 * @param sql inline DDL, or null
 * @param file path relative to the scenario file (or a classpath resource for built-ins), or null
 * @param flyway Flyway locations and the target production has applied, or null
 * @param liquibase a Liquibase changelog and how far production has applied it, or null
 */
public record SchemaSpec(String sql, String file, FlywaySpec flyway, LiquibaseSpec liquibase) {

  /** Plain DDL, inline or from a file. */
  public static SchemaSpec ddl(String sql, String file) {
    return new SchemaSpec(sql, file, null, null);
  }
}
