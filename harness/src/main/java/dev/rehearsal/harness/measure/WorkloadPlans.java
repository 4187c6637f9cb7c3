package dev.rehearsal.harness.measure;

import dev.rehearsal.load.ClientThreads;
import dev.rehearsal.load.HealthCheck;
import dev.rehearsal.load.KeySpace;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.Operation;
import dev.rehearsal.load.OperationStatement;
import dev.rehearsal.load.ParamGenerator;
import dev.rehearsal.load.ParamGenerators;
import dev.rehearsal.load.PeriodicOperation;
import dev.rehearsal.load.PoolConfig;
import dev.rehearsal.load.Traffic;
import dev.rehearsal.load.schedule.Arrival;
import dev.rehearsal.load.schedule.RateProfile;
import dev.rehearsal.load.schedule.RateStage;
import dev.rehearsal.scenario.HealthCheckSpec;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.ParamSpec;
import dev.rehearsal.scenario.StatementSpec;
import dev.rehearsal.scenario.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates a scenario's workload into the load generator's terms, knowing what was seeded. */
public final class WorkloadPlans {

  private WorkloadPlans() {}

  /**
   * How the command line overrides the scenario's pacing.
   *
   * @param ratePerSecond a constant open-loop rate instead of the scenario's rate and stages
   * @param max closed loop with one client per pool connection and no think time: the most the
   *     database gives at this pool size
   */
  public record Pacing(Double ratePerSecond, boolean max) {
    public static final Pacing SCENARIO = new Pacing(null, false);
  }

  /**
   * @param keys the keys of each table that {@code existingKey} and {@code newKey} params name, as
   *     read from the seeded data
   * @param seed the run's --seed: the same seed draws the same operations and parameters
   */
  public static LoadPlan plan(WorkloadSpec workload, Map<String, KeySpace> keys, Pacing pacing, long seed) {
    List<LoadPlan.Weighted> weighted = new ArrayList<>();
    List<PeriodicOperation> periodic = new ArrayList<>();
    // one new-key generator per table, shared by every param that inserts into it, so two operations
    // inserting into one table never make the same key
    Map<String, ParamGenerator> newKeys = new HashMap<>();
    for (OperationSpec spec : workload.operations()) {
      Operation op = operation(spec, keys, newKeys);
      if (spec.periodic()) {
        periodic.add(new PeriodicOperation(op, spec.every(),
            spec.startAfter() != null ? spec.startAfter() : spec.every(),
            spec.holdFor() != null ? spec.holdFor() : Duration.ZERO));
      } else {
        weighted.add(new LoadPlan.Weighted(op, spec.weight()));
      }
    }
    return new LoadPlan(traffic(workload, pacing), weighted, periodic, healthCheck(workload.healthCheck()), seed,
        workload.instances());
  }

  private static HealthCheck healthCheck(HealthCheckSpec spec) {
    if (spec == null) {
      return null;
    }
    return new HealthCheck(spec.sql(), spec.every(), spec.timeout(),
        spec.throughPool() ? HealthCheck.Via.POOL : HealthCheck.Via.OWN_CONNECTION,
        HealthCheckSpec.LIVENESS.equals(spec.kind()) ? HealthCheck.Kind.LIVENESS : HealthCheck.Kind.READINESS,
        spec.failureThreshold(), spec.successThreshold());
  }

  private static Traffic traffic(WorkloadSpec workload, Pacing pacing) {
    if (pacing.max()) {
      return new Traffic.ClosedLoop(workload.pool().maximumPoolSize() * workload.instances(), Duration.ZERO);
    }
    if (pacing.ratePerSecond() != null) {
      return new Traffic.OpenLoop(RateProfile.constant(pacing.ratePerSecond()), arrival(workload),
          workload.maxInFlight());
    }
    if (workload.closed()) {
      return new Traffic.ClosedLoop(workload.closedLoop().clients(), workload.closedLoop().thinkTime());
    }
    List<RateStage> stages = workload.stages() == null ? List.of()
        : workload.stages().stream().map(s -> new RateStage(s.duration(), s.target())).toList();
    return new Traffic.OpenLoop(new RateProfile(workload.ratePerSecond(), stages), arrival(workload),
        workload.maxInFlight());
  }

  private static Arrival arrival(WorkloadSpec workload) {
    return workload.arrival() == dev.rehearsal.scenario.Arrival.POISSON ? Arrival.POISSON : Arrival.CONSTANT;
  }

  /** One value slot per named parameter, drawn once per execution and bound wherever it is used. */
  private static Operation operation(OperationSpec spec, Map<String, KeySpace> keys,
      Map<String, ParamGenerator> newKeys) {
    Map<String, Integer> slots = new LinkedHashMap<>();
    List<ParamGenerator> values = new ArrayList<>();
    spec.params().forEach((name, param) -> {
      slots.put(name, values.size());
      values.add(generator(param, keys, newKeys));
    });
    List<OperationStatement> statements = new ArrayList<>();
    for (StatementSpec s : spec.statements()) {
      statements.add(new OperationStatement(s.sql(), s.paramNames().stream().mapToInt(slots::get).toArray()));
    }
    return new Operation(spec.name(), statements, spec.transaction(), values, spec.ledger(), spec.replica());
  }

  public static PoolConfig pool(WorkloadSpec workload) {
    return new PoolConfig(workload.pool().maximumPoolSize(), workload.pool().connectionTimeout(),
        workload.pool().statementTimeout());
  }

  private static KeySpace keys(Map<String, KeySpace> keys, ParamSpec p) {
    KeySpace space = keys.get(p.table());
    if (space == null) {
      throw new IllegalArgumentException("no keys read for table " + p.table() + " (a bug)");
    }
    return space;
  }

  /**
   * "a pool of 10", or "4 instances, each a pool of 10"; with weighted operations on the standby, "(and one as
   * large on the standby)" after it.
   */
  public static String pools(WorkloadSpec workload) {
    int size = workload.pool().maximumPoolSize();
    String pools = workload.instances() == 1 ? "a pool of " + size
        : workload.instances() + " instances, each a pool of " + size;
    boolean replicaPools = workload.operations().stream().anyMatch(op -> op.replica() && !op.periodic());
    return replicaPools ? pools + " (and one as large on the standby)" : pools;
  }

  /**
   * "200 ops/s open loop", "100 -> 500 ops/s open loop, poisson arrivals", "closed loop, 8 clients"
   * (", on virtual threads" on Java 21+: {@link ClientThreads}).
   */
  public static String describe(Traffic traffic) {
    if (traffic instanceof Traffic.ClosedLoop closed) {
      return String.format(Locale.ROOT, "closed loop, %d client%s%s%s", closed.clients(), closed.clients() == 1 ? "" : "s",
          closed.thinkTime().isZero() ? "" : ", " + closed.thinkTime().toMillis() + " ms think time",
          ClientThreads.virtual() ? ", on virtual threads" : "");
    }
    Traffic.OpenLoop open = (Traffic.OpenLoop) traffic;
    return open.profile() + " open loop" + (open.arrival() == Arrival.POISSON ? ", poisson arrivals" : "");
  }

  private static ParamGenerator generator(ParamSpec p, Map<String, KeySpace> keys,
      Map<String, ParamGenerator> newKeys) {
    switch (p.kind()) {
      case "existingKey":
        return keys(keys, p).existing(p.distribution(), p.skew() == null ? 1.0 : p.skew());
      case "newKey":
        return newKeys.computeIfAbsent(p.table(), table -> keys(keys, p).fresh());
      case "uniform":
        return ParamGenerators.uniform(p.min(), p.max());
      case "text":
        return ParamGenerators.text(p.length() == null ? 12 : p.length());
      case "choice":
        return ParamGenerators.choice(p.values(),
            p.weights() == null ? null : p.weights().stream().mapToDouble(Double::doubleValue).toArray());
      default:
        throw new IllegalArgumentException("unknown parameter kind " + p.kind()); // validated earlier
    }
  }
}
