package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in scenarios and on the command line: a non-negative number
 * and a unit, {@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}.
 *
 * <p>A bare number is deliberately not accepted: {@code timeout: 10} could mean seconds or
 * milliseconds, and guessing wrong makes a rehearsal silently measure the wrong thing.
 */
public final class Durations {

  /** Shown in every error about a duration, so users see the accepted form. */
  public static final String EXAMPLES = "500ms, 10s or 2m";

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Durations() {}

  /** The duration {@code text} denotes, or empty when it is not of the accepted form. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    // BigDecimal so that 1.5s is exactly 1500ms, not 1499.999...
    BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(nanosPer(matcher.group(2)));
    try {
      return Optional.of(Duration.ofNanos(nanos.toBigInteger().longValueExact()));
    } catch (ArithmeticException tooLong) {
      return Optional.empty();
    }
  }

  /** The shortest way to write {@code duration} in the accepted form (millisecond precision). */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    } else if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    } else if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    } else if (millis < 1000) {
      return millis + "ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }

  private static BigDecimal nanosPer(String unit) {
    return BigDecimal.valueOf(switch (unit) {
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> throw new IllegalArgumentException(unit);
    });
  }
}
