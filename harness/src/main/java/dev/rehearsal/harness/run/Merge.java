package dev.rehearsal.harness.run;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.report.ComparisonReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.ReportFiles;
import dev.rehearsal.report.ReportJson;
import dev.rehearsal.report.SweepMatrix;
import dev.rehearsal.report.SweepReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code rehearse merge DIR...}: the cells of a sweep or comparison that CI runners rehearsed one
 * each ({@code --cell}) put back together into {@code OUT}: each cell's reports copied into the
 * directory a single-machine run gives it, and the same {@code sweep.html}/{@code sweep.json} or
 * {@code comparison.html}/{@code comparison.json}/{@code junit.xml}/{@code summary.md} a single
 * machine writes, built by the same code from the same reports. The run's start and end are the
 * earliest cell's start and the latest cell's end.
 */
public final class Merge {

  /**
   * What a merge produced: exactly one of {@code sweep} and {@code comparison}.
   *
   * @param missing cells of the plan no directory held (their runner failed, or an artifact was not downloaded)
   * @param copied the cells' reports, copied into the output directory
   * @param files the merged files: the matrix, or the comparison
   */
  public record Result(SweepReport sweep, ComparisonReport comparison, List<RehearsalReport> reports,
      List<String> missing, List<Path> copied, List<Path> files) {

    /**
     * As the single-machine command: a sweep 0, or 3 when a cell is incomplete or missing; a
     * comparison 0 when some strategy held its critical budgets, 1 when none did, 3 when a strategy
     * is incomplete or missing.
     */
    public int exitCode() {
      if (!missing.isEmpty() || reports.stream().anyMatch(r -> !r.complete())) {
        return 3;
      }
      return sweep != null || comparison.recommended() != null ? 0 : 1;
    }
  }

  private final List<Path> dirs;
  private final Path outDir;
  private final Console console;
  private final Long extrapolateToRows;

  public Merge(List<Path> dirs, Path outDir, Console console) {
    this(dirs, outDir, console, null);
  }

  /**
   * @param extrapolateToRows {@code merge --extrapolate-to}: the size a sweep's statements are
   *     carried to, over the one the cells were rehearsed with; null: theirs, if any
   */
  public Merge(List<Path> dirs, Path outDir, Console console, Long extrapolateToRows) {
    this.dirs = dirs;
    this.outDir = outDir;
    this.console = console;
    this.extrapolateToRows = extrapolateToRows;
  }

  public Result run() {
    checkOutIsApart();
    List<FanOut.Found> found = FanOut.manifests(dirs);
    if (found.isEmpty()) {
      throw new BadInputException("merge: no " + FanOut.MANIFEST + " under " + dirs + "\n  fix: give the directories "
          + "the cells' --out went to; each `sweep --cell` or `compare --cell` run leaves one there");
    }
    CellManifest plan = found.get(0).manifest();
    Map<String, FanOut.Found> byCell = onePlan(found);
    if (extrapolateToRows != null && !plan.kind().equals("sweep")) {
      throw new BadInputException("merge: --extrapolate-to carries a sweep's statements to a larger size, but "
          + found.get(0).outDir() + " holds cells of a " + plan.kind() + "\n  fix: leave --extrapolate-to out, or "
          + "merge the cells of a sweep over several --rows");
    }
    String movedAside = OutputDirectory.prepare(outDir);
    if (movedAside != null) {
      console.say("%s", movedAside);
    }
    // plan order, as a single machine rehearses them
    List<FanOut.Found> cells = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : plan.cells()) {
      if (byCell.containsKey(id)) {
        cells.add(byCell.get(id));
      } else {
        missing.add(id);
      }
    }
    console.say("Merging %d of %d cells of %s %s / %s%s", cells.size(), plan.cells().size(), plan.kind(),
        plan.scenario(), plan.kind().equals("sweep") ? plan.strategy() : "every strategy",
        missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing));
    List<Path> copied = new ArrayList<>();
    List<RehearsalReport> reports = new ArrayList<>();
    for (FanOut.Found cell : cells) {
      Path to = outDir.resolve(cell.manifest().dir());
      copied.addAll(copyTree(cell.outDir().resolve(cell.manifest().dir()), to));
      reports.add(read(to.resolve(ReportFiles.JSON)));
    }
    OutputDirectory.record(outDir, copied);
    return plan.kind().equals("sweep") ? sweep(plan, cells, reports, missing, copied)
        : comparison(cells, reports, missing, copied);
  }

  /** The directories merged must not be rewritten by preparing the output directory. */
  private void checkOutIsApart() {
    Path out = outDir.toAbsolutePath().normalize();
    for (Path dir : dirs) {
      Path in = dir.toAbsolutePath().normalize();
      if (in.startsWith(out) || out.startsWith(in)) {
        throw new BadInputException("merge: --out " + outDir + " overlaps " + dir + ", one of the directories to merge"
            + "\n  fix: merge into a directory of its own, e.g. --out merged");
      }
    }
  }

  /** The manifests by cell id, once each, all of one plan; else bad input. */
  private static Map<String, FanOut.Found> onePlan(List<FanOut.Found> found) {
    CellManifest plan = found.get(0).manifest();
    Map<String, FanOut.Found> byCell = new LinkedHashMap<>();
    for (FanOut.Found f : found) {
      if (!plan.samePlan(f.manifest())) {
        throw new BadInputException("merge: " + f.outDir() + " holds a cell of another " + f.manifest().kind()
            + " (" + f.manifest().scenario() + " / " + f.manifest().strategy() + ", " + f.manifest().cells().size()
            + " cells) than " + found.get(0).outDir() + " (" + plan.scenario() + " / " + plan.strategy() + ", "
            + plan.cells().size() + " cells)\n  fix: merge the cells of one plan at a time");
      }
      FanOut.Found earlier = byCell.putIfAbsent(f.manifest().cell(), f);
      if (earlier != null) {
        throw new BadInputException("merge: cell " + f.manifest().cell() + " is in both " + earlier.outDir() + " and "
            + f.outDir() + "\n  fix: give each cell's output once");
      }
    }
    return byCell;
  }

  private Result sweep(CellManifest plan, List<FanOut.Found> cells, List<RehearsalReport> reports,
      List<String> missing, List<Path> copied) {
    List<SweepReport.Cell> entries = new ArrayList<>();
    Map<SweepReport.Cell, String> cellDirs = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      CellManifest m = cells.get(i).manifest();
      Sweep.PlannedCell planned = new Sweep.PlannedCell(m.cell(), m.dir(),
          new Sweep.RunOptionsKey(m.pgVersion(), null, null), m.rows(), m.rate());
      SweepReport.Cell entry = Sweep.cellOf(planned, reports.get(i));
      entries.add(entry);
      cellDirs.put(entry, m.dir());
    }
    // each cell rehearsed one size: only now, with every cell, can the statements be fitted against rows
    Long extrapolateTo = extrapolateToRows != null ? extrapolateToRows : plan.extrapolateToRows();
    SweepReport sweep = SweepMatrix.of(plan.scenario(), plan.strategy(), startedAt(reports), finishedAt(reports),
        plan.pgVersions(), plan.rowsAxis(), plan.ratesAxis(), entries, extrapolateTo);
    Sweep.Result written = Sweep.write(sweep, cellDirs, outDir, false);
    return new Result(sweep, null, reports, missing, copied, written.files());
  }

  private Result comparison(List<FanOut.Found> cells, List<RehearsalReport> reports, List<String> missing,
      List<Path> copied) {
    Map<String, String> strategyDirs = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      strategyDirs.put(reports.get(i).strategy(), cells.get(i).manifest().dir());
    }
    Comparison.Written written = Comparison.write(reports, strategyDirs, startedAt(reports), finishedAt(reports),
        outDir);
    return new Result(null, written.comparison(), reports, missing, copied, written.files());
  }

  private static Instant startedAt(List<RehearsalReport> reports) {
    return reports.stream().map(RehearsalReport::startedAt).min(Comparator.naturalOrder()).orElse(null);
  }

  private static Instant finishedAt(List<RehearsalReport> reports) {
    return reports.stream().map(RehearsalReport::finishedAt).max(Comparator.naturalOrder()).orElse(null);
  }

  private static RehearsalReport read(Path reportJson) {
    try {
      return ReportJson.read(reportJson);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("merge: cannot read " + reportJson + " (" + e.getMessage() + ")\n  fix: give the "
          + "cells' whole output directories, as `--cell` wrote them");
    }
  }

  /** Copies the files under {@code from} to {@code to} (nothing when they are the same directory). */
  private static List<Path> copyTree(Path from, Path to) {
    if (!Files.isDirectory(from)) {
      throw new BadInputException("merge: " + from + " is missing, though its cell's manifest names it\n  fix: give "
          + "the cells' whole output directories, as `--cell` wrote them");
    }
    List<Path> copied = new ArrayList<>();
    boolean same = from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize());
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (!same) {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        copied.add(target);
      }
    } catch (IOException e) {
      throw new InfrastructureException("could not copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
    return copied;
  }
}
