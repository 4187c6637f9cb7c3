package dev.rehearsal.load;

import java.time.Duration;

/**
 * A statement run on a schedule on its own connection, outside the pool — like a reporting job
 * or a batch. It is not part of the rated mix and its latency is kept apart from the baseline.
 *
 * @param startAfter delay from load start to the first run
 */
public record PeriodicOperation(String name, String sql, Duration every, Duration startAfter) {}
