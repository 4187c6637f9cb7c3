package dev.rehearsal.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One side of a diff: the reports found at a path. The path is a report.json; or a run's
 * output directory holding report.json; or a compare output directory whose immediate
 * subdirectories each hold a report.json, one per strategy. A directory's own report.json wins
 * over its subdirectories'.
 *
 * @param path the path as given
 * @param single the path named one report (a file, or a directory holding report.json)
 * @param reports the reports with the file each came from, in subdirectory-name order
 */
public record ReportSet(Path path, boolean single, List<Loaded> reports) {

  /** A report and the file it was read from. */
  public record Loaded(Path file, RehearsalReport report) {

    /** The report's strategy name, "" when it has none. */
    public String strategy() {
      return Nulls.text(report.strategy());
    }
  }

  private static final String WHAT = "pass a report.json, the --out directory of a run (it holds report.json), "
      + "or the output directory of compare (one subdirectory with a report.json per strategy)";

  private static final String REPORT = "pass a report.json written by rehearse (run, compare or demo), "
      + "this version or an older one";

  /**
   * Finds and reads the reports at {@code path}.
   *
   * @param role how the user knows this side, e.g. "BASELINE": it starts every message
   * @throws DiffInputException when the path does not exist, holds no report, a report is not
   *     readable JSON or not a Rehearsal report, or two reports are of the same strategy
   */
  public static ReportSet load(String role, Path path) {
    String where = role + " " + path;
    if (!Files.exists(path)) {
      throw new DiffInputException(where + ": no such file or directory", WHAT);
    }
    if (!Files.isDirectory(path)) {
      return new ReportSet(path, true, List.of(read(role, path)));
    }
    Path own = path.resolve(ReportFiles.JSON);
    if (Files.isRegularFile(own)) {
      return new ReportSet(path, true, List.of(read(role, own)));
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> children = Files.list(path)) {
      children.filter(Files::isDirectory).sorted()
          .map(d -> d.resolve(ReportFiles.JSON)).filter(Files::isRegularFile).forEach(files::add);
    } catch (IOException e) {
      throw new DiffInputException(where + ": cannot list the directory (" + e + ")", WHAT, e);
    }
    if (files.isEmpty()) {
      throw new DiffInputException(where + ": a directory with no " + ReportFiles.JSON
          + ", and none in its subdirectories", WHAT);
    }
    Map<String, Loaded> byStrategy = new LinkedHashMap<>();
    for (Path file : files) {
      Loaded loaded = read(role, file);
      Loaded other = byStrategy.putIfAbsent(loaded.strategy(), loaded);
      if (other != null) {
        throw new DiffInputException(where + ": two reports of strategy '" + loaded.strategy() + "': "
            + other.file() + " and " + file, "keep one report per strategy in the directory, or diff the two files");
      }
    }
    return new ReportSet(path, false, List.copyOf(byStrategy.values()));
  }

  private static Loaded read(String role, Path file) {
    String where = role + " " + file;
    RehearsalReport report;
    try {
      report = ReportJson.read(file);
    } catch (ReportFormatException e) {
      // ReportJson.read already names the file.
      throw new DiffInputException(role + " " + e.getMessage(),
          REPORT, e);
    } catch (JsonProcessingException e) {
      throw new DiffInputException(where + ": not a Rehearsal report: " + jsonProblem(e),
          REPORT, e);
    } catch (CharacterCodingException e) {
      throw new DiffInputException(where + ": not a Rehearsal report: not UTF-8 text", REPORT, e);
    } catch (NoSuchFileException e) {
      throw new DiffInputException(where + ": no such file", WHAT, e);
    } catch (IOException e) {
      throw new DiffInputException(where + ": cannot read it (" + e + ")", "check the file's permissions", e);
    }
    // Any JSON object with a schemaVersion reads (unknown fields are ignored); a report names its strategy.
    if (report.strategy() == null) {
      throw new DiffInputException(where + ": not a Rehearsal report: it names no strategy",
          REPORT + "; for a compare, pass its output directory, not " + ReportFiles.COMPARISON_JSON);
    }
    return new Loaded(file, report);
  }

  /** Jackson's message without its source excerpt, with the line and column. */
  private static String jsonProblem(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String problem = Nulls.text(e.getOriginalMessage()).lines().findFirst().orElse("invalid JSON");
    return at == null || at.getLineNr() < 0 ? problem
        : problem + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** The distinct scenario names of these reports, in order. */
  public List<String> scenarios() {
    return reports.stream().map(r -> Nulls.text(r.report().scenario())).distinct().toList();
  }
}
