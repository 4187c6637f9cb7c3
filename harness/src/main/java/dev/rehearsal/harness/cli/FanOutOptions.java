package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.run.FanOut;
import picocli.CommandLine.Option;

/** {@code --plan [json|gitlab]} or {@code --cell ID}: a sweep or comparison fanned out over CI runners. */
final class FanOutOptions {

  @Option(names = "--plan", arity = "0..1", fallbackValue = "JSON", paramLabel = "FORMAT",
      converter = PlanFormats.class,
      description = "Print the cells and exit, rehearsing nothing: json (default; {\"cell\": [...]}, for a GitHub "
          + "Actions matrix) or gitlab (a child pipeline with a parallel:matrix)")
  FanOut.PlanFormat plan;

  @Option(names = "--cell", paramLabel = "ID",
      description = "Rehearse only this cell of the plan (an id --plan printed), leaving "
          + FanOut.MANIFEST + " beside its reports for `rehearse merge`")
  String cell;

  /** json or gitlab, in any case. */
  static final class PlanFormats implements picocli.CommandLine.ITypeConverter<FanOut.PlanFormat> {
    @Override
    public FanOut.PlanFormat convert(String value) {
      try {
        return FanOut.PlanFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a plan format: json or gitlab");
      }
    }
  }
}
