package dev.rehearsal.load;

import java.time.Duration;

/**
 * An application instance's health probe, as an orchestrator runs it: {@code sql} every
 * {@code every}; a probe fails when it errors or takes longer than {@code timeout}. With
 * {@link Via#POOL} the probe borrows a connection from the instance's application pool (waiting
 * at most {@code timeout} for one), as a health endpoint of the application does, so a full pool
 * fails it; with {@link Via#OWN_CONNECTION} it runs on a connection of its own and only tells
 * whether the database answers. Kubernetes semantics: {@code failureThreshold} consecutive
 * failures mark the instance unready ({@link Kind#READINESS}) or restart it
 * ({@link Kind#LIVENESS}); {@code successThreshold} consecutive successes bring it back.
 */
public record HealthCheck(String sql, Duration every, Duration timeout, Via via, Kind kind, int failureThreshold,
    int successThreshold) {

  /** Where the probe gets its connection. */
  public enum Via {
    POOL("pool"), OWN_CONNECTION("own-connection");

    private final String key;

    Via(String key) {
      this.key = key;
    }

    /** As the scenario and the report write it. */
    public String key() {
      return key;
    }
  }

  /** What the orchestrator does when the probe keeps failing. */
  public enum Kind {
    /** Takes the instance out of service until it passes again. */
    READINESS("readiness"),
    /** Restarts the instance. */
    LIVENESS("liveness");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public HealthCheck {
    if (failureThreshold < 1 || successThreshold < 1) {
      throw new IllegalArgumentException("probe thresholds must be >= 1");
    }
  }

  /** A probe on its own connection with Kubernetes' default thresholds (3 failures, 1 success). */
  public HealthCheck(String sql, Duration every, Duration timeout) {
    this(sql, every, timeout, Via.OWN_CONNECTION, Kind.READINESS, 3, 1);
  }
}
