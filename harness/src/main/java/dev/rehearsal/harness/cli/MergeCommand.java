package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.FanOut;
import dev.rehearsal.harness.run.Merge;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "merge",
    description = {"Put the cells of a sweep or comparison that CI runners rehearsed one each (--cell) back together.",
        "Reads every " + FanOut.MANIFEST + " under the directories given (the runners' downloaded outputs), copies "
            + "each cell's reports into --out where a single-machine run puts them, and writes the same sweep.html/"
            + "sweep.json, or comparison.html/comparison.json/junit.xml/summary.md, a single machine writes.",
        "Example: rehearse merge artifacts/* --out nightly",
        "Exit codes as the command merged (sweep: 0, or 3 when a cell is incomplete or missing; compare: 0 when "
            + "some strategy held its critical budgets, 1 when none did, 3 when one is incomplete or missing)."})
final class MergeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Directories holding the cells' outputs")
  List<Path> dirs;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Where the merged reports go (not one of the directories merged)")
  Path out;

  @Option(names = "--extrapolate-to", paramLabel = "ROWS", converter = Quantities.RowCount.class,
      description = "A sweep's statements carried to ROWS, as `sweep --extrapolate-to` does (default: the "
          + "--extrapolate-to the cells were rehearsed with, if any)")
  Long extrapolateTo;

  @Override
  public Integer call() {
    Merge.Result result = new Merge(dirs, out, Console.stderr(), extrapolateTo).run();
    if (result.sweep() != null) {
      SweepCommand.print(result.sweep(), result.files(), System.out);
    } else {
      ResultPrinter.print(result.comparison(), result.files(), System.out);
    }
    if (!result.missing().isEmpty()) {
      System.out.println("Missing cells (no runner's output held them): " + String.join(", ", result.missing()));
    }
    return result.exitCode();
  }
}
