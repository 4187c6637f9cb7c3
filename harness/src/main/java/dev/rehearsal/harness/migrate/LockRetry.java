package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.RetrySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A step's lock-retry policy: lock_timeout around each attempt of a unit, and another attempt
 * after a pause when the unit failed for that reason only. Without a policy a unit runs once,
 * under whatever lock_timeout the server or the SQL itself sets.
 */
final class LockRetry {

  /** lock_not_available: what lock_timeout raises. */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  private final RetrySpec spec;

  LockRetry(RetrySpec spec) {
    this.spec = spec;
  }

  int attempts() {
    return spec == null ? 1 : spec.attempts();
  }

  /** Sets the attempt's lock_timeout on the session (outside any transaction, so it outlives a rollback). */
  void before(Connection c, int attempt) throws SQLException {
    if (spec != null) {
      try (Statement st = c.createStatement()) {
        st.execute("SET lock_timeout = '" + Math.max(1, spec.lockTimeout(attempt).toMillis()) + "ms'");
      }
    }
  }

  void after(Connection c) throws SQLException {
    if (spec != null) {
      try (Statement st = c.createStatement()) {
        st.execute("RESET lock_timeout");
      }
    }
  }

  boolean retries(String sqlState, int attempt) {
    return spec != null && LOCK_NOT_AVAILABLE.equals(sqlState) && attempt < spec.attempts();
  }

  Duration lockTimeout(int attempt) {
    return spec.lockTimeout(attempt);
  }

  Duration backoff(int attempt) {
    return spec.backoff(attempt);
  }
}
