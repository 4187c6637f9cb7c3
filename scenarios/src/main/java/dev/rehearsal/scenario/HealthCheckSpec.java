package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * A liveness probe on its own connection (application_name rehearsal-health), like an
 * orchestrator's: a probe that fails or takes longer than {@code timeout} counts as a failed
 * health check.
 *
 * @param sql the probe, without parameters (default {@code SELECT 1})
 * @param every how often it runs (default 1s)
 * @param timeout how long a probe may take before it counts as failed (default 1s)
 */
public record HealthCheckSpec(String sql, Duration every, Duration timeout) {}
