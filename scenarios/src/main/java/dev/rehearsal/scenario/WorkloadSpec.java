package dev.rehearsal.scenario;

import java.util.List;

/**
 * The application traffic driven during the rehearsal: open loop at a rate, or closed loop.
 *
 * @param ratePerSecond open loop: target rate of the weighted operations, or their starting
 *     rate when there are {@code stages} (operations are scheduled at intended start times
 *     whatever the database does); null for a closed loop
 * @param stages open loop: how the rate changes over time; empty for a constant rate
 * @param arrival open loop: how intended start times are spaced; null for a closed loop
 * @param closedLoop clients running operations back to back; null for an open loop
 * @param maxInFlight bound on operations scheduled but not finished; beyond it operations are
 *     counted as dropped. For a closed loop, the number of clients
 * @param pool the application's connection pool, configured like production's
 * @param operations weighted operations (with {@code weight}) and periodic ones (with
 *     {@code every})
 * @param healthCheck the application's health check, or null when disabled
 * @param instances application instances (default 1): each its own pool with {@code pool}'s
 *     settings, its share of the traffic and its own health check, against the one server
 */
public record WorkloadSpec(
    Double ratePerSecond,
    List<RateStage> stages,
    Arrival arrival,
    ClosedLoopSpec closedLoop,
    int maxInFlight,
    PoolSpec pool,
    List<OperationSpec> operations,
    HealthCheckSpec healthCheck,
    int instances) {

  /** Whether clients run operations back to back rather than at a rate. */
  public boolean closed() {
    return closedLoop != null;
  }
}
