package dev.rehearsal.load;

import java.util.List;

/**
 * What traffic to make.
 *
 * @param weighted the application's requests, each with its share of the traffic
 * @param periodic scheduled jobs on their own connections
 * @param healthCheck the probe, or null for none
 * @param seed of every random choice: which operation, its parameters, Poisson gaps
 * @param instances application instances: each its own pool (with the same settings), its share of
 *     the traffic and its own probe, against the one server
 */
public record LoadPlan(Traffic traffic, List<Weighted> weighted, List<PeriodicOperation> periodic,
    HealthCheck healthCheck, long seed, int instances) {

  /** One application instance. */
  public LoadPlan(Traffic traffic, List<Weighted> weighted, List<PeriodicOperation> periodic,
      HealthCheck healthCheck, long seed) {
    this(traffic, weighted, periodic, healthCheck, seed, 1);
  }

  /** With the default seed. */
  public LoadPlan(Traffic traffic, List<Weighted> weighted, List<PeriodicOperation> periodic,
      HealthCheck healthCheck) {
    this(traffic, weighted, periodic, healthCheck, 0x5eed);
  }

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
    if (instances < 1) {
      throw new IllegalArgumentException("at least one application instance is needed");
    }
    weighted = List.copyOf(weighted);
    periodic = List.copyOf(periodic);
  }

  /** The name of an operation, weighted or periodic, that runs on the standby, or null when none does. */
  public String replicaOperation() {
    return java.util.stream.Stream.concat(weighted.stream().map(Weighted::operation),
            periodic.stream().map(PeriodicOperation::operation))
        .filter(Operation::replica).map(Operation::name).findFirst().orElse(null);
  }

  /** Weighted choice by table lookup: each operation as many times as its weight; one random index a choice. */
  Operation[] choiceTable() {
    int total = weighted.stream().mapToInt(Weighted::weight).sum();
    Operation[] table = new Operation[total];
    int i = 0;
    for (Weighted w : weighted) {
      for (int k = 0; k < w.weight(); k++) {
        table[i++] = w.operation();
      }
    }
    return table;
  }
}
