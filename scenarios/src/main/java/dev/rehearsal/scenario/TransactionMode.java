package dev.rehearsal.scenario;

import java.util.Locale;

/** How the statements of a sql or file step are grouped into transactions. */
public enum TransactionMode {
  /**
   * Each statement in a transaction of its own, explicit BEGIN ... COMMIT blocks kept together,
   * and statements PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY,
   * VACUUM, ...) sent on their own in autocommit. The default.
   */
  AUTO,
  /** The whole step in one transaction, as Flyway runs a migration. */
  SINGLE,
  /** Every statement sent as is in autocommit; explicit BEGIN/COMMIT are sent as written. */
  NONE;

  /** How the value is written in a scenario: {@code auto}, {@code single}, {@code none}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
