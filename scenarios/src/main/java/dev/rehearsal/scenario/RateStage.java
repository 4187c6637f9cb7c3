package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * One stage of an open-loop rate that changes over time: the rate goes linearly from where the
 * previous stage ended (the workload's {@code rate} for the first) to {@code target} over
 * {@code duration}. A zero duration is a step. After the last stage its target holds.
 *
 * @param target operations per second at the end of the stage, greater than 0
 */
public record RateStage(Duration duration, double target) {}
