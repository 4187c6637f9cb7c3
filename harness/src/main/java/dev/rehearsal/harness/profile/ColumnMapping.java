package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.profile.ProfiledSchema.Category;
import dev.rehearsal.harness.profile.ProfiledSchema.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics to a generator, one column at a time; a pure function (unit-tested case by case):
 * <ul>
 *   <li>a unique or primary-key column stays unique: {@code sequence} when its order follows the
 *       rows (correlation at least 0.5), else {@code uniform} over its range (drawn as a
 *       permutation), {@code text}, {@code timestamp} or {@code uuid};
 *   <li>a column whose most common values cover all its rows: {@code histogram} of just those, at
 *       their exact shares;
 *   <li>otherwise {@code histogram}: the most common values at their shares of the non-NULL rows,
 *       and n_distinct minus their number other values along the histogram bounds (numbers,
 *       timestamps) or as text of the average width, {@code ordered} when correlation is at
 *       least 0.5;
 *   <li>a foreign key to an integer key seeded as a full range: the same histogram, clamped to the
 *       parent's keys (so every value has its parent); else {@code reference} with the zipfian skew
 *       whose hottest parent gets the child's top frequency;
 *   <li>{@code null_frac} becomes {@code nullFraction}; text values become synthetic ones
 *       ({@link SyntheticText}) unless {@code keepValues}.
 * </ul>
 */
final class ColumnMapping {

  /** Where a foreign key's parent keys lie once seeded: low..high all present, or null when not known. */
  record Parent(String table, long rows, Long low, Long high) {}

  /** Facts about the column beyond its statistics: its rows (scaled), uniqueness, parent. */
  record Facts(long rows, boolean unique, Parent parent, boolean keepValues) {}

  private ColumnMapping() {}

  static ColumnPlan plan(Column column, ColumnStats stats, Facts facts) {
    if (column.generated()) {
      return ColumnPlan.none(null);
    }
    if (stats == null) {
      return ColumnPlan.none("no statistics for this column (not analyzed, or hidden): the seeder's default for "
          + column.type());
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    double nullFraction = column.notNull() ? 0 : round(stats.nullFraction(), 4);
    if (nullFraction >= 0.9999) {
      spec.put("generator", "constant");
      spec.put("nullFraction", 1.0);
      return new ColumnPlan(spec, null, List.of(), List.of(), null, null, 0);
    }
    Category category = column.category();
    List<String> common = normalize(stats.commonValues(), category);
    List<Double> weights = weights(stats, common.size());
    List<String> bounds = normalize(stats.histogramBounds(), category);
    String low = lowest(common, bounds, category);
    String high = highest(common, bounds, category);
    int textLength = Math.max(1, stats.averageWidth() - 1);
    boolean ordered = stats.correlation() != null && stats.correlation() >= 0.5;
    ColumnPlan plan;
    if (facts.unique()) {
      plan = unique(column, spec, facts, low, high, ordered, textLength);
    } else if (facts.parent() != null) {
      plan = foreignKey(spec, stats, facts, common, weights, bounds, ordered, textLength);
    } else {
      plan = byCategory(column, spec, stats, facts, common, weights, bounds, ordered, textLength);
    }
    if (plan.spec() != null && nullFraction > 0) {
      plan.spec().put("nullFraction", nullFraction);
    }
    return plan;
  }

  private static ColumnPlan unique(Column column, Map<String, Object> spec, Facts facts, String low, String high,
      boolean ordered, int textLength) {
    switch (column.category()) {
      case INTEGER -> {
        long lo = low == null ? 1 : Long.parseLong(low);
        long hi = high == null ? lo : Long.parseLong(high);
        if (ordered) {
          spec.put("generator", "sequence");
          spec.put("min", lo);
          return plan(spec, List.of(), List.of(), Long.toString(lo), Long.toString(lo + facts.rows() - 1), 0);
        }
        spec.put("generator", "uniform");
        spec.put("min", lo);
        spec.put("max", Math.max(hi, lo + facts.rows() - 1));
        return plan(spec, List.of(), List.of(), Long.toString(lo), spec.get("max").toString(), 0);
      }
      case TEXT -> {
        spec.put("generator", "text");
        spec.put("minLength", Math.max(8, textLength / 2));
        spec.put("maxLength", Math.max(8, textLength / 2) + textLength);
        return plan(spec, List.of(), List.of(), null, null, textLength);
      }
      case TIMESTAMP -> {
        if (low != null && high != null && !low.equals(high)) {
          spec.put("generator", "timestamp");
          spec.put("from", low);
          spec.put("to", high);
          return plan(spec, List.of(), List.of(), low, high, 0);
        }
        return ColumnPlan.none("unique timestamps without a range in the statistics: the seeder's default");
      }
      case UUID -> {
        spec.put("generator", "uuid");
        return plan(spec, List.of(), List.of(), null, null, 0);
      }
      default -> {
        return ColumnPlan.none("unique " + column.type() + ": the seeder's default");
      }
    }
  }

  private static ColumnPlan foreignKey(Map<String, Object> spec, ColumnStats stats, Facts facts,
      List<String> common, List<Double> weights, List<String> bounds, boolean ordered, int textLength) {
    Parent parent = facts.parent();
    boolean integers = parent.low() != null && !bounds.isEmpty() && bounds.stream().allMatch(b -> b.matches("-?\\d+"))
        && common.stream().allMatch(c -> c.matches("-?\\d+"));
    if (!integers) {
      spec.put("generator", "reference");
      spec.put("table", parent.table());
      double nonNull = Math.max(1e-9, 1 - stats.nullFraction());
      double top = stats.commonFrequencies().isEmpty() ? 0 : stats.commonFrequencies().get(0) / nonNull;
      spec.put("skew", round(ZipfFit.skew(parent.rows(), top), 3));
      return plan(spec, List.of(), List.of(), null, null, textLength);
    }
    // A common value outside the parent's seeded keys keeps its frequency on a key that is seeded: the fan-out is
    // what the child's statistics say, not which parent has it. It happens at scale, where the parent's range comes
    // from ANALYZE's sample (its smallest sampled key, say 5, when the keys start at 1) and the hottest parents
    // have the smallest keys.
    java.util.Set<Long> used = new java.util.HashSet<>();
    for (String c : common) {
      long v = Long.parseLong(c);
      if (v >= parent.low() && v <= parent.high()) {
        used.add(v);
      }
    }
    List<String> keptValues = new ArrayList<>();
    List<Double> keptWeights = new ArrayList<>();
    for (int i = 0; i < common.size(); i++) {
      long v = Long.parseLong(common.get(i));
      if (v < parent.low() || v > parent.high()) {
        long step = v < parent.low() ? 1 : -1;
        long moved = v < parent.low() ? parent.low() : parent.high();
        while (used.contains(moved) && moved >= parent.low() && moved <= parent.high()) {
          moved += step;
        }
        if (moved < parent.low() || moved > parent.high()) {
          continue; // every seeded key is already a common value
        }
        used.add(moved);
        v = moved;
      }
      keptValues.add(Long.toString(v));
      keptWeights.add(weights.get(i));
    }
    List<String> clamped = new ArrayList<>();
    for (String b : bounds) {
      clamped.add(Long.toString(Math.max(parent.low(), Math.min(parent.high(), Long.parseLong(b)))));
    }
    long rest = restDistinct(stats, facts.rows(), keptValues.size());
    return histogram(spec, keptValues, keptWeights, rest, clamped, null, ordered, textLength);
  }

  private static ColumnPlan byCategory(Column column, Map<String, Object> spec, ColumnStats stats, Facts facts,
      List<String> common, List<Double> weights, List<String> bounds, boolean ordered, int textLength) {
    Category category = column.category();
    long rest = restDistinct(stats, facts.rows(), common.size());
    double covered = weights.stream().mapToDouble(Double::doubleValue).sum();
    switch (category) {
      case BOOLEAN -> {
        spec.put("generator", "boolean");
        int t = common.indexOf("t");
        spec.put("trueFraction", t < 0 ? (common.contains("f") ? round(1 - covered, 6) : 0.5) : weights.get(t));
        return plan(spec, List.of("true", "false"), List.of(), null, null, 0);
      }
      case UUID -> {
        spec.put("generator", "uuid");
        return plan(spec, List.of(), List.of(), null, null, 0);
      }
      case ENUM -> {
        return enumChoice(column, spec, stats, common, weights);
      }
      case JSON, OTHER -> {
        // documents, addresses, arrays may hold production data: copied only with --keep-values
        if (facts.keepValues() && !common.isEmpty() && (rest == 0 || covered > 0.999)) {
          return choice(spec, common, weights);
        }
        return ColumnPlan.none(column.type() + ": values not copied (privacy) or not profiled; the seeder's default "
            + "(or DEFAULT)");
      }
      default -> { }
    }
    boolean text = category == Category.TEXT;
    Integer maxChars = maxCharacters(column.type());
    List<String> written = text ? SyntheticText.commonValues(common, facts.keepValues(), maxChars) : common;
    if (!written.isEmpty() && (rest == 0 || covered > 0.999)) {
      return choice(spec, written, weights);
    }
    if (!text && bounds.isEmpty()) {
      if (written.isEmpty()) {
        return ColumnPlan.none("no histogram and no common values: the seeder's default for " + column.type());
      }
      bounds = List.of(lowest(common, bounds, category), highest(common, bounds, category));
      if (bounds.get(0).equals(bounds.get(1))) {
        return choice(spec, written, weights);
      }
    }
    int restLength = restLength(stats, written, weights, textLength);
    if (maxChars != null) {
      restLength = Math.min(restLength, maxChars);
    }
    return histogram(spec, written, weights, Math.max(rest, 1), text ? null : bounds,
        text ? new int[] {Math.max(1, restLength / 2), Math.max(1, maxChars == null ? restLength * 3 / 2
            : Math.min(maxChars, restLength * 3 / 2))} : null, ordered, textLength);
  }

  private static ColumnPlan histogram(Map<String, Object> spec, List<String> values, List<Double> weights, long rest,
      List<String> bounds, int[] lengths, boolean ordered, int textLength) {
    spec.put("generator", "histogram");
    if (!values.isEmpty()) {
      spec.put("values", values);
      spec.put("weights", weights);
    }
    spec.put("distinct", rest);
    if (bounds != null) {
      spec.put("bounds", bounds);
    }
    if (lengths != null) {
      spec.put("minLength", lengths[0]);
      spec.put("maxLength", lengths[1]);
    }
    if (ordered) {
      spec.put("ordered", true);
    }
    String low = bounds == null || bounds.isEmpty() ? null : bounds.get(0);
    String high = bounds == null || bounds.isEmpty() ? null : bounds.get(bounds.size() - 1);
    return plan(spec, values, weights, low, high, textLength);
  }

  /**
   * Values that cover every non-NULL row: a {@code histogram} without other values (exact shares,
   * where {@code choice} would draw them at random), its weights scaled to add up to 1.
   */
  private static ColumnPlan choice(Map<String, Object> spec, List<String> values, List<Double> weights) {
    double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
    List<Double> scaled = weights.stream().map(w -> Math.max(1e-6, Math.floor(w / sum * 1e6) / 1e6)).toList();
    spec.put("generator", "histogram");
    spec.put("values", values);
    spec.put("weights", scaled);
    return plan(spec, values, scaled, null, null, 0);
  }

  /** Every label of the enum: the common ones at their shares, the others sharing the rest evenly. */
  private static ColumnPlan enumChoice(Column column, Map<String, Object> spec, ColumnStats stats,
      List<String> common, List<Double> weights) {
    List<String> labels = column.enumLabels().isEmpty() ? common : column.enumLabels();
    if (labels.isEmpty()) {
      return ColumnPlan.none("enum " + column.type() + " without labels or statistics: the seeder's default");
    }
    double covered = weights.stream().mapToDouble(Double::doubleValue).sum();
    long others = labels.stream().filter(l -> !common.contains(l)).count();
    List<Double> w = new ArrayList<>();
    for (String label : labels) {
      int i = common.indexOf(label);
      w.add(i >= 0 ? weights.get(i) : round(Math.max(1e-6, (1 - covered) / Math.max(1, others)), 6));
    }
    return choice(spec, labels, w);
  }

  private static ColumnPlan plan(Map<String, Object> spec, List<String> values, List<Double> weights, String low,
      String high, int textLength) {
    return new ColumnPlan(spec, null, values, weights, low, high, textLength);
  }

  /** Distinct values besides the {@code common} most common ones, at {@code rows} rows. */
  static long restDistinct(ColumnStats stats, long rows, int common) {
    double nonNullRows = rows * (1 - stats.nullFraction());
    double distinct = Math.min(stats.distinctValues(rows), nonNullRows);
    return Math.max(0, Math.round(distinct) - common);
  }

  /** Shares of the non-NULL rows, rounded, never adding up above 1. */
  static List<Double> weights(ColumnStats stats, int count) {
    double nonNull = Math.max(1e-9, 1 - stats.nullFraction());
    List<Double> w = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < count; i++) {
      double share = stats.commonFrequencies().get(i) / nonNull;
      w.add(share);
      sum += share;
    }
    double scale = sum > 1 ? 1 / sum : 1;
    List<Double> out = new ArrayList<>();
    for (double share : w) {
      out.add(Math.max(1e-6, Math.floor(share * scale * 1e6) / 1e6));
    }
    return out;
  }

  /** Average characters of the values other than the common ones (avg_width counts a 1-byte header). */
  private static int restLength(ColumnStats stats, List<String> common, List<Double> weights, int average) {
    double commonChars = 0;
    double covered = 0;
    for (int i = 0; i < common.size(); i++) {
      commonChars += weights.get(i) * common.get(i).length();
      covered += weights.get(i);
    }
    if (covered >= 0.999) {
      return average;
    }
    return (int) Math.max(1, Math.round((average - commonChars) / (1 - covered)));
  }

  /** Values as the generators read them: ISO instants for timestamps, plain decimals; infinities dropped. */
  static List<String> normalize(List<String> values, Category category) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v == null || v.endsWith("infinity") || v.equals("NaN")) {
        continue;
      }
      out.add(switch (category) {
        case TIMESTAMP -> instant(v);
        case DECIMAL -> decimal(v);
        default -> v;
      });
    }
    return out;
  }

  static String instant(String pg) {
    if (pg.length() == 10) {
      return pg; // a date
    }
    String t = pg.replace(' ', 'T');
    if (t.matches(".*[+-]\\d\\d$")) {
      t = t.endsWith("+00") ? t.substring(0, t.length() - 3) + "Z" : t + ":00";
    } else if (!t.matches(".*([+-]\\d\\d:\\d\\d|Z)$")) {
      t = t + "Z";
    }
    return t;
  }

  private static String decimal(String v) {
    BigDecimal d = new BigDecimal(v);
    if (d.scale() > 6) {
      d = d.setScale(6, RoundingMode.HALF_UP);
    }
    return d.stripTrailingZeros().toPlainString();
  }

  private static String lowest(List<String> common, List<String> bounds, Category category) {
    return extreme(common, bounds, category, -1);
  }

  private static String highest(List<String> common, List<String> bounds, Category category) {
    return extreme(common, bounds, category, 1);
  }

  private static String extreme(List<String> common, List<String> bounds, Category category, int sign) {
    if (category != Category.INTEGER && category != Category.DECIMAL && category != Category.TIMESTAMP) {
      return null;
    }
    String best = null;
    List<String> all = new ArrayList<>(bounds);
    all.addAll(common);
    for (String v : all) {
      if (best == null || sign * compare(v, best, category) > 0) {
        best = v;
      }
    }
    return best;
  }

  private static int compare(String a, String b, Category category) {
    if (category == Category.TIMESTAMP) {
      return a.compareTo(b); // ISO text in UTC sorts in time order
    }
    return new BigDecimal(a).compareTo(new BigDecimal(b));
  }

  private static Integer maxCharacters(String type) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^character(?: varying)?\\((\\d+)\\)").matcher(type);
    return m.find() ? Integer.parseInt(m.group(1)) : null;
  }

  static double round(double value, int places) {
    double f = Math.pow(10, places);
    return Math.round(value * f) / f;
  }
}
