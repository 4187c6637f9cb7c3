package dev.rehearsal.load.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The target rate over time: a starting rate, then stages that ramp or step it (k6's
 * ramping-arrival-rate model); after the last stage its target holds for the rest of the run.
 *
 * <p>The scheduler works in <em>expected arrivals</em>: {@link #arrivalsBy} is the integral of
 * the rate from the start, and {@link #timeOfArrival} its inverse. The n-th operation of a
 * constant schedule is due when the expected count reaches n; a Poisson schedule feeds the same
 * inverse with a unit-rate Poisson process, which is exactly an inhomogeneous Poisson process
 * with this rate. Rates are piecewise linear, so both directions are closed-form.
 */
public final class RateProfile {

  /** One linear piece: rate from {@code startRate} to {@code endRate} over [start, start+length). */
  private record Piece(double startSeconds, double lengthSeconds, double startRate, double endRate,
      double arrivalsBefore) {

    double slope() {
      return lengthSeconds == 0 ? 0 : (endRate - startRate) / lengthSeconds;
    }

    double arrivalsWithin(double x) {
      return startRate * x + slope() * x * x / 2;
    }

    /** Seconds into this piece at which {@code arrivals} more have come. */
    double timeFor(double arrivals) {
      double a = slope() / 2;
      double b = startRate;
      // the stable root of a x^2 + b x - arrivals = 0 (also right when a == 0)
      return 2 * arrivals / (b + Math.sqrt(b * b + 4 * a * arrivals));
    }
  }

  private final double startRate;
  private final List<Piece> pieces = new ArrayList<>();
  /** Where the final constant rate begins. */
  private final double holdStartSeconds;
  private final double holdRate;
  private final double holdArrivalsBefore;

  public RateProfile(double startPerSecond, List<RateStage> stages) {
    if (!(startPerSecond > 0) || Double.isInfinite(startPerSecond)) {
      throw new IllegalArgumentException("rate must be > 0 ops/s, got " + startPerSecond);
    }
    this.startRate = startPerSecond;
    double t = 0;
    double rate = startPerSecond;
    double arrivals = 0;
    for (RateStage stage : stages) {
      double length = stage.duration().toNanos() / 1e9;
      Piece piece = new Piece(t, length, rate, stage.targetPerSecond(), arrivals);
      pieces.add(piece);
      arrivals += piece.arrivalsWithin(length);
      t += length;
      rate = stage.targetPerSecond();
    }
    this.holdStartSeconds = t;
    this.holdRate = rate;
    this.holdArrivalsBefore = arrivals;
  }

  public static RateProfile constant(double perSecond) {
    return new RateProfile(perSecond, List.of());
  }

  /** Target rate at {@code seconds} after the start. */
  public double rateAt(double seconds) {
    for (Piece p : pieces) {
      if (seconds < p.startSeconds + p.lengthSeconds) {
        return p.startRate + p.slope() * Math.max(0, seconds - p.startSeconds);
      }
    }
    return holdRate;
  }

  public double startRate() {
    return startRate;
  }

  /** Expected number of operations started by {@code seconds} after the start. */
  public double arrivalsBy(double seconds) {
    for (Piece p : pieces) {
      if (seconds < p.startSeconds + p.lengthSeconds) {
        return p.arrivalsBefore + p.arrivalsWithin(Math.max(0, seconds - p.startSeconds));
      }
    }
    return holdArrivalsBefore + holdRate * (seconds - holdStartSeconds);
  }

  /** Seconds after the start at which the expected count reaches {@code arrivals}. */
  public double timeOfArrival(double arrivals) {
    for (Piece p : pieces) {
      double after = p.arrivalsBefore + p.arrivalsWithin(p.lengthSeconds);
      if (arrivals < after) {
        return p.startSeconds + Math.min(p.lengthSeconds, p.timeFor(arrivals - p.arrivalsBefore));
      }
    }
    return holdStartSeconds + (arrivals - holdArrivalsBefore) / holdRate;
  }

  @Override
  public String toString() {
    if (pieces.isEmpty()) {
      return String.format(java.util.Locale.ROOT, "%.0f ops/s", startRate);
    }
    return String.format(java.util.Locale.ROOT, "%.0f ops/s, then %d stage(s) to %.0f ops/s", startRate,
        pieces.size(), holdRate);
  }
}
