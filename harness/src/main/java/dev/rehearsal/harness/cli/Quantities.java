package dev.rehearsal.harness.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line numbers as people write them: 200k, 10M, 1.5k. */
final class Quantities {

  private Quantities() {}

  static double parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    double multiplier = 1;
    if (t.endsWith("k")) {
      multiplier = 1e3;
    } else if (t.endsWith("m")) {
      multiplier = 1e6;
    } else if (t.endsWith("g") || t.endsWith("b")) {
      multiplier = 1e9;
    }
    if (multiplier != 1) {
      t = t.substring(0, t.length() - 1);
    }
    return Double.parseDouble(t) * multiplier;
  }

  static final class RowCount implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      double rows;
      try {
        rows = parse(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a row count (examples: 50000, 200k, 10M)");
      }
      if (rows < 1) {
        throw new TypeConversionException("'" + value + "': the row count must be at least 1");
      }
      return Math.round(rows);
    }
  }

  static final class Rate implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double rate;
      try {
        rate = parse(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a rate in operations per second (examples: 200, 1.5k)");
      }
      if (!(rate > 0)) {
        throw new TypeConversionException("'" + value + "': the rate must be greater than 0 operations per second");
      }
      return rate;
    }
  }

  static final class Scale implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double scale;
      try {
        scale = parse(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a scale factor (examples: 10, 0.5, 1k)");
      }
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new TypeConversionException("'" + value + "': the scale must be greater than 0");
      }
      return scale;
    }
  }

  static final class Streams implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int streams;
      try {
        streams = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a number of streams (examples: 2, 4)");
      }
      if (streams < 1) {
        throw new TypeConversionException("'" + value + "': seeding needs at least 1 stream per table");
      }
      return streams;
    }
  }

  static final class Span implements ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String value) {
      java.time.Duration d = dev.rehearsal.scenario.Durations.parse(value).orElseThrow(() -> new TypeConversionException(
          "'" + value + "' is not a duration (examples: " + dev.rehearsal.scenario.Durations.EXAMPLES + ")"));
      if (d.isZero() || d.isNegative()) {
        throw new TypeConversionException("'" + value + "': the duration must be longer than 0");
      }
      return d;
    }
  }
}
