package dev.rehearsal.harness.verdict;

import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.LinkedHashMap;
import java.util.Map;

/** A summary's figures by metric name, as budgets refer to them; null = not measured. */
public final class SummaryFigures {

  private SummaryFigures() {}

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
    m.put("droppedOperations", (double) s.droppedOperations());
    m.put("lostWrites", s.lostWrites() == null ? null : s.lostWrites().doubleValue());
    m.put("healthCheckFailures", s.healthCheckFailures() == null ? null : s.healthCheckFailures().doubleValue());
    m.put("migrationDurationMs", s.migrationDurationMs());
    m.put("migrationErrors", (double) s.migrationErrors());
    return m;
  }
}
