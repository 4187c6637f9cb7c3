package dev.rehearsal.load;

import java.time.Duration;

/**
 * A liveness probe on its own connection: {@code sql} every {@code every}; a probe fails when it
 * errors or takes longer than {@code timeout}, as an orchestrator's probe would.
 */
public record HealthCheck(String sql, Duration every, Duration timeout) {}
