package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.List;

/**
 * The application traffic driven during the rehearsal.
 *
 * @param ratePerSecond target rate of the weighted operations, open loop (operations are
 *     scheduled at fixed intended start times whatever the database does)
 * @param maxInFlight bound on operations scheduled but not finished; beyond it operations are
 *     counted as dropped
 * @param pool the application's connection pool, configured like production's
 * @param operations weighted operations (with {@code weight}) and periodic ones (with
 *     {@code every})
 */
public record WorkloadSpec(
    double ratePerSecond, int maxInFlight, PoolSpec pool, List<OperationSpec> operations) {}
