package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * Checks {@code workload.pool} and {@code workload.healthCheck} and fills their defaults: the
 * connections the simulated application holds, and the probe that asks, on a connection of its
 * own, whether the database still answers. Both describe how the application reaches the
 * database rather than what it runs or how fast, and both have bounds that come from the tools
 * (HikariCP, a load balancer's probe) rather than from the scenario.
 */
final class PoolAndHealthCheckValidator {

  static final int DEFAULT_POOL_SIZE = 10;
  static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  static final HealthCheckSpec DEFAULT_HEALTH_CHECK =
      new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1), Duration.ofSeconds(1));

  private final ErrorReporter errors;

  PoolAndHealthCheckValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  PoolSpec pool(ScenarioDocument.Pool pool) {
    String path = "/workload/pool";
    int size = pool == null || pool.maximumPoolSize() == null ? DEFAULT_POOL_SIZE
        : pool.maximumPoolSize();
    errors.requireAtLeast(size, 1, path + "/maximumPoolSize");
    Duration timeout = pool == null || pool.connectionTimeout() == null
        ? DEFAULT_CONNECTION_TIMEOUT : pool.connectionTimeout();
    // HikariCP refuses connectionTimeout below 250ms
    errors.requireAtLeast(timeout, Duration.ofMillis(250), path + "/connectionTimeout");
    return new PoolSpec(size, timeout, pool == null ? null : pool.statementTimeout());
  }

  /** Every key is checked even when the check is disabled, so enabling it again just works. */
  HealthCheckSpec healthCheck(ScenarioDocument.HealthCheck check) {
    if (check == null) {
      return DEFAULT_HEALTH_CHECK;
    }
    String path = "/workload/healthCheck";
    String sql = DEFAULT_HEALTH_CHECK.sql();
    if (check.sql() != null || errors.present(path + "/sql")) {
      String sqlPath = path + "/sql";
      String hint = "give the query the application's health check runs, with literal values, "
          + "e.g. sql: SELECT 1";
      sql = errors.requireText(check.sql(), sqlPath, hint);
      if (Placeholders.count(sql) > 0 || !Placeholders.rewriteNamed(sql).names().isEmpty()) {
        throw errors.at(sqlPath, "healthCheck sql cannot take parameters", hint);
      }
    }
    Duration every = check.every() == null ? DEFAULT_HEALTH_CHECK.every() : check.every();
    // a probe per 100ms is already more than any load balancer sends
    errors.requireAtLeast(every, Duration.ofMillis(100), path + "/every");
    Duration timeout = check.timeout() == null ? DEFAULT_HEALTH_CHECK.timeout()
        : check.timeout();
    // below 10ms a healthy probe fails on scheduling noise alone
    errors.requireAtLeast(timeout, Duration.ofMillis(10), path + "/timeout");
    return Boolean.FALSE.equals(check.enabled()) ? null
        : new HealthCheckSpec(sql, every, timeout);
  }
}
