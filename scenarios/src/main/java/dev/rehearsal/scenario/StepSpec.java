package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * One migration step. Exactly one of {@code sql}, {@code file}, {@code flyway},
 * {@code liquibase}, {@code backfill} or {@code pause} is set; {@link #kind()} says which.
 *
 * @param name optional label shown in reports (defaults to "step N")
 * @param sql inline SQL; may hold several statements, split and run one by one
 * @param file a .sql file (relative to the scenario file), or a directory of them run in name order
 * @param flyway Flyway locations (directories relative to the scenario file, or
 *     {@code classpath:...}): the migrations pending on top of the schema's history are applied
 *     through Flyway itself, in its order and transactions, each statement measured
 * @param liquibase a Liquibase changelog: its changesets not yet applied, through Liquibase
 *     itself, each statement measured
 * @param backfill a batched UPDATE in key ranges
 * @param pause wait this long, load still running
 * @param transaction how SQL statements are grouped into transactions (sql, file steps; null
 *     for the other kinds, which it does not apply to)
 * @param retry lock-retry policy around each unit of the step; null for none (always null for
 *     pause steps)
 */
public record StepSpec(
    String name,
    String sql,
    String file,
    FlywaySpec flyway,
    LiquibaseSpec liquibase,
    BackfillSpec backfill,
    Duration pause,
    TransactionMode transaction,
    RetrySpec retry) {

  /** What a step does. */
  public enum Kind { SQL, FILE, FLYWAY, LIQUIBASE, BACKFILL, PAUSE }

  public Kind kind() {
    if (sql != null) {
      return Kind.SQL;
    } else if (file != null) {
      return Kind.FILE;
    } else if (flyway != null) {
      return Kind.FLYWAY;
    } else if (liquibase != null) {
      return Kind.LIQUIBASE;
    } else if (backfill != null) {
      return Kind.BACKFILL;
    }
    return Kind.PAUSE;
  }

  /** A plain inline-SQL step with every default, for tests and built-ins. */
  public static StepSpec sql(String sql) {
    return new StepSpec(null, sql, null, null, null, null, null, TransactionMode.AUTO, null);
  }
}
