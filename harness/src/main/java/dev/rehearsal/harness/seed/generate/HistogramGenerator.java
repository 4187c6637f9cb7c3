package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.notEnough;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code histogram}: a column as {@code pg_stats} describes it. The most common values take
 * exactly their shares of the rows; the remaining rows are spread evenly over {@code distinct}
 * other values, which lie along the equi-depth histogram {@code bounds} (value k of D at the
 * quantile (k + 0.5) / D, interpolated between the two bounds around it) or, for text without
 * bounds, are synthetic words of {@code minLength}..{@code maxLength} characters ("r" and the
 * value's number in letters, padded), never equal to a listed value that starts otherwise.
 *
 * <p>Rows are placed by a permutation of the row numbers, so frequencies and the number of
 * distinct values come out exact rather than as a random draw would leave them; with
 * {@code ordered} the rest values follow the row number instead (physical correlation near 1) and
 * the common values are drawn per row at their shares.
 */
final class HistogramGenerator implements ColumnGenerator {

  private final ValueKind kind;
  private final Literal[] common;
  /** Row counts at which each common value's segment of the permuted rows ends. */
  private final long[] commonEnds;
  private final double[] commonCumulative;
  private final long rows;
  private final long distinct;
  /** Bounds as numbers at {@link #scale} (micros for timestamps); null for synthetic text. */
  private final long[] bounds;
  private final int scale;
  private final int minLength;
  private final int maxLength;
  private final long seed;
  private final Permutation permutation;
  private final byte[] scratch;

  private HistogramGenerator(ValueKind kind, Literal[] common, double[] weights, long rows, long distinct,
      long[] bounds, int scale, int minLength, int maxLength, long seed, boolean ordered) {
    this.kind = kind;
    this.common = common;
    this.rows = rows;
    this.distinct = distinct;
    this.bounds = bounds;
    this.scale = scale;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.seed = seed;
    this.commonEnds = new long[common.length];
    this.commonCumulative = new double[common.length];
    double running = 0;
    for (int i = 0; i < common.length; i++) {
      running += weights[i];
      commonCumulative[i] = running;
      commonEnds[i] = Math.round(running * rows);
    }
    this.permutation = ordered ? null : new Permutation(rows, seed);
    this.scratch = new byte[Math.max(maxLength, 16) + 16];
  }

  static HistogramGenerator of(ColumnSpec spec, ValueKind literalKind, long rows, long seed, boolean unique) {
    List<String> values = spec.values() == null ? List.of() : spec.values();
    List<Double> weights = spec.weights() == null ? List.of() : spec.weights();
    long distinct = spec.distinct() == null ? 0 : spec.distinct();
    if (unique && (!values.isEmpty() || distinct < rows)) {
      throw notEnough(rows, values.size() + distinct, "a histogram repeats its values; for a unique column use "
          + "sequence, uniform or text");
    }
    Literal[] common = values.stream().map(v -> Literal.parse(v, literalKind)).toArray(Literal[]::new);
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    boolean text = literalKind == ValueKind.TEXT;
    if (spec.bounds() == null && !text && distinct > 0) {
      throw new IllegalArgumentException("histogram of a " + literalKind.name().toLowerCase() + " column needs "
          + "bounds for its " + distinct + " other values");
    }
    if (spec.bounds() != null && (text || literalKind == ValueKind.BOOLEAN || literalKind == ValueKind.UUID
        || literalKind == ValueKind.JSON)) {
      throw new IllegalArgumentException("histogram bounds are for numbers and timestamps, not "
          + literalKind.name().toLowerCase() + "; give minLength and maxLength instead");
    }
    int scale = 0;
    long[] bounds = null;
    if (spec.bounds() != null) {
      List<Literal> parsed = new ArrayList<>();
      for (String b : spec.bounds()) {
        parsed.add(Literal.parse(b, literalKind));
      }
      for (Literal l : parsed) {
        scale = Math.max(scale, l.scale());
      }
      for (Literal l : common) {
        scale = Math.max(scale, l.scale());
      }
      bounds = new long[parsed.size()];
      for (int i = 0; i < bounds.length; i++) {
        bounds[i] = atScale(parsed.get(i), scale);
        if (i > 0 && bounds[i] < bounds[i - 1]) {
          throw new IllegalArgumentException("histogram bounds must be in ascending order ("
              + spec.bounds().get(i - 1) + " before " + spec.bounds().get(i) + ")");
        }
      }
      if (literalKind == ValueKind.DECIMAL) {
        for (int i = 0; i < common.length; i++) {
          common[i] = new Literal(ValueKind.DECIMAL, atScale(common[i], scale), scale, null, 0);
        }
      }
    }
    int minLength = spec.minLength() == null ? 8 : spec.minLength();
    int maxLength = spec.maxLength() == null ? Math.max(minLength, 12) : spec.maxLength();
    return new HistogramGenerator(literalKind, common, w, rows, distinct, bounds, scale, minLength, maxLength,
        seed, Boolean.TRUE.equals(spec.ordered()));
  }

  private static long atScale(Literal l, int scale) {
    return l.kind() == ValueKind.DECIMAL ? Math.multiplyExact(l.number(), NumberGenerator.pow10(scale - l.scale()))
        : l.number();
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public void write(long row, FieldWriter out) {
    int c = commonIndex(row);
    if (c >= 0) {
      common[c].write(out);
      return;
    }
    long k = restIndex(row);
    if (bounds == null) {
      int length = text(k);
      out.writeText(scratch, 0, length);
      return;
    }
    long v = valueAt(k);
    switch (kind) {
      case INTEGER -> out.writeLong(v);
      case DECIMAL -> out.writeDecimal(v, scale);
      case TIMESTAMP -> out.writeTimestampMicros(v);
      default -> throw new IllegalStateException("histogram bounds of kind " + kind);
    }
  }

  /** The common value row {@code row} gets, or -1 for one of the other values. */
  private int commonIndex(long row) {
    if (common.length == 0) {
      return -1;
    }
    if (permutation == null) {
      double u = Rng.unit(Rng.at(seed, row));
      for (int i = 0; i < commonCumulative.length; i++) {
        if (u < commonCumulative[i]) {
          return i;
        }
      }
      return distinct == 0 ? common.length - 1 : -1;
    }
    long p = permutation.apply(row - 1);
    for (int i = 0; i < commonEnds.length; i++) {
      if (p < commonEnds[i]) {
        return i;
      }
    }
    return distinct == 0 ? (int) (p % common.length) : -1;
  }

  /** Which of the {@code distinct} other values the row gets: an even share of the rest each. */
  private long restIndex(long row) {
    if (permutation == null) {
      return Math.min(distinct - 1, (long) ((double) (row - 1) * distinct / rows));
    }
    long firstRest = commonEnds.length == 0 ? 0 : commonEnds[commonEnds.length - 1];
    long p = permutation.apply(row - 1) - firstRest;
    long restRows = Math.max(1, rows - firstRest);
    return Math.min(distinct - 1, (long) ((double) p * distinct / restRows));
  }

  /** Value k of D along the histogram: the quantile (k + 0.5) / D, linear between bounds. */
  long valueAt(long k) {
    double q = (k + 0.5) / distinct;
    double position = q * (bounds.length - 1);
    int i = Math.min(bounds.length - 2, (int) position);
    double within = position - i;
    return bounds[i] + Math.round(within * ((double) bounds[i + 1] - bounds[i]));
  }

  /** Writes other value k as text into the scratch buffer; returns its length in bytes. */
  private int text(long k) {
    int letters = 1;
    for (long n = k; n >= 26; n /= 26) {
      letters++;
    }
    long h = Rng.at(seed ^ 0x5bd1e995L, k + 1);
    int length = minLength + (int) Rng.below(h, maxLength - minLength + 1L);
    length = Math.max(length, 1 + letters);
    scratch[0] = 'r';
    long n = k;
    for (int i = letters; i >= 1; i--) {
      scratch[i] = (byte) ('a' + n % 26);
      n /= 26;
    }
    for (int i = letters + 1; i < length; i++) {
      h = Rng.next(h);
      scratch[i] = (byte) ('a' + Rng.below(h, 26));
    }
    return length;
  }

  @Override
  public int maxTextLength() {
    if (kind != ValueKind.TEXT) {
      return -1;
    }
    int longest = distinct == 0 ? 0 : Math.max(maxLength, 1 + Long.toString(distinct, 26).length());
    for (Literal l : common) {
      longest = Math.max(longest, l.characters());
    }
    return longest;
  }

  @Override
  public int scale() {
    return kind == ValueKind.DECIMAL ? scale : 0;
  }

  @Override
  public long minLong() {
    long min = bounds == null || distinct == 0 ? Long.MAX_VALUE : bounds[0];
    for (Literal l : common) {
      min = Math.min(min, l.number());
    }
    return min;
  }

  @Override
  public long maxLong() {
    long max = bounds == null || distinct == 0 ? Long.MIN_VALUE : bounds[bounds.length - 1];
    for (Literal l : common) {
      max = Math.max(max, l.number());
    }
    return max;
  }
}
