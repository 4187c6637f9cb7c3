package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.List;

/**
 * One of a few literal values per row ({@code choice}; {@code constant} is a choice of one):
 * uniformly, by weights (cumulative table), or — for a unique column — each value once in a
 * permuted order.
 */
final class ChoiceGenerator implements ColumnGenerator {

  private final Literal[] values;
  private final double[] cumulative;
  private final long seed;
  private final Permutation permutation;

  private ChoiceGenerator(Literal[] values, double[] cumulative, long seed, Permutation permutation) {
    this.values = values;
    this.cumulative = cumulative;
    this.seed = seed;
    this.permutation = permutation;
  }

  static ChoiceGenerator of(List<Literal> values, List<Double> weights, long seed) {
    double[] cumulative = null;
    if (weights != null) {
      cumulative = new double[weights.size()];
      double total = weights.stream().mapToDouble(Double::doubleValue).sum();
      double running = 0;
      for (int i = 0; i < cumulative.length; i++) {
        running += weights.get(i);
        cumulative[i] = running / total;
      }
    }
    return new ChoiceGenerator(values.toArray(new Literal[0]), cumulative, seed, null);
  }

  static ChoiceGenerator unique(List<Literal> values, long seed) {
    return new ChoiceGenerator(values.toArray(new Literal[0]), null, seed, new Permutation(values.size(), seed));
  }

  int size() {
    return values.length;
  }

  @Override
  public ValueKind kind() {
    return values[0].kind();
  }

  @Override
  public void write(long row, FieldWriter out) {
    values[index(row)].write(out);
  }

  private int index(long row) {
    if (permutation != null) {
      return (int) permutation.apply(row - 1);
    }
    if (values.length == 1) {
      return 0;
    }
    long h = Rng.at(seed, row);
    if (cumulative == null) {
      return (int) Rng.below(h, values.length);
    }
    double u = Rng.unit(h);
    int i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]) {
      i++;
    }
    return i;
  }

  @Override
  public boolean unique() {
    return permutation != null;
  }

  @Override
  public int maxTextLength() {
    int longest = -1;
    for (Literal v : values) {
      longest = Math.max(longest, v.characters());
    }
    return longest;
  }

  /** Numbers are compared at the largest scale among the values: 19.99 and 5 are 1999 and 500. */
  @Override
  public int scale() {
    int scale = 0;
    for (Literal v : values) {
      scale = Math.max(scale, v.scale());
    }
    return scale;
  }

  @Override
  public long minLong() {
    long min = Long.MAX_VALUE;
    for (Literal v : values) {
      min = Math.min(min, atScale(v));
    }
    return min;
  }

  @Override
  public long maxLong() {
    long max = Long.MIN_VALUE;
    for (Literal v : values) {
      max = Math.max(max, atScale(v));
    }
    return max;
  }

  private long atScale(Literal v) {
    try {
      return Math.multiplyExact(v.number(), NumberGenerator.pow10(scale() - v.scale()));
    } catch (ArithmeticException e) {
      return v.number() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
