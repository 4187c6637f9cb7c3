package dev.rehearsal.load.schedule;

import java.time.Duration;

/**
 * One stage of a {@link RateProfile}: the rate moves linearly from where the previous stage
 * ended to {@code targetPerSecond} over {@code duration}; a zero duration is a step.
 */
public record RateStage(Duration duration, double targetPerSecond) {

  public RateStage {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("stage duration must be >= 0, got " + duration);
    }
    if (!(targetPerSecond > 0) || Double.isInfinite(targetPerSecond)) {
      throw new IllegalArgumentException("stage target must be > 0 ops/s, got " + targetPerSecond);
    }
  }
}
