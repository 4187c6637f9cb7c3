package dev.rehearsal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Writes every file a run leaves behind in its {@code --out} directory. */
public final class ReportFiles {

  public static final String JSON = "report.json";
  public static final String HTML = "report.html";
  public static final String JUNIT_XML = "junit.xml";
  public static final String MARKDOWN = "summary.md";
  public static final String COMPARISON_JSON = "comparison.json";
  public static final String COMPARISON_HTML = "comparison.html";
  public static final String SWEEP_JSON = "sweep.json";
  public static final String SWEEP_HTML = "sweep.html";

  private ReportFiles() {}

  /**
   * Writes report.json, report.html, junit.xml and summary.md into {@code outDir}, creating it
   * if needed and replacing files of the same name.
   *
   * @return the files written, in that order
   */
  public static List<Path> writeAll(RehearsalReport report, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path json = outDir.resolve(JSON);
    Path html = outDir.resolve(HTML);
    Path junit = outDir.resolve(JUNIT_XML);
    Path markdown = outDir.resolve(MARKDOWN);
    // JSON first: it is the record of the run, and the others can be regenerated from it.
    ReportJson.write(report, json);
    HtmlReport.write(report, html);
    JUnitXmlReport.write(List.of(report), junit);
    MarkdownSummary.write(List.of(report), markdown);
    return List.of(json, html, junit, markdown);
  }

  /**
   * Writes a comparison's files into {@code outDir}: comparison.json, comparison.html, and
   * junit.xml and summary.md covering every strategy (best first). Each strategy's own files are
   * written by {@link #writeAll} into its directory.
   *
   * @param strategyDir a strategy's directory, relative to {@code outDir}
   * @return the files written
   */
  public static List<Path> writeComparison(ComparisonReport comparison, List<RehearsalReport> reports,
      Function<String, String> strategyDir, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    List<RehearsalReport> ranked = StrategyRanking.rank(reports);
    Path json = outDir.resolve(COMPARISON_JSON);
    Path html = outDir.resolve(COMPARISON_HTML);
    Path junit = outDir.resolve(JUNIT_XML);
    Path markdown = outDir.resolve(MARKDOWN);
    ReportJson.write(comparison, json);
    ComparisonHtml.write(comparison, reports, strategy -> strategyDir.apply(strategy) + "/" + HTML, html);
    JUnitXmlReport.write(ranked, junit);
    Files.writeString(markdown, MarkdownSummary.renderComparison(comparison, ranked), StandardCharsets.UTF_8);
    return List.of(json, html, junit, markdown);
  }

  /**
   * Writes a sweep's matrix into {@code outDir}: sweep.json and sweep.html (each cell's own files
   * are written by {@link #writeAll} into its directory).
   *
   * @param cellDir a cell's directory, relative to {@code outDir}
   */
  public static List<Path> writeSweep(SweepReport sweep, Function<SweepReport.Cell, String> cellDir, Path outDir)
      throws IOException {
    Files.createDirectories(outDir);
    Path json = outDir.resolve(SWEEP_JSON);
    Path html = outDir.resolve(SWEEP_HTML);
    ReportJson.write(sweep, json);
    SweepHtml.write(sweep, cell -> cellDir.apply(cell) + "/" + HTML, html);
    return List.of(json, html);
  }
}
