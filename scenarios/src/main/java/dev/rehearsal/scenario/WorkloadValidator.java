package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code workload:} and builds the {@link WorkloadSpec}. This class checks the pacing:
 * an open-loop rate (with its stages, arrival and cap on requests in flight) or a closed loop of
 * clients, and that the two are not mixed. The rest is checked where it belongs: the pool and
 * health check by {@link PoolAndHealthCheckValidator}, the operations, their statements and
 * params by {@link OperationValidator}. Needs the validated dataset: key parameters and ledgers
 * must name a seeded table; and whether the scenario runs a standby: only then may an
 * operation read from it ({@code replica: true}).
 */
final class WorkloadValidator {

  static final int DEFAULT_MAX_IN_FLIGHT = 256;

  private static final String WORKLOAD = "/workload";

  private final ErrorReporter errors;
  private final PoolAndHealthCheckValidator connections;
  private final OperationValidator operations;

  WorkloadValidator(ErrorReporter errors, DatasetSpec dataset, boolean standby) {
    this.errors = errors;
    this.connections = new PoolAndHealthCheckValidator(errors);
    this.operations = new OperationValidator(errors, new SeededTables(dataset), standby);
  }

  WorkloadSpec validate(ScenarioDocument.Workload workload) {
    errors.require(workload, WORKLOAD,
        "describe the application's traffic: workload: {rate: 200, operations: [...]}");
    if (workload.closedLoop() != null || errors.present(WORKLOAD + "/closedLoop")) {
      ClosedLoopSpec closedLoop = closedLoop(workload.closedLoop());
      return new WorkloadSpec(null, List.of(), null, closedLoop, closedLoop.clients(),
          connections.pool(workload.pool()), operations.operations(workload.operations()),
          connections.healthCheck(workload.healthCheck()), connections.instances(workload.instances()));
    }
    String ratePath = WORKLOAD + "/rate";
    double rate = errors.require(workload.rate(), ratePath,
        "give the target rate in operations per second, e.g. rate: 200; or run clients back "
            + "to back instead with closedLoop: {clients: 8}");
    if (rate <= 0) {
      throw errors.at(ratePath, "rate must be greater than 0, got " + errors.got(ratePath),
          "rate is the number of weighted operations started per second");
    }
    List<RateStage> stages = stages(workload.stages());
    Arrival arrival = arrival(workload.arrival());
    int maxInFlight = workload.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT
        : workload.maxInFlight();
    errors.requireAtLeast(maxInFlight, 1, WORKLOAD + "/maxInFlight");
    return new WorkloadSpec(rate, stages, arrival, null, maxInFlight,
        connections.pool(workload.pool()), operations.operations(workload.operations()),
        connections.healthCheck(workload.healthCheck()), connections.instances(workload.instances()));
  }

  /**
   * A closed loop sets its own pace, so the keys of an open-loop schedule would be silently
   * meaningless next to it: they are errors.
   */
  private ClosedLoopSpec closedLoop(ScenarioDocument.ClosedLoop closedLoop) {
    for (String key : List.of("rate", "stages", "arrival", "maxInFlight")) {
      String keyPath = YamlPath.child(WORKLOAD, key);
      if (errors.present(keyPath)) {
        throw errors.atKey(keyPath, key + " does not apply with closedLoop",
            "closedLoop clients run operations back to back, as fast as the database answers, "
                + "at most one each in flight; remove " + key
                + ", or remove closedLoop for an open-loop rate");
      }
    }
    String path = WORKLOAD + "/closedLoop";
    String hint = "give the number of clients, e.g. closedLoop: {clients: 8, thinkTime: 0ms}";
    errors.require(closedLoop, path, hint);
    int clients = errors.require(closedLoop.clients(), path + "/clients", hint);
    errors.requireAtLeast(clients, 1, path + "/clients");
    Duration thinkTime = closedLoop.thinkTime() == null ? Duration.ZERO : closedLoop.thinkTime();
    return new ClosedLoopSpec(clients, thinkTime);
  }

  private List<RateStage> stages(List<ScenarioDocument.Stage> stages) {
    if (stages == null) {
      return List.of();
    }
    String path = WORKLOAD + "/stages";
    String hint = "list stages like {duration: 30s, target: 500}: the rate goes linearly from "
        + "the previous stage's target (rate for the first) to target over duration";
    if (stages.isEmpty()) {
      throw errors.at(path, "stages must list at least one stage",
          "remove stages for a constant rate, or " + hint);
    }
    List<RateStage> result = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      String stagePath = YamlPath.child(path, i);
      ScenarioDocument.Stage stage = errors.require(stages.get(i), stagePath, hint);
      Duration duration = errors.require(stage.duration(), stagePath + "/duration",
          "give how long the stage ramps, e.g. duration: 30s; 0s makes it a step");
      String targetPath = stagePath + "/target";
      double target = errors.require(stage.target(), targetPath,
          "give the rate to reach in operations per second, e.g. target: 500");
      if (target <= 0) {
        throw errors.at(targetPath, "target must be greater than 0, got " + errors.got(targetPath),
            "target is the rate in operations per second at the end of the stage; "
                + "to pause the load, use a low rate such as target: 1");
      }
      result.add(new RateStage(duration, target));
    }
    return List.copyOf(result);
  }

  private Arrival arrival(String arrival) {
    if (arrival == null) {
      return Arrival.CONSTANT;
    }
    for (Arrival candidate : Arrival.values()) {
      if (candidate.yamlName().equals(arrival)) {
        return candidate;
      }
    }
    throw errors.at(WORKLOAD + "/arrival", "unknown arrival '" + arrival + "'",
        "use one of: constant (evenly spaced, the default), "
            + "poisson (random gaps, as independent users arrive)");
  }
}
