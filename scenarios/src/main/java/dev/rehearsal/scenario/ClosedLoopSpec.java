package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * A closed-loop workload, like pgbench without {@code -R}: each of {@code clients} clients runs
 * an operation, waits {@code thinkTime}, and repeats. The rate is whatever the database allows,
 * so a stall slows the load down instead of queueing it up.
 *
 * @param clients number of clients, at least 1
 * @param thinkTime pause after each operation, zero by default
 */
public record ClosedLoopSpec(int clients, Duration thinkTime) {}
