package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * The rehearsal's timeline under load.
 *
 * @param warmup load before the migration starts; its latencies are the baseline (default 10s)
 * @param cooldown load after the migration ends (default 10s)
 */
public record PhasesSpec(Duration warmup, Duration cooldown) {}
