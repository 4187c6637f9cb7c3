package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A summary's figures by metric name, as budgets and the nightly diff refer to them. The names
 * are the fields of {@code summary} in report.json, plus {@code errors.CLASS} for each error class.
 */
public final class SummaryFigures {

  /** The error classes of DESIGN.md, each a metric {@code errors.<class>} (0 when none happened). */
  public static final List<String> ERROR_CLASSES =
      List.of("lockTimeout", "statementTimeout", "poolTimeout", "connection", "deadlock", "other");

  /** Figures where a higher value is better (everything else: lower is better). */
  private static final List<String> HIGHER_IS_BETTER = List.of("operations");

  private SummaryFigures() {}

  /** Every figure by metric name; a null value means this run did not measure it. */
  public static Map<String, Double> of(Summary s) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("blockedSessionSeconds", s.blockedSessionSeconds());
    m.put("longestWaitMs", s.longestWaitMs());
    m.put("longestBlockedWindowMs", s.longestBlockedWindowMs());
    m.put("maxSessionsBlocked", (double) s.maxSessionsBlocked());
    m.put("baselineP99Ms", s.baselineP99Ms());
    m.put("peakP99Ms", s.peakP99Ms());
    m.put("p99Ratio", s.p99Ratio());
    m.put("spikeSeconds", (double) s.spikeSeconds());
    m.put("poolTimeouts", (double) s.poolTimeouts());
    m.put("poolSaturatedSeconds", (double) s.poolSaturatedSeconds());
    m.put("maxPoolWaiting", (double) s.maxPoolWaiting());
    m.put("errors", (double) s.errors());
    Map<String, Long> byClass = Nulls.map(s.errorsByClass());
    for (String errorClass : ERROR_CLASSES) {
      Long n = byClass.get(errorClass);
      m.put("errors." + errorClass, n == null ? 0.0 : n.doubleValue());
    }
    m.put("droppedOperations", (double) s.droppedOperations());
    m.put("lostWrites", s.lostWrites() == null ? null : s.lostWrites().doubleValue());
    m.put("healthCheckFailures", s.healthCheckFailures() == null ? null : s.healthCheckFailures().doubleValue());
    m.put("migrationDurationMs", s.migrationDurationMs());
    m.put("migrationErrors", (double) s.migrationErrors());
    m.put("operations", (double) s.operations());
    return m;
  }

  /** Every metric name {@link #of} gives, in its order: what budgets and the diff may name. */
  public static List<String> metrics() {
    Summary none = new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, null, null, 0, 0);
    return List.copyOf(of(none).keySet());
  }

  /** Whether a rise in this figure is an improvement (throughput) rather than a regression. */
  public static boolean higherIsBetter(String metric) {
    return HIGHER_IS_BETTER.contains(metric);
  }
}
