package dev.rehearsal.scenario;

/**
 * A generator for one statement parameter.
 *
 * <p>{@code kind} is one of:
 * <ul>
 *   <li>{@code existingKey} — an id in 1..rows of the seeded {@code table}
 *   <li>{@code newKey} — an id above every seeded id of {@code table}, never repeated
 *   <li>{@code uniform} — integer uniformly in [{@code min}, {@code max}]
 *   <li>{@code text} — random letters, {@code length} characters (default 12)
 * </ul>
 */
public record ParamSpec(String kind, String table, Long min, Long max, Integer length) {}
