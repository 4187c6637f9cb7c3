package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.List;

/**
 * Checks {@code workload.pool}, {@code workload.instances} and {@code workload.healthCheck} and
 * fills their defaults: the connections each simulated application instance holds, how many
 * instances there are, and the probe an orchestrator runs against each. They describe how the
 * application reaches the database rather than what it runs or how fast, and their bounds come
 * from the tools (HikariCP, Kubernetes' probes) rather than from the scenario.
 */
final class PoolAndHealthCheckValidator {

  static final int DEFAULT_POOL_SIZE = 10;
  static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  static final HealthCheckSpec DEFAULT_HEALTH_CHECK =
      new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1), Duration.ofSeconds(1), HealthCheckSpec.POOL);

  private static final String PATH = "/workload/healthCheck";
  /** A probe per 100ms is already more than any orchestrator sends. */
  private static final Duration SHORTEST_PERIOD = Duration.ofMillis(100);
  /** Below 10ms a healthy probe fails on scheduling noise alone. */
  private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(10);

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

  int instances(Integer instances) {
    int n = instances == null ? 1 : instances;
    errors.requireAtLeast(n, 1, "/workload/instances");
    return n;
  }

  /**
   * Every key is checked even when the check is disabled, so enabling it again just works. {@code via}
   * defaults to {@code pool}, except in a block that sets {@code every} or {@code timeout} (written
   * before probes went through the pool), which keeps its own connection.
   */
  HealthCheckSpec healthCheck(ScenarioDocument.HealthCheck check) {
    if (check == null) {
      return DEFAULT_HEALTH_CHECK;
    }
    String sql = DEFAULT_HEALTH_CHECK.sql();
    if (check.sql() != null || errors.present(PATH + "/sql")) {
      String sqlPath = PATH + "/sql";
      String hint = "give the query the application's health check runs, with literal values, "
          + "e.g. sql: SELECT 1";
      sql = errors.requireText(check.sql(), sqlPath, hint);
      if (Placeholders.count(sql) > 0 || !Placeholders.rewriteNamed(sql).names().isEmpty()) {
        throw errors.at(sqlPath, "healthCheck sql cannot take parameters", hint);
      }
    }
    Duration every = duration(check.every(), "every", check.periodSeconds(), "periodSeconds",
        DEFAULT_HEALTH_CHECK.every(), SHORTEST_PERIOD);
    Duration timeout = duration(check.timeout(), "timeout", check.timeoutSeconds(), "timeoutSeconds",
        DEFAULT_HEALTH_CHECK.timeout(), SHORTEST_TIMEOUT);
    boolean legacy = check.every() != null || check.timeout() != null;
    String via = oneOf(check.via(), "via", legacy ? HealthCheckSpec.OWN_CONNECTION : HealthCheckSpec.POOL,
        List.of(HealthCheckSpec.POOL, HealthCheckSpec.OWN_CONNECTION),
        "pool (borrowed from the application's pool, as its health endpoint does), "
            + "own-connection (a connection of its own: only whether the database answers)");
    String kind = oneOf(check.kind(), "kind", HealthCheckSpec.READINESS,
        List.of(HealthCheckSpec.READINESS, HealthCheckSpec.LIVENESS),
        "readiness (failing takes the instance out of service), liveness (failing restarts it)");
    int failureThreshold = threshold(check.failureThreshold(), "failureThreshold",
        HealthCheckSpec.DEFAULT_FAILURE_THRESHOLD);
    int successThreshold = threshold(check.successThreshold(), "successThreshold",
        HealthCheckSpec.DEFAULT_SUCCESS_THRESHOLD);
    if (kind.equals(HealthCheckSpec.LIVENESS) && successThreshold != 1) {
      throw errors.at(PATH + "/successThreshold", "a liveness probe's successThreshold must be 1, got "
          + successThreshold, "Kubernetes requires 1 for liveness probes (a restarted instance is live at its "
          + "first success); remove successThreshold, or use kind: readiness");
    }
    return Boolean.FALSE.equals(check.enabled()) ? null
        : new HealthCheckSpec(sql, every, timeout, via, kind, failureThreshold, successThreshold);
  }

  /** A duration given as a duration ({@code every: 500ms}) or in Kubernetes' seconds ({@code periodSeconds: 0.5}). */
  private Duration duration(Duration asDuration, String durationKey, Double seconds, String secondsKey,
      Duration fallback, Duration shortest) {
    if (asDuration != null && seconds != null) {
      throw errors.atKey(PATH + "/" + secondsKey, durationKey + " and " + secondsKey + " say the same thing",
          "give one of them: " + secondsKey + " in seconds as Kubernetes writes it, or " + durationKey
              + " with a unit");
    }
    if (seconds != null) {
      String path = PATH + "/" + secondsKey;
      if (!(seconds * 1000 >= shortest.toMillis())) {
        throw errors.at(path, secondsKey + " must be at least " + shortest.toMillis() / 1000.0 + ", got "
            + errors.got(path), "give seconds, e.g. " + secondsKey + ": 1 (fractions such as 0.5 are allowed)");
      }
      return Duration.ofNanos(Math.round(seconds * 1e9));
    }
    Duration value = asDuration == null ? fallback : asDuration;
    errors.requireAtLeast(value, shortest, PATH + "/" + durationKey);
    return value;
  }

  private String oneOf(String given, String key, String fallback, List<String> allowed, String meaning) {
    if (given == null) {
      return fallback;
    }
    if (!allowed.contains(given)) {
      throw errors.at(PATH + "/" + key, "unknown " + key + " '" + given + "'", "use one of: " + meaning);
    }
    return given;
  }

  private int threshold(Integer given, String key, int fallback) {
    int value = given == null ? fallback : given;
    errors.requireAtLeast(value, 1, PATH + "/" + key);
    return value;
  }
}
