package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * The application's health check as an orchestrator runs it (Kubernetes probe semantics): a probe
 * that fails or takes longer than {@code timeout} is a failed probe; {@code failureThreshold}
 * failures in a row take the instance out of service ({@code readiness}) or restart it
 * ({@code liveness}), {@code successThreshold} successes in a row bring it back.
 *
 * @param sql the probe, without parameters (default {@code SELECT 1})
 * @param every how often it runs ({@code periodSeconds}; default 1s)
 * @param timeout how long a probe may take before it counts as failed ({@code timeoutSeconds};
 *     default 1s)
 * @param via {@link #POOL}: borrowed from the instance's application pool, as the application's
 *     health endpoint does (the default); {@link #OWN_CONNECTION}: a connection of its own
 *     (application_name rehearsal-health), which only tells whether the database answers
 * @param kind {@link #READINESS} (out of service) or {@link #LIVENESS} (restarted)
 */
public record HealthCheckSpec(String sql, Duration every, Duration timeout, String via, String kind,
    int failureThreshold, int successThreshold) {

  public static final String POOL = "pool";
  public static final String OWN_CONNECTION = "own-connection";
  public static final String READINESS = "readiness";
  public static final String LIVENESS = "liveness";

  /** Kubernetes' default thresholds: out after 3 failures in a row, back after 1 success. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;
  public static final int DEFAULT_SUCCESS_THRESHOLD = 1;

  /** A readiness probe with Kubernetes' default thresholds. */
  public HealthCheckSpec(String sql, Duration every, Duration timeout, String via) {
    this(sql, every, timeout, via, READINESS, DEFAULT_FAILURE_THRESHOLD, DEFAULT_SUCCESS_THRESHOLD);
  }

  public boolean throughPool() {
    return POOL.equals(via);
  }
}
