package dev.rehearsal.scenario;

import java.util.List;

/**
 * A generator for one statement parameter. The validated model has its defaults filled in.
 *
 * <p>{@code kind} is one of:
 * <ul>
 *   <li>{@code existingKey} — an id in 1..rows of the seeded {@code table}, drawn with
 *       {@code distribution} {@code uniform} (every id equally likely; the default) or
 *       {@code zipfian} (low ids most often, the more so the larger {@code skew}, default 1.0:
 *       a hot set like real traffic's)
 *   <li>{@code newKey} — an id above every seeded id of {@code table}, never repeated
 *   <li>{@code uniform} — integer uniformly in [{@code min}, {@code max}]
 *   <li>{@code text} — random letters, {@code length} characters (default 12)
 *   <li>{@code choice} — one of {@code values} (strings or numbers, bound with their YAML type:
 *       text, or an integer as {@code bigint}, a decimal as {@code double precision}), equally
 *       likely or in proportion to {@code weights} (one positive weight per value)
 * </ul>
 *
 * <p>Component names are the YAML keys of a param, in the order they are listed to the user
 * when a key is unknown.
 */
public record ParamSpec(
    String kind,
    String table,
    Long min,
    Long max,
    Integer length,
    String distribution,
    Double skew,
    List<Object> values,
    List<Double> weights) {

  /** A param of a kind other than {@code choice}. */
  public ParamSpec(String kind, String table, Long min, Long max, Integer length, String distribution,
      Double skew) {
    this(kind, table, min, max, length, distribution, skew, null, null);
  }
}
