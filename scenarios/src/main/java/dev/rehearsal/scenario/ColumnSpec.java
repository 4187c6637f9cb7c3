package dev.rehearsal.scenario;

import java.util.List;

/**
 * How to generate one column's values while seeding.
 *
 * <p>{@code generator} is one of:
 * <ul>
 *   <li>{@code sequence} — 1, 2, 3, ... (row number)
 *   <li>{@code uniform} — integer uniformly in [{@code min}, {@code max}]
 *   <li>{@code text} — random letters, {@code length} characters (default 12)
 *   <li>{@code email} — unique address derived from the row number
 *   <li>{@code name} — a person's name from a fixed pool
 *   <li>{@code timestamp} — a time within the last {@code days} days (default 365), recent
 *       times denser
 *   <li>{@code choice} — one of {@code values}, uniformly
 *   <li>{@code constant} — always {@code value}
 * </ul>
 *
 * @param nullFraction fraction of rows that get NULL instead, 0 to 1 (default 0)
 */
public record ColumnSpec(
    String generator,
    Long min,
    Long max,
    Integer length,
    Integer days,
    List<String> values,
    String value,
    Double nullFraction) {}
