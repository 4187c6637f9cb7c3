package dev.rehearsal.scenario;

import java.util.List;

/**
 * How to generate one column's values while seeding. Keys not used by a generator must be
 * absent (the validator says which keys each generator takes). Defaults are not filled in: a
 * key left out stays null here, and the seeder applies the default named below.
 *
 * <p>{@code generator} is one of:
 * <ul>
 *   <li>{@code sequence} — {@code min} (default 1), {@code min}+1, ... by row number; unique.
 *       With {@code rowsPerValue: N} each value repeats for N consecutive rows (pgbench's
 *       {@code bid = (aid - 1) / 100000 + 1}), no longer unique
 *   <li>{@code uniform} — whole numbers uniformly in [{@code min}, {@code max}]; with
 *       {@code scale: 2} decimals with two places in the same range ({@code scale} 0 to 18)
 *   <li>{@code zipfian} — in [{@code min}, {@code max}], {@code min} most frequent, exponent
 *       {@code skew} (default 1.0); {@code scale} as for uniform
 *   <li>{@code text} — lowercase words, {@code length} characters, or a length drawn uniformly
 *       from [{@code minLength}, {@code maxLength}] (both given, never with {@code length});
 *       default 12
 *   <li>{@code email}, {@code name}, {@code firstName}, {@code lastName}, {@code company},
 *       {@code city}, {@code address}, {@code phone} — realistic values from a pre-built
 *       Datafaker pool; {@code email} is unique by construction
 *   <li>{@code faker} — a Datafaker {@code expression} such as {@code "#{Address.country}"},
 *       drawn from a pool of {@code pool} pre-built values (default 10,000)
 *   <li>{@code timestamp} — between {@code from} and {@code to} (ISO dates, meaning midnight
 *       UTC, or instants; both given, {@code from} earlier, never with {@code days}), or
 *       within the {@code days} days (default 365) before 2026-01-01; recent times denser
 *   <li>{@code choice} — one of {@code values}, uniformly or by {@code weights} (one positive
 *       weight per value)
 *   <li>{@code constant} — always {@code value}; {@code value} may be left out when
 *       {@code nullFraction} is 1 (a column that is always NULL, like pgbench's fillers)
 *   <li>{@code uuid} — random UUIDs (version 4 layout); unique in practice
 *   <li>{@code boolean} — true with probability {@code trueFraction} (default 0.5)
 *   <li>{@code reference} — a value of {@code column} (default: its primary key) of an existing
 *       row of {@code table}, parents chosen with zipfian {@code skew} (default 1.0; 0 =
 *       uniform): some parents have many children, like production. {@code table} is a table
 *       of the same dataset, listed before or after this one, but not this column's own table
 *   <li>{@code json} — a JSON document built from {@code template}: a YAML mapping or list
 *       whose leaves are literals, or mappings with a {@code generator} key (generated per row).
 *       After validation the template is made of unmodifiable {@code Map}s (insertion order)
 *       and {@code List}s whose generator mappings are replaced by validated
 *       {@code ColumnSpec}s; {@code json} and {@code reference} cannot be nested in a template
 *   <li>{@code histogram} — a column's statistics as {@code pg_stats} holds them (what
 *       {@code rehearse profile} writes): the most common {@code values} with their
 *       {@code weights} (shares of the non-NULL rows, summing to at most 1), and the rest of the
 *       rows spread evenly over {@code distinct} other values placed along the equi-depth
 *       histogram {@code bounds} (numbers and timestamps), or, without bounds, synthetic text of
 *       {@code minLength}..{@code maxLength} characters; {@code ordered: true} lays the rest out
 *       in row order (physical correlation near 1)
 * </ul>
 *
 * <p>{@code skew} is for zipfian and reference only, {@code scale} for uniform and zipfian only,
 * {@code rowsPerValue} for sequence only; {@code pool} is 1 to 1,000,000.
 *
 * @param nullFraction fraction of rows that get NULL instead, 0 to 1 (default 0)
 */
public record ColumnSpec(
    String generator,
    Long min,
    Long max,
    Long rowsPerValue,
    Integer scale,
    Double skew,
    Integer length,
    Integer minLength,
    Integer maxLength,
    Integer days,
    String from,
    String to,
    List<String> values,
    List<Double> weights,
    String value,
    String expression,
    Integer pool,
    Double trueFraction,
    String table,
    String column,
    Object template,
    Double nullFraction,
    List<String> bounds,
    Long distinct,
    Boolean ordered) {

  /** A spec without the {@code histogram} keys (every generator but that one). */
  public ColumnSpec(String generator, Long min, Long max, Long rowsPerValue, Integer scale, Double skew,
      Integer length, Integer minLength, Integer maxLength, Integer days, String from, String to,
      List<String> values, List<Double> weights, String value, String expression, Integer pool,
      Double trueFraction, String table, String column, Object template, Double nullFraction) {
    this(generator, min, max, rowsPerValue, scale, skew, length, minLength, maxLength, days, from, to,
        values, weights, value, expression, pool, trueFraction, table, column, template, nullFraction,
        null, null, null);
  }
}
