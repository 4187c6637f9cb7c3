package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.report.DiffInputException;
import dev.rehearsal.report.DiffMarkdown;
import dev.rehearsal.report.DiffTolerance;
import dev.rehearsal.report.ReportDiff;
import dev.rehearsal.report.ReportDiffer;
import dev.rehearsal.report.ReportJson;
import dev.rehearsal.report.ReportSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse diff BASELINE CURRENT}: the nightly regression check. Markdown on stdout,
 * warnings about the comparison on stderr. Exit 1 when a budget newly fails or a verdict newly
 * became fail (with --fail-on-regression also when a figure got worse beyond tolerance), 0
 * otherwise, 2 for bad input.
 */
@Command(mixinStandardHelpOptions = true, name = "diff",
    description = {"Compare two rehearsals: every summary figure and budget of CURRENT against BASELINE, "
        + "strategy by strategy (the nightly regression check). Prints GitHub Markdown.",
        "BASELINE and CURRENT: a report.json, a run's --out directory, or a compare output directory."},
    footer = {"", "Exit codes: 0 no budget newly fails (figures that got worse are printed), 1 a budget newly fails "
        + "or a verdict newly became fail (with --fail-on-regression: also a figure worse beyond tolerance), "
        + "2 bad input."})
final class DiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "BASELINE", description = "The reports to compare against (last night's)")
  Path baseline;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "The reports to check")
  Path current;

  @Option(names = "--tolerance", paramLabel = "T",
      description = "How much a figure may move and still count as unchanged: 25%% (every figure), "
          + "peakP99Ms=50%% (one figure, relative), blockedSessionSeconds=0.5 (one figure, in its unit); "
          + "repeatable, comma-separated. Default: 10%% of the baseline, at least each figure's noise floor "
          + "(docs/nightly.md)")
  List<String> tolerance = new ArrayList<>();

  @Option(names = "--fail-on-regression",
      description = "Also exit 1 when a figure got worse beyond tolerance")
  boolean failOnRegression;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the diff as JSON to FILE")
  Path json;

  @Override
  public Integer call() {
    ReportDiff diff;
    try {
      DiffTolerance tolerances = DiffTolerance.parse(tolerance);
      diff = ReportDiffer.diff(ReportSet.load("BASELINE", baseline), ReportSet.load("CURRENT", current), tolerances);
    } catch (DiffInputException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    for (String note : diff.notes()) {
      System.err.println("warning: " + note);
    }
    if (json != null) {
      writeJson(diff);
    }
    System.out.print(DiffMarkdown.render(diff));
    System.out.flush();
    return diff.newlyFails() || failOnRegression && diff.figuresWorse() ? 1 : 0;
  }

  private void writeJson(ReportDiff diff) {
    try {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ReportJson.write(diff, json);
    } catch (IOException e) {
      throw new BadInputException("--json " + json + ": cannot write it (" + e + ")\n  fix: choose a writable path", e);
    }
  }
}
