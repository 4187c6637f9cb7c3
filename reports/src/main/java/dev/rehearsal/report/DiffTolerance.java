package dev.rehearsal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a summary figure may move between two rehearsals before the nightly diff calls it a
 * change. Each metric has a relative tolerance (a fraction of the baseline's value) and an
 * absolute one (a noise floor, in the metric's unit); a figure changed when it moved by more
 * than both: {@code |current - baseline| > max(relative * |baseline|, absolute)}. Exactly at the
 * tolerance is no change.
 *
 * <p>Written on the command line as {@code --tolerance SPEC}, repeatable, each SPEC a
 * comma-separated list of {@code 25%} (the relative tolerance of every metric),
 * {@code peakP99Ms=50%} (one metric's relative tolerance) or {@code blockedSessionSeconds=0.5}
 * (one metric's absolute tolerance, replacing its noise floor). A metric's own setting wins
 * over the one for every metric, whatever their order; a later setting of the same kind wins
 * over an earlier one.
 */
public final class DiffTolerance {

  /** Relative tolerance of every metric unless told otherwise: 10% of the baseline's value. */
  public static final double DEFAULT_RELATIVE = 0.10;


  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
  private static final String EXAMPLES =
      "e.g. --tolerance 25% (every figure), --tolerance peakP99Ms=50% (one figure, relative) or "
          + "--tolerance blockedSessionSeconds=0.5 (one figure, in its unit); comma-separated or repeated";

  private final double relative;
  private final Map<String, Double> relativeByMetric;
  private final Map<String, Double> absoluteByMetric;
  private final List<String> specs;

  private DiffTolerance(double relative, Map<String, Double> relativeByMetric,
      Map<String, Double> absoluteByMetric, List<String> specs) {
    this.relative = relative;
    this.relativeByMetric = Map.copyOf(relativeByMetric);
    this.absoluteByMetric = Map.copyOf(absoluteByMetric);
    this.specs = List.copyOf(specs);
  }

  /** 10% and the noise floors. */
  public static DiffTolerance defaults() {
    return parse(List.of());
  }

  /**
   * Parses {@code --tolerance} values.
   *
   * @throws DiffInputException naming the value that is wrong, and the known metrics when a
   *     metric is unknown
   */
  public static DiffTolerance parse(List<String> values) {
    double relative = DEFAULT_RELATIVE;
    Map<String, Double> relativeByMetric = new LinkedHashMap<>();
    Map<String, Double> absoluteByMetric = new LinkedHashMap<>();
    List<String> specs = new java.util.ArrayList<>();
    List<String> known = MetricCatalogue.names();
    for (String value : values) {
      for (String raw : value.split(",", -1)) {
        String spec = raw.strip();
        if (spec.isEmpty()) {
          throw new DiffInputException("--tolerance '" + value + "': an empty tolerance", EXAMPLES);
        }
        int eq = spec.indexOf('=');
        if (eq < 0) {
          if (!spec.endsWith("%")) {
            throw new DiffInputException("--tolerance " + spec
                + ": a tolerance for every figure must be a percentage",
                "write " + (NUMBER.matcher(spec).matches() ? spec + "%" : "25%")
                    + "; an absolute tolerance names its figure, e.g. blockedSessionSeconds=0.5");
          }
          relative = amount(spec, spec);
        } else {
          String metric = spec.substring(0, eq).strip();
          String amount = spec.substring(eq + 1).strip();
          if (!known.contains(metric)) {
            throw new DiffInputException("--tolerance " + spec + ": unknown metric '" + metric + "'",
                "name one of " + String.join(", ", known));
          }
          if (amount.endsWith("%")) {
            relativeByMetric.put(metric, amount(spec, amount));
          } else {
            absoluteByMetric.put(metric, amount(spec, amount));
          }
        }
        specs.add(spec);
      }
    }
    return new DiffTolerance(relative, relativeByMetric, absoluteByMetric, specs);
  }

  /** "25%" as 0.25, "0.5" as 0.5; nothing negative, nothing that is not a plain decimal. */
  private static double amount(String spec, String text) {
    boolean percent = text.endsWith("%");
    String digits = percent ? text.substring(0, text.length() - 1).strip() : text;
    Matcher m = NUMBER.matcher(digits);
    if (!m.matches()) {
      throw new DiffInputException("--tolerance " + spec + ": '" + text + "' is not a tolerance"
          + " (a percentage such as 25%, or a non-negative amount such as 0.5)", EXAMPLES);
    }
    double v = Double.parseDouble(digits);
    return percent ? v / 100 : v;
  }

  /** The fraction of the baseline's value {@code metric} may move by. */
  public double relative(String metric) {
    return relativeByMetric.getOrDefault(metric, relative);
  }

  /** How far {@code metric} may move in its own unit, however small its baseline. */
  public double absolute(String metric) {
    return absoluteByMetric.getOrDefault(metric,
        MetricCatalogue.find(metric).map(MetricCatalogue.Metric::noiseFloor).orElse(0.0));
  }

  /** The change {@code metric} may make from {@code baseline} and still count as unchanged. */
  public double allowed(String metric, double baseline) {
    return Math.max(relative(metric) * Math.abs(baseline), absolute(metric));
  }

  /** The settings as given, normalised ("peakP99Ms=50%"); empty for the defaults. */
  public List<String> specs() {
    return specs;
  }

  /** In words, for the diff's header. */
  public String describe() {
    String base = "within " + Fmt.number(relative * 100) + "% of the baseline or the figure's noise floor, "
        + "whichever is larger";
    return specs.isEmpty() ? base : base + "; --tolerance " + String.join(",", specs);
  }
}
