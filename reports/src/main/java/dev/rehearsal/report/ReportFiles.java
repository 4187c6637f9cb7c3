package dev.rehearsal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes every file a run leaves behind in its {@code --out} directory. */
public final class ReportFiles {

  public static final String JSON = "report.json";
  public static final String HTML = "report.html";
  public static final String JUNIT_XML = "junit.xml";
  public static final String MARKDOWN = "summary.md";

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
}
