package dev.rehearsal.load;

import java.util.List;

/**
 * What traffic to make.
 *
 * @param ratePerSecond total rate of the weighted operations; each gets an intended start time
 *     on a fixed schedule whatever the database does (open loop)
 * @param maxInFlight operations scheduled but not yet finished, at most; beyond it an operation
 *     is counted as dropped
 */
public record LoadPlan(
    double ratePerSecond,
    int maxInFlight,
    List<Operation> operations,
    List<PeriodicOperation> periodic) {

  public LoadPlan {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("ratePerSecond must be > 0");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1");
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("at least one weighted operation is needed");
    }
    operations = List.copyOf(operations);
    periodic = List.copyOf(periodic);
  }
}
