package dev.rehearsal.harness.profile;

import dev.rehearsal.scenario.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workload part: the top sampled statements that can be bound become weighted operations
 * (weight = their share of the bound calls, in thousandths, at least 1), the sum of their rates
 * the scenario's open-loop rate; the others are listed as skipped with their rate and reason.
 * Without a sample (no pg_stat_statements, or {@code --workload none}) it is one placeholder
 * operation, {@code SELECT 1} at 10/s, said in the header.
 */
final class WorkloadProfile {

  /** An operation made from a statement, with its measured rate. */
  record Operation(String name, double callsPerSecond, QueryBinder.Bound bound) {}

  private final List<Operation> operations = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private double sampledCallsPerSecond;
  private boolean placeholder;

  List<Operation> operations() {
    return operations;
  }

  List<String> skipped() {
    return skipped;
  }

  boolean placeholder() {
    return placeholder;
  }

  double ratePerSecond() {
    return operations.stream().mapToDouble(Operation::callsPerSecond).sum();
  }

  double sampledCallsPerSecond() {
    return sampledCallsPerSecond;
  }

  static WorkloadProfile none() {
    WorkloadProfile w = new WorkloadProfile();
    w.placeholder = true;
    return w;
  }

  /**
   * @param keepValues whether statement text may carry production's values into the scenario: without
   *     it, a statement whose text still holds a string literal (pg_stat_statements did not replace
   *     it by {@code $n}) is skipped, and every skipped statement is listed with its literals and
   *     comments masked. Comments are dropped from an operation's SQL either way.
   */
  static WorkloadProfile from(WorkloadReader.Sample sample, QueryBinder binder, int top, boolean keepValues) {
    WorkloadProfile w = new WorkloadProfile();
    w.sampledCallsPerSecond = sample.totalCallsPerSecond();
    Map<String, Integer> names = new LinkedHashMap<>();
    for (WorkloadReader.QueryRate q : sample.queries()) {
      String rate = String.format(Locale.ROOT, "%.1f/s", q.callsPerSecond());
      String shown = shorten(keepValues ? q.query() : SqlLiterals.mask(q.query()));
      if (w.operations.size() >= top) {
        w.skipped.add(rate + " beyond --top " + top + ": " + shown);
        continue;
      }
      String sql = SqlLiterals.withoutComments(q.query()); // a tool's tag comment is not needed to run it
      QueryBinder.Bound bound = binder.bind(sql);
      if (bound.skipped() != null) {
        w.skipped.add(rate + " " + bound.skipped() + ": " + shown);
        continue;
      }
      if (!keepValues && SqlLiterals.holdsStringLiterals(sql)) {
        w.skipped.add(rate + " its text holds string literals pg_stat_statements did not replace by $n (shown as "
            + SqlLiterals.MASK + "; --keep-values keeps it): " + shown);
        continue;
      }
      String base = sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      int n = names.merge(base, 1, Integer::sum);
      w.operations.add(new Operation(base + "-" + n, q.callsPerSecond(), bound));
    }
    if (w.operations.isEmpty()) {
      w.placeholder = true;
    }
    return w;
  }

  Map<String, Object> yaml() {
    Map<String, Object> workload = new LinkedHashMap<>();
    List<Map<String, Object>> ops = new ArrayList<>();
    if (placeholder) {
      workload.put("rate", 10);
      ops.add(YamlMaps.of("name", "placeholder", "weight", 1, "sql", "SELECT 1"));
    } else {
      double total = ratePerSecond();
      workload.put("rate", Math.max(0.01, Math.round(total * 100) / 100.0));
      workload.put("arrival", "poisson");
      for (Operation o : operations) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("name", o.name());
        op.put("weight", Math.max(1, Math.round(1000 * o.callsPerSecond() / total)));
        op.put("sql", o.bound().sql());
        if (!o.bound().params().isEmpty()) {
          op.put("params", o.bound().params());
        }
        if (o.bound().ledger() != null) {
          op.put("ledger", o.bound().ledger());
        }
        ops.add(op);
      }
    }
    workload.put("pool", YamlMaps.of("maximumPoolSize", 10, "connectionTimeout", "2s"));
    workload.put("operations", ops);
    return workload;
  }

  static String shorten(String query) {
    String q = query.strip().replaceAll("\\s+", " ");
    return q.length() > 120 ? q.substring(0, 117) + "..." : q;
  }
}
