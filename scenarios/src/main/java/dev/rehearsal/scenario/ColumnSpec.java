package dev.rehearsal.scenario;

import java.util.List;

/**
 * How to generate one column's values while seeding. Keys not used by a generator must be
 * absent (the validator says which keys each generator takes).
 *
 * <p>{@code generator} is one of:
 * <ul>
 *   <li>{@code sequence} — {@code min} (default 1), {@code min}+1, ... by row number; unique.
 *       With {@code rowsPerValue: N} each value repeats for N consecutive rows (pgbench's
 *       {@code bid = (aid - 1) / 100000 + 1}), no longer unique
 *   <li>{@code uniform} — whole numbers uniformly in [{@code min}, {@code max}]; with
 *       {@code scale: 2} decimals with two places in the same range
 *   <li>{@code zipfian} — in [{@code min}, {@code max}], {@code min} most frequent, exponent
 *       {@code skew} (default 1.0); {@code scale} as for uniform
 *   <li>{@code text} — lowercase words, {@code length} characters, or a length drawn uniformly
 *       from [{@code minLength}, {@code maxLength}] (default 12)
 *   <li>{@code email}, {@code name}, {@code firstName}, {@code lastName}, {@code company},
 *       {@code city}, {@code address}, {@code phone} — realistic values from a pre-built
 *       Datafaker pool; {@code email} is unique by construction
 *   <li>{@code faker} — a Datafaker {@code expression} such as {@code "#{Address.country}"},
 *       drawn from a pool of {@code pool} pre-built values (default 10,000)
 *   <li>{@code timestamp} — between {@code from} and {@code to} (ISO dates or instants), or
 *       within the {@code days} days (default 365) before 2026-01-01; recent times denser
 *   <li>{@code choice} — one of {@code values}, uniformly or by {@code weights}
 *   <li>{@code constant} — always {@code value}
 *   <li>{@code uuid} — random UUIDs (version 4 layout); unique in practice
 *   <li>{@code boolean} — true with probability {@code trueFraction} (default 0.5)
 *   <li>{@code reference} — a value of {@code column} (default: its primary key) of an existing
 *       row of {@code table}, parents chosen with zipfian {@code skew} (default 1.0; 0 =
 *       uniform): some parents have many children, like production
 *   <li>{@code json} — a JSON document built from {@code template}: a YAML mapping or list
 *       whose leaves are literals, or mappings with a {@code generator} key (generated per row)
 * </ul>
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
    Double nullFraction) {}
