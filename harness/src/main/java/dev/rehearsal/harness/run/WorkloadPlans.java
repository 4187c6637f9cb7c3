package dev.rehearsal.harness.run;

import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.Operation;
import dev.rehearsal.load.ParamGenerator;
import dev.rehearsal.load.ParamGenerators;
import dev.rehearsal.load.PeriodicOperation;
import dev.rehearsal.load.PoolConfig;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.ParamSpec;
import dev.rehearsal.scenario.TableSpec;
import dev.rehearsal.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates a scenario's workload into the load generator's terms, knowing what was seeded. */
final class WorkloadPlans {

  private WorkloadPlans() {}

  /** @param seededRows rows seeded per table name (ids 1..rows) */
  static LoadPlan plan(WorkloadSpec workload, Map<String, Long> seededRows, double ratePerSecond) {
    List<Operation> weighted = new ArrayList<>();
    List<PeriodicOperation> periodic = new ArrayList<>();
    for (OperationSpec op : workload.operations()) {
      if (op.periodic()) {
        periodic.add(new PeriodicOperation(op.name(), op.sql(), op.every(),
            op.startAfter() != null ? op.startAfter() : op.every()));
      } else {
        List<ParamGenerator> params = new ArrayList<>();
        for (ParamSpec p : op.params()) {
          params.add(generator(p, seededRows));
        }
        weighted.add(new Operation(op.name(), op.sql(), op.weight(), params));
      }
    }
    return new LoadPlan(ratePerSecond, workload.maxInFlight(), weighted, periodic);
  }

  static PoolConfig pool(WorkloadSpec workload) {
    return new PoolConfig(workload.pool().maximumPoolSize(), workload.pool().connectionTimeout(),
        workload.pool().statementTimeout());
  }

  static Map<String, Long> rowsByTable(List<TableSpec> tables) {
    Map<String, Long> rows = new java.util.LinkedHashMap<>();
    tables.forEach(t -> rows.put(t.name(), t.rows()));
    return rows;
  }

  private static ParamGenerator generator(ParamSpec p, Map<String, Long> seededRows) {
    switch (p.kind()) {
      case "existingKey":
        return ParamGenerators.existingKey(seededRows.get(p.table()));
      case "newKey":
        return ParamGenerators.newKey(seededRows.get(p.table()));
      case "uniform":
        return ParamGenerators.uniform(p.min(), p.max());
      case "text":
        return ParamGenerators.text(p.length() == null ? 12 : p.length());
      default:
        throw new IllegalArgumentException("unknown parameter kind " + p.kind()); // validated earlier
    }
  }
}
