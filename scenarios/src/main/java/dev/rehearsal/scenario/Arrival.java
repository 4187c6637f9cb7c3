package dev.rehearsal.scenario;

import java.util.Locale;

/** How an open-loop workload spaces the intended start times of its operations. */
public enum Arrival {
  /** Evenly: one every 1/rate seconds. */
  CONSTANT,
  /** A Poisson process: exponential gaps with mean 1/rate, as independent users arrive. */
  POISSON;

  /** How the value is written in a scenario: {@code constant}, {@code poisson}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
