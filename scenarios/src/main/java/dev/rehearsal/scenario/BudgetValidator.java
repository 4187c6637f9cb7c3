package dev.rehearsal.scenario;

import dev.rehearsal.report.MetricCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks {@code budgets:} and builds the list of {@link BudgetSpec}s. A scenario without
 * budgets gets {@link #DEFAULTS}: the failures no migration may ship with.
 */
final class BudgetValidator {

  private static final String OWNER = "migration author";

  /**
   * Applied when a scenario declares no budgets (the key is absent, empty or an empty list): what
   * no migration may ship with (a lost write, a request turned away by the pool or dropped by
   * the load generator, a failed health check or statement), and a warning when the application waited a second on a lock or saw
   * latency spike for more than a few seconds.
   */
  static final List<BudgetSpec> DEFAULTS = List.of(
      new BudgetSpec("lostWrites", null, 1.0,
          "Acknowledged writes disappeared during the migration; do not ship it.", OWNER),
      new BudgetSpec("poolTimeouts", null, 1.0,
          "Requests gave up waiting for a pooled connection; find the statement that waited "
              + "for a lock and set lock_timeout with retries.", OWNER),
      new BudgetSpec("droppedOperations", null, 1.0,
          "Requests were dropped: so many were still waiting that the load generator turned new ones "
              + "away, as a saturated application would; shorten the lock the migration holds or waits for "
              + "until requests keep flowing.", OWNER),
      new BudgetSpec("healthCheckFailures", null, 1.0,
          "Health checks failed: an orchestrator would have restarted or drained instances. "
              + "Shorten the lock the migration holds or waits for.", OWNER),
      new BudgetSpec("migrationErrors", null, 1.0,
          "A migration statement failed; fix it before shipping.", OWNER),
      new BudgetSpec("longestWaitMs", 1000.0, null,
          "An application session waited a second or more on a lock; see which statement it "
              + "waited for and whether a safer strategy avoids the strong lock.", OWNER),
      new BudgetSpec("spikeSeconds", 3.0, null,
          "Latency spiked for several seconds; check the statements that ran then.", OWNER));

  private static final String BUDGETS = "/budgets";

  private final ErrorReporter errors;

  BudgetValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  List<BudgetSpec> validate(List<BudgetSpec> budgets) {
    if (budgets == null || budgets.isEmpty()) {
      return DEFAULTS;
    }
    List<BudgetSpec> result = new ArrayList<>();
    for (int i = 0; i < budgets.size(); i++) {
      String path = YamlPath.child(BUDGETS, i);
      result.add(budget(errors.require(budgets.get(i), path, thresholdHint()), path));
    }
    return List.copyOf(result);
  }

  private BudgetSpec budget(BudgetSpec budget, String path) {
    String metricPath = path + "/metric";
    String metricHint = "known metrics: "
        + String.join(", ", new TreeSet<>(MetricCatalogue.budgetable()));
    String metric = errors.requireText(budget.metric(), metricPath, metricHint);
    if (!MetricCatalogue.budgetable().contains(metric)) {
      throw errors.at(metricPath, MetricCatalogue.find(metric)
          .map(m -> "metric '" + metric + "' cannot be a budget (" + m.description() + ")")
          .orElse("unknown metric '" + metric + "'"), metricHint);
    }
    Double warn = budget.warn();
    Double critical = budget.critical();
    if (warn == null && critical == null) {
      throw errors.at(path, "budget for " + metric + " needs warn, critical or both",
          thresholdHint());
    }
    checkNotNegative(warn, path + "/warn");
    checkNotNegative(critical, path + "/critical");
    if (warn != null && critical != null && warn > critical) {
      String warnPath = path + "/warn";
      throw errors.at(warnPath, "warn must not be greater than critical ("
              + errors.got(path + "/critical") + "), got " + errors.got(warnPath),
          "warn is the lower threshold: a warning first, failure at critical");
    }
    return budget;
  }

  private void checkNotNegative(Double threshold, String path) {
    if (threshold != null && !(threshold >= 0)) {
      throw errors.at(path, YamlPath.label(path) + " must not be negative, got "
          + errors.got(path));
    }
  }

  private static String thresholdHint() {
    return "a budget is breached when its metric reaches a threshold, "
        + "e.g. {metric: lostWrites, critical: 1}";
  }
}
