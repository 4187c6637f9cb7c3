package dev.rehearsal.scenario;

/**
 * One migration step: exactly one of inline {@code sql} or a {@code file} of SQL. Either may hold
 * several statements; they are split and run one by one.
 */
public record StepSpec(String sql, String file) {}
