package dev.rehearsal.scenario;

/**
 * A panel that turns one measured figure into a verdict: breached when the figure is greater
 * than or equal to a threshold.
 *
 * @param metric a summary figure of the report (e.g. {@code peakP99Ms}); see {@link Metrics}
 * @param warn threshold for a warning, or null
 * @param critical threshold for failure, or null
 * @param action what to do when breached
 * @param owner who acts
 */
public record BudgetSpec(String metric, Double warn, Double critical, String action, String owner) {}
