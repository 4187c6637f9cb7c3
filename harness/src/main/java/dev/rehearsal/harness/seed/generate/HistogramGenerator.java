package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.GeneratorFactory.notEnough;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;
import dev.rehearsal.scenario.ColumnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code histogram}: a column as {@code pg_stats} describes it. NULLs and the most common values
 * take exactly their shares of the rows; the remaining rows are spread evenly (to a row) over
 * {@code distinct} other values. Those lie along the equi-depth histogram {@code bounds}: an equal
 * number of them between each two bounds, except where a stretch holds fewer whole units (integers,
 * decimal places, microseconds) than that, which then takes every unit it has and leaves the rest
 * to the others; units taken by a common value are skipped, so the other values never repeat one.
 * Text without bounds is synthetic words of {@code minLength}..{@code maxLength} characters ("r"
 * and the value's number in letters, padded), never equal to a common value that starts otherwise.
 *
 * <p>Rows are placed by a permutation of the row numbers, so frequencies, NULLs and the number of
 * distinct values come out exact rather than as a random draw would leave them; with
 * {@code ordered} the other values follow the row number instead (physical correlation near 1)
 * and NULLs and common values are drawn per row at their shares. The generator makes its own
 * NULLs ({@code nullFraction}): drawn independently of the placement they would hide values.
 */
final class HistogramGenerator implements ColumnGenerator {

  private static final long DAY_MICROS = 86_400_000_000L;

  private final ValueKind kind;
  private final Literal[] common;
  private final double nullFraction;
  private final long nullRows;
  /** Row counts (after the NULL rows) at which each common value's segment of the permuted rows ends. */
  private final long[] commonEnds;
  private final long rows;
  private final long distinct;
  /** The other values actually placed: {@link #distinct}, or fewer when the bounds hold fewer units. */
  private final long placed;
  /** Bounds as whole units at {@link #scale} (micros for timestamps); null for synthetic text. */
  private final long[] bounds;
  /** Per stretch between bounds: the index of its first other value, and how many it holds. */
  private final long[] firstValue;
  private final long[] values;
  /** Per stretch: its whole units not taken by a common value. */
  private final long[] freeUnits;
  /** The common values' units, ascending (skipped when placing other values). */
  private final long[] commonUnits;
  private final int scale;
  /** Microseconds per unit of {@link #bounds}: 1, or a day's when every bound is a date (a date column). */
  private final long unitMicros;
  private final int minLength;
  private final int maxLength;
  private final long seed;
  private final Permutation permutation;
  private final byte[] scratch;

  private HistogramGenerator(ValueKind kind, Literal[] common, double[] weights, double nullFraction, long rows,
      long distinct, long[] bounds, int scale, long unitMicros, int minLength, int maxLength, long seed,
      boolean ordered) {
    this.unitMicros = unitMicros;
    this.kind = kind;
    this.common = common;
    this.nullFraction = nullFraction;
    this.rows = rows;
    this.distinct = distinct;
    this.bounds = bounds;
    this.scale = scale;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.seed = seed;
    this.nullRows = Math.round(nullFraction * rows);
    long nonNull = rows - nullRows;
    this.commonEnds = new long[common.length];
    double running = 0;
    for (int i = 0; i < common.length; i++) {
      running += weights[i];
      commonEnds[i] = Math.min(nonNull, Math.round(running * nonNull));
    }
    this.commonUnits = bounds == null ? new long[0]
        : java.util.Arrays.stream(common).mapToLong(l -> l.number() / unitMicros).sorted().toArray();
    this.firstValue = bounds == null ? null : new long[bounds.length - 1];
    this.freeUnits = bounds == null ? null : new long[bounds.length - 1];
    this.values = bounds == null ? null : allocate(bounds, commonUnits, distinct, firstValue, freeUnits);
    // more values than the stretches have units: the rows go to as many as there are
    this.placed = bounds == null ? distinct : Math.max(1, java.util.Arrays.stream(values).sum());
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
    long unitMicros = 1;
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
      unitMicros = literalKind == ValueKind.TIMESTAMP && spec.bounds().stream().allMatch(b -> b.length() == 10)
          ? DAY_MICROS : 1;
      for (int i = 0; i < bounds.length; i++) {
        bounds[i] = atScale(parsed.get(i), scale) / unitMicros;
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
    double nullFraction = spec.nullFraction() == null ? 0 : spec.nullFraction();
    return new HistogramGenerator(literalKind, common, w, nullFraction, rows, distinct, bounds, scale, unitMicros,
        minLength, maxLength, seed, Boolean.TRUE.equals(spec.ordered()));
  }

  private static long atScale(Literal l, int scale) {
    return l.kind() == ValueKind.DECIMAL ? Math.multiplyExact(l.number(), NumberGenerator.pow10(scale - l.scale()))
        : l.number();
  }

  /**
   * How many of the {@code distinct} other values each stretch between bounds holds: equal shares,
   * capped at the whole units free in the stretch (the last one includes its upper bound), the
   * excess spread over the stretches with room (water-filling). Fills {@code first} and {@code free};
   * returns the counts.
   */
  static long[] allocate(long[] bounds, long[] taken, long distinct, long[] first, long[] free) {
    int n = bounds.length - 1;
    double[] room = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      long upper = i == n - 1 ? bounds[i + 1] + 1 : bounds[i + 1];
      free[i] = Math.max(0, upper - bounds[i] - takenWithin(taken, bounds[i], upper));
      room[i] = free[i];
      total += room[i];
    }
    long want = (long) Math.min(distinct, total);
    double lo = 0;
    double hi = want;
    for (int iteration = 0; iteration < 100; iteration++) { // the level L with sum(min(room, L)) = want
      double mid = (lo + hi) / 2;
      double sum = 0;
      for (double r : room) {
        sum += Math.min(r, mid);
      }
      if (sum < want) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    long[] counts = new long[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      counts[i] = (long) Math.floor(Math.min(room[i], hi));
      given += counts[i];
    }
    for (int i = 0; given < want && i < 4 * n + 4; i++) { // the remainder, one each where there is room
      int b = i % n;
      if (counts[b] < room[b]) {
        counts[b]++;
        given++;
      }
    }
    long running = 0;
    for (int i = 0; i < n; i++) {
      first[i] = running;
      running += counts[i];
    }
    return counts;
  }

  private static long takenWithin(long[] taken, long from, long toExclusive) {
    long count = 0;
    for (long t : taken) {
      if (t >= from && t < toExclusive) {
        count++;
      }
    }
    return count;
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public void write(long row, FieldWriter out) {
    long p = permutation == null ? -1 : permutation.apply(row - 1);
    if (isNull(row, p)) {
      out.writeNull();
      return;
    }
    int c = commonIndex(row, p);
    if (c >= 0) {
      common[c].write(out);
      return;
    }
    long k = restIndex(row, p);
    if (bounds == null) {
      int length = text(k);
      out.writeText(scratch, 0, length);
      return;
    }
    long v = valueAt(k);
    switch (kind) {
      case INTEGER -> out.writeLong(v);
      case DECIMAL -> out.writeDecimal(v, scale);
      case TIMESTAMP -> out.writeTimestampMicros(v * unitMicros);
      default -> throw new IllegalStateException("histogram bounds of kind " + kind);
    }
  }

  private boolean isNull(long row, long p) {
    if (nullFraction <= 0) {
      return false;
    }
    return p < 0 ? Rng.unit(Rng.at(seed ^ 0x6a09e667L, row)) < nullFraction : p < nullRows;
  }

  /** The common value row {@code row} gets, or -1 for one of the other values. */
  private int commonIndex(long row, long p) {
    if (common.length == 0) {
      return -1;
    }
    if (p < 0) {
      long q = (long) (Rng.unit(Rng.at(seed, row)) * (rows - nullRows)); // a random place among the non-NULL rows
      int i = firstAbove(commonEnds, q);
      return i < common.length ? i : distinct == 0 ? common.length - 1 : -1;
    }
    long q = p - nullRows;
    int i = firstAbove(commonEnds, q);
    return i < common.length ? i : distinct == 0 ? (int) (q % common.length) : -1;
  }

  /** The first index whose (ascending) entry is above {@code x}, or the length: a binary search. */
  private static int firstAbove(long[] ascending, long x) {
    int lo = 0;
    int hi = ascending.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Which of the {@code distinct} other values the row gets: an even share of the rest each. */
  private long restIndex(long row, long p) {
    if (p < 0) {
      return Math.min(placed - 1, (long) ((double) (row - 1) * placed / rows));
    }
    long firstRest = nullRows + (commonEnds.length == 0 ? 0 : commonEnds[commonEnds.length - 1]);
    long restRows = Math.max(1, rows - firstRest);
    return Math.min(placed - 1, (long) ((double) (p - firstRest) * placed / restRows));
  }

  /** Other value k: in its stretch between bounds, spread evenly over the units not taken by a common value. */
  long valueAt(long k) {
    int lo = 0;
    int hi = firstValue.length - 1;
    while (lo < hi) { // the last stretch whose first value is at most k
      int mid = (lo + hi + 1) >>> 1;
      if (firstValue[mid] <= k) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int i = lo;
    while (i > 0 && values[i] == 0) {
      i--;
    }
    long count = Math.max(1, values[i]);
    long free = Math.max(1, freeUnits[i]);
    long j = Math.min(k - firstValue[i], count - 1);
    long v = bounds[i] + (long) Math.floor((double) j * free / count);
    int m = java.util.Arrays.binarySearch(commonUnits, bounds[i]);
    for (m = m < 0 ? -m - 1 : m; m < commonUnits.length && commonUnits[m] <= v; m++) {
      v++; // the j-th unit not taken: step over the common values at or below it
    }
    return v;
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
    long min = bounds == null || distinct == 0 ? Long.MAX_VALUE : bounds[0] * unitMicros;
    for (Literal l : common) {
      min = Math.min(min, l.number());
    }
    return min;
  }

  @Override
  public long maxLong() {
    long max = bounds == null || distinct == 0 ? Long.MIN_VALUE : bounds[bounds.length - 1] * unitMicros;
    for (Literal l : common) {
      max = Math.max(max, l.number());
    }
    return max;
  }
}
