package dev.rehearsal.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Number formatting shared by every renderer, so the same figure reads the same in HTML,
 * Markdown and JUnit XML. Locale.ROOT keeps output identical on every machine.
 */
final class Fmt {

  /** Shown where a value is absent (a null threshold, a missing percentile). */
  static final String NONE = "—";

  private Fmt() {}

  /**
   * A human-readable number: whole numbers without decimals, small numbers with a few,
   * thousands grouped with commas. NaN reads "n/a".
   */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    double abs = Math.abs(value);
    int decimals;
    if (abs >= 100 || value == Math.rint(value)) {
      decimals = 0;
    } else if (abs >= 10) {
      decimals = 1;
    } else if (abs >= 1) {
      decimals = 2;
    } else {
      decimals = 3;
    }
    String text = String.format(Locale.ROOT, "%,." + decimals + "f", value);
    if (decimals > 0) {
      // "2.50" -> "2.5", "3.000" -> "3"
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text;
  }

  /** Like {@link #number(double)}, with {@link #NONE} for null. */
  static String number(Double value) {
    return value == null ? NONE : number(value.doubleValue());
  }

  /** A number followed by its unit, e.g. "12.5 ms"; the unit may be empty. "n/a" has none. */
  static String withUnit(double value, String unit) {
    boolean bare = unit == null || unit.isEmpty() || !Double.isFinite(value);
    return bare ? number(value) : number(value) + " " + unit;
  }

  /** A count with thousands grouped: 12,345. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** An SVG coordinate: one decimal, never grouped, never NaN (callers filter non-finite). */
  static String coord(double px) {
    return String.format(Locale.ROOT, "%.1f", px);
  }

  /** "2026-11-21 12:30:12 UTC": an instant as a person reads it (report.json keeps the exact one). */
  static String instant(java.time.Instant at) {
    return at == null ? NONE
        : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC).format(at);
  }

  /** Elapsed time between two instants as "1 min 12 s", or {@link #NONE} if either is null. */
  static String elapsed(Instant from, Instant to) {
    if (from == null || to == null) {
      return NONE;
    }
    Duration d = Duration.between(from, to);
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return number(d.toMillis() / 1000.0) + " s";
    }
    return (seconds / 60) + " min " + (seconds % 60) + " s";
  }
}
