package dev.rehearsal.harness.migrate;

/**
 * A migration statement to run and where it came from, for messages.
 *
 * @param origin the step label or file name
 * @param line 1-based line of its first character in that step or file
 */
public record PlannedStatement(String sql, String origin, int line) {}
