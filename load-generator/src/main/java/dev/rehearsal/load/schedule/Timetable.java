package dev.rehearsal.load.schedule;

import java.util.SplittableRandom;

/**
 * The intended start of every operation of an open-loop run, fixed in advance of the database's
 * behaviour: operation n is due at the time the {@link RateProfile} expects n arrivals (constant
 * spacing), or at the n-th event of a unit-rate Poisson process mapped through it. Single
 * threaded: only the scheduler asks.
 */
public final class Timetable {

  private final RateProfile profile;
  private final Arrival arrival;
  private final long startNanos;
  private final SplittableRandom random;
  private double arrivals;
  private long issued;

  public Timetable(RateProfile profile, Arrival arrival, long startNanos, long seed) {
    this.profile = profile;
    this.arrival = arrival;
    this.startNanos = startNanos;
    this.random = new SplittableRandom(seed);
  }

  /** Intended start of the next operation, on the clock {@code startNanos} came from. */
  public long next() {
    double due = arrivals;
    if (arrival == Arrival.POISSON) {
      // -ln(1-U): an exponential gap of mean one expected arrival
      arrivals += -Math.log(1 - random.nextDouble());
      due = arrivals;
    } else {
      arrivals += 1;
    }
    issued++;
    return startNanos + Math.round(profile.timeOfArrival(due) * 1e9);
  }

  /** Operations handed out so far. */
  public long issued() {
    return issued;
  }
}
