package dev.rehearsal.harness.run;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.report.ReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code --out} belongs to one command's run at a time: {@code run}, {@code load}, {@code compare}
 * and {@code sweep} list every file they write there in {@code OUT/.rehearsal-files}, and the next
 * run into the same directory first removes exactly those files (and the directories they leave
 * empty), so an older run's {@code report.html} never sits beside a new {@code comparison.html}.
 * Reports the tool did not list (written before the list existed, by an earlier version) are
 * never removed either: they are moved, with their paths, into {@code OUT/earlier-<time>/}, and
 * the run says so, so nothing is lost and nothing is mixed. Other files (notes, a baseline kept
 * under another name) are left alone.
 */
final class OutputDirectory {

  static final String MANIFEST = ".rehearsal-files";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** The names report writers give their files: found unlisted in --out, they are another run's. */
  static final Set<String> REPORT_NAMES = Set.of(ReportFiles.JSON, ReportFiles.HTML, ReportFiles.JUNIT_XML,
      ReportFiles.MARKDOWN, ReportFiles.COMPARISON_JSON, ReportFiles.COMPARISON_HTML, ReportFiles.SWEEP_JSON,
      ReportFiles.SWEEP_HTML, LoadOnly.JSON);

  private OutputDirectory() {}

  /**
   * Creates {@code outDir}, proves it writable, removes the files an earlier run listed, and moves
   * aside reports nobody listed.
   *
   * @return what was moved aside, for the console; null when nothing was
   */
  static String prepare(Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path probe = Files.createTempFile(outDir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | UnsupportedOperationException e) {
      throw new BadInputException("--out " + outDir + ": cannot write reports there (" + e.getMessage()
          + ")\n  fix: choose a writable directory");
    }
    try {
      clearEarlierRun(outDir);
      List<Path> strays = unlistedReports(outDir);
      if (strays.isEmpty()) {
        return null;
      }
      Path aside = outDir.resolve("earlier-" + LocalDateTime.now().format(STAMP));
      for (Path stray : strays) {
        Path target = aside.resolve(outDir.relativize(stray));
        Files.createDirectories(target.getParent());
        Files.move(stray, target);
      }
      return String.format("--out %s held %d report file(s) no run of this version listed (%s%s); moved them to %s",
          outDir, strays.size(), String.join(", ", strays.stream().limit(3).map(p -> outDir.relativize(p).toString())
              .toList()), strays.size() > 3 ? ", ..." : "", aside);
    } catch (IOException e) {
      throw new BadInputException("--out " + outDir + ": cannot clear the earlier run's reports (" + e.getMessage()
          + ")\n  fix: remove them, or choose another directory");
    }
  }

  /** Adds {@code files} (inside {@code outDir}) to the list the next run removes. */
  static void record(Path outDir, Collection<Path> files) {
    Path root = outDir.toAbsolutePath().normalize();
    StringBuilder lines = new StringBuilder();
    for (Path f : files) {
      Path abs = f.toAbsolutePath().normalize();
      if (abs.startsWith(root) && !abs.equals(root)) {
        lines.append(root.relativize(abs).toString().replace('\\', '/')).append('\n');
      }
    }
    try {
      Files.writeString(outDir.resolve(MANIFEST), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the reports written into " + outDir, e);
    }
  }

  private static void clearEarlierRun(Path outDir) throws IOException {
    Path manifest = outDir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return;
    }
    Path root = outDir.toAbsolutePath().normalize();
    List<Path> dirs = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Path file = root.resolve(line.strip()).normalize();
      if (!file.startsWith(root) || file.equals(root) || Files.isDirectory(file)) {
        continue; // never outside --out, never a directory
      }
      Files.deleteIfExists(file);
      for (Path d = file.getParent(); d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
        dirs.add(d);
      }
    }
    dirs.sort((a, b) -> b.getNameCount() - a.getNameCount()); // deepest first
    for (Path d : dirs) {
      if (Files.isDirectory(d) && isEmpty(d)) {
        Files.delete(d);
      }
    }
    Files.delete(manifest);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static List<Path> unlistedReports(Path outDir) throws IOException {
    try (Stream<Path> files = Files.walk(outDir, 4)) {
      return files.filter(Files::isRegularFile).filter(p -> REPORT_NAMES.contains(p.getFileName().toString()))
          // what an earlier run moved aside stays there
          .filter(p -> !outDir.relativize(p).getName(0).toString().startsWith("earlier-"))
          .sorted().toList();
    }
  }
}
