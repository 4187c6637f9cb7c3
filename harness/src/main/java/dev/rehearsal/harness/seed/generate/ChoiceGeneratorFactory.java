package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.notEnough;

import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the generators that pick from a few given values: {@code choice}, {@code constant} (a
 * choice of one) and {@code boolean}. The values are written as text in the scenario and parsed
 * as the column's type here; for a unique column each distinct value can be drawn once, so
 * there must be at least as many distinct values as rows.
 */
final class ChoiceGeneratorFactory {

  private ChoiceGeneratorFactory() {}

  static ColumnGenerator constant(ColumnSpec spec, ValueKind literalKind, long rows, long seed,
      boolean unique) {
    if (spec.value() == null) {
      return new NullGenerator(literalKind); // {generator: constant, nullFraction: 1}
    }
    return choice(spec, List.of(spec.value()), literalKind, rows, seed, unique);
  }

  static ColumnGenerator choice(ColumnSpec spec, List<String> texts, ValueKind literalKind, long rows,
      long seed, boolean unique) {
    List<Literal> literals = texts.stream().map(t -> Literal.parse(t, literalKind)).toList();
    if (!unique || rows <= 1) {
      return ChoiceGenerator.of(literals, spec.weights(), seed);
    }
    // each distinct value once: a value listed twice must not be drawn twice
    Map<String, Literal> distinct = new LinkedHashMap<>();
    for (Literal l : literals) {
      distinct.putIfAbsent(l.kind() + ":" + l.number() + ":" + l.scale() + ":" + l.high() + ":"
          + (l.utf8() == null ? "" : new String(l.utf8(), StandardCharsets.UTF_8)), l);
    }
    if (distinct.size() < rows) {
      throw notEnough(rows, distinct.size(), "list more values, or use a generator with a range");
    }
    return ChoiceGenerator.unique(List.copyOf(distinct.values()), seed);
  }

  static ColumnGenerator bool(ColumnSpec spec, long rows, long seed, boolean unique) {
    if (unique && rows > 2) {
      throw notEnough(rows, 2, "a boolean column cannot be unique beyond two rows");
    }
    return new BooleanGenerator(spec.trueFraction() == null ? 0.5 : spec.trueFraction(), seed);
  }
}
