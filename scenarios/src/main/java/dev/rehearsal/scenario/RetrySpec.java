package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * Lock-retry policy around each unit of a step (a statement, a transaction block, or the whole
 * step in {@code transaction: single}), as pgroll and strong_migrations do: the unit runs with
 * {@code lock_timeout}; when it fails for that reason (SQLSTATE 55P03) it is rolled back and
 * tried again after a pause, up to {@code attempts} times in all. {@code growth} multiplies both
 * the lock timeout and the pause after each failed attempt (1 = constant; 2 = the doubling
 * ladder GitLab uses).
 */
public record RetrySpec(Duration lockTimeout, int attempts, Duration backoff, double growth) {

  /** Lock timeout of the given 1-based attempt. */
  public Duration lockTimeout(int attempt) {
    return scaled(lockTimeout, attempt);
  }

  /** Pause after the given failed 1-based attempt. */
  public Duration backoff(int attempt) {
    return scaled(backoff, attempt);
  }

  private Duration scaled(Duration base, int attempt) {
    return Duration.ofNanos((long) (base.toNanos() * Math.pow(growth, attempt - 1)));
  }
}
