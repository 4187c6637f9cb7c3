package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import java.util.ArrayList;
import java.util.List;
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

  static final class Major implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a PostgreSQL major version (examples: 17, 18)");
      }
    }
  }

  /**
   * One value of an option that {@code sweep} alone takes as a list: a comma there means a list,
   * which is refused with the way to run every combination.
   */
  abstract static class Single<T> implements ITypeConverter<T> {

    private final String option;
    private final ITypeConverter<T> each;

    Single(String option, ITypeConverter<T> each) {
      this.option = option;
      this.each = each;
    }

    @Override
    public T convert(String value) throws Exception {
      if (value.contains(",")) {
        throw new BadInputException(option + " " + value + ": this command takes one value\n"
            + "  fix: give one, or run every combination with 'rehearse sweep SCENARIO " + option + " A,B,...'");
      }
      return each.convert(value);
    }
  }

  static final class SingleRowCount extends Single<Long> {
    SingleRowCount() {
      super("--rows", new RowCount());
    }
  }

  static final class SingleRate extends Single<Double> {
    SingleRate() {
      super("--rate", new Rate());
    }
  }

  static final class SingleMajor extends Single<Integer> {
    SingleMajor() {
      super("--pg-version", new Major());
    }
  }

  /** The values of one of sweep's axes, as given: a comma-separated list. */
  record Axis<T>(List<T> values) {

    /** As written on the command line (the default in the help). */
    @Override
    public String toString() {
      return String.join(",", values.stream().map(String::valueOf).toList());
    }
  }

  /** {@code A[,B...]}: each value converted alike. */
  abstract static class AxisOf<T> implements ITypeConverter<Axis<T>> {

    private final ITypeConverter<T> each;

    AxisOf(ITypeConverter<T> each) {
      this.each = each;
    }

    @Override
    public Axis<T> convert(String value) throws Exception {
      List<T> values = new ArrayList<>();
      for (String one : value.split(",", -1)) {
        values.add(each.convert(one));
      }
      return new Axis<>(List.copyOf(values));
    }
  }

  static final class RowCounts extends AxisOf<Long> {
    RowCounts() {
      super(new RowCount());
    }
  }

  static final class Rates extends AxisOf<Double> {
    Rates() {
      super(new Rate());
    }
  }

  static final class Majors extends AxisOf<Integer> {
    Majors() {
      super(new Major());
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
