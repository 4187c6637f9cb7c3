package dev.rehearsal.scenario;

/**
 * A panel that turns one measured figure into a verdict.
 *
 * @param metric a summary figure of the report (e.g. {@code peakP99Ms}); see {@code dev.rehearsal.report.MetricCatalogue}
 * @param warn threshold for a warning, or null
 * @param critical threshold for failure, or null
 * @param strict false or absent: breached when the figure reaches a threshold ({@code >=}, so
 *     "lostWrites critical 1" fails on the first lost write); true: only when it exceeds it ({@code >})
 * @param action what to do when breached
 * @param owner who acts
 */
public record BudgetSpec(String metric, Double warn, Double critical, Boolean strict, String action, String owner) {

  /** An inclusive budget: breached at the threshold. */
  public BudgetSpec(String metric, Double warn, Double critical, String action, String owner) {
    this(metric, warn, critical, false, action, owner);
  }

  /** The first threshold the figure meets: its warning, else its critical one; null with neither. */
  public Double firstThreshold() {
    return warn != null ? warn : critical;
  }

  /** Whether a figure equal to a threshold is still within budget. */
  public boolean isStrict() {
    return Boolean.TRUE.equals(strict);
  }
}
