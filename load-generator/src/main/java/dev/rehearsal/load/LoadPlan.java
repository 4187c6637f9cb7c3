package dev.rehearsal.load;

import java.util.List;

/**
 * What traffic to make.
 *
 * @param weighted the application's requests, each with its share of the traffic
 * @param periodic scheduled jobs on their own connections
 * @param healthCheck the probe, or null for none
 */
public record LoadPlan(Traffic traffic, List<Weighted> weighted, List<PeriodicOperation> periodic,
    HealthCheck healthCheck) {

  /** An operation and its weight relative to the others. */
  public record Weighted(Operation operation, int weight) {
    public Weighted {
      if (weight < 1) {
        throw new IllegalArgumentException("weight of " + operation.name() + " must be >= 1");
      }
    }
  }

  public LoadPlan {
    if (weighted.isEmpty()) {
      throw new IllegalArgumentException("at least one weighted operation is needed");
    }
    weighted = List.copyOf(weighted);
    periodic = List.copyOf(periodic);
  }
}
