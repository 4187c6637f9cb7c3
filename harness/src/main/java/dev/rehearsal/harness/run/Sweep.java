package dev.rehearsal.harness.run;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.migrate.MigrationPlanner;
import dev.rehearsal.harness.migrate.MigrationPlanner.PlannedStrategy;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.ReportFiles;
import dev.rehearsal.report.ScalingFit;
import dev.rehearsal.report.SweepMatrix;
import dev.rehearsal.report.SweepReport;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.TableSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code rehearse sweep}: one strategy at every combination of PostgreSQL version, data size and
 * rate — a migration harmless in staging or at low traffic can take production down, and this
 * finds where its budgets start to fail. Per version and size the data is seeded once (through
 * the seed cache where it can) and cloned for every rate. Each cell's reports go to
 * {@code OUT/pg<V>/rows-<N>/rate-<R>/}; the matrix to {@code OUT/sweep.html} and {@code sweep.json}.
 */
public final class Sweep {

  /**
   * The axes of the matrix.
   *
   * @param rows row counts of the largest table; a null entry keeps the scenario's
   * @param rates open-loop rates; a null entry keeps the scenario's
   */
  public record Axes(List<Integer> pgVersions, List<Long> rows, List<Double> rates) {}

  /**
   * What a sweep produced.
   *
   * @param incomplete a cell was stopped before its end (the rest of the sweep was not rehearsed)
   */
  public record Result(SweepReport sweep, List<Path> files, boolean incomplete) {

    /** 3 when a cell was incomplete (README's exit codes), else 0: a sweep maps where budgets fail. */
    public int exitCode() {
      return incomplete ? 3 : 0;
    }
  }

  private final Scenario scenario;
  private final String strategyName;
  private final Axes axes;
  private final Function<RunOptionsKey, RunOptions> optionsFor;
  private final Path outDir;
  private final Console console;
  private final Long extrapolateToRows;

  /** The coordinates of a cell, from which its run options are made. */
  public record RunOptionsKey(int pgVersion, Long rows, Double rate) {}

  /**
   * @param optionsFor the run options of one cell (the command line's options with that cell's
   *     version, rows and rate)
   * @param extrapolateToRows the size to carry each statement's figures to ({@code
   *     --extrapolate-to}); null for none
   */
  public Sweep(Scenario scenario, String strategy, Axes axes, Function<RunOptionsKey, RunOptions> optionsFor,
      Path outDir, Console console, Long extrapolateToRows) {
    this.extrapolateToRows = extrapolateToRows;
    this.scenario = scenario;
    this.strategyName = strategy;
    this.axes = axes;
    this.optionsFor = optionsFor;
    this.outDir = outDir;
    this.console = console;
  }

  /**
   * A cell of the matrix, known before any server starts.
   *
   * @param id its name on the command line ({@code --cell}) and in a CI matrix: "pg18-rows-100000-rate-500"
   * @param dir where its reports go, relative to the output directory: "pg18/rows-100000/rate-500"
   * @param key the axes' values it was made from (null: the scenario's)
   * @param rows rows of the largest table it rehearses
   * @param rate its operations per second
   */
  public record PlannedCell(String id, String dir, RunOptionsKey key, long rows, double rate) {}

  /** Every cell, in the order a single-machine sweep rehearses them. No server is started. */
  public List<PlannedCell> plan() {
    MigrationPlanner.choose(scenario, strategyName, false);
    List<PlannedCell> cells = new ArrayList<>();
    for (int version : axes.pgVersions()) {
      for (Long rows : axes.rows()) {
        for (Double rate : axes.rates()) {
          RunOptionsKey key = new RunOptionsKey(version, rows, rate);
          Rehearsal cell = new Rehearsal(scenario, optionsFor.apply(key), console);
          long cellRows = largestTable(cell.scenario());
          Double scenarioRate = cell.scenario().workload().ratePerSecond();
          double cellRate = rate != null ? rate : scenarioRate != null ? scenarioRate : 0;
          String dir = String.format(Locale.ROOT, "pg%d/rows-%d/rate-%s", version, cellRows, plain(cellRate));
          cells.add(new PlannedCell(dir.replace('/', '-'), dir, key, cellRows, cellRate));
        }
      }
    }
    return cells;
  }

  public Result run() {
    List<PlannedCell> all = plan();
    warnOfRefusal(all);
    return run(all, extrapolateToRows);
  }

  /**
   * One cell only ({@code --cell ID}, a CI runner's share of a fanned-out sweep): its reports in
   * its directory, and a {@link CellManifest} beside them for {@code rehearse merge}.
   */
  public Result runCell(String id) {
    List<PlannedCell> all = plan();
    PlannedCell cell = FanOut.find(all, id, PlannedCell::id, "sweep");
    warnOfRefusal(all);
    // one cell is one size: the extrapolation is made at merge, from every cell (the manifest carries the target)
    Result result = run(List.of(cell), null);
    CellManifest manifest = CellManifest.sweepCell(scenario.name(), result.sweep().strategy(), axes,
        all.stream().map(PlannedCell::id).toList(), cell, extrapolateToRows);
    Path written = FanOut.writeManifest(manifest, outDir);
    OutputDirectory.record(outDir, List.of(written));
    List<Path> files = new ArrayList<>(result.files());
    files.add(written);
    return new Result(result.sweep(), files, result.incomplete());
  }

  /** @param extrapolateTo the size to carry the statements' figures to, null for none */
  private Result run(List<PlannedCell> planned, Long extrapolateTo) {
    int cellsTotal = planned.size();
    // planned before a server starts: a bad strategy or step is bad input, found at once (row
    // counts and rates change no step, so one plan serves every cell)
    PlannedStrategy strategy = MigrationPlanner.choose(scenario, strategyName, false);
    String movedAside = OutputDirectory.prepare(outDir);
    if (movedAside != null) {
      console.say("%s", movedAside);
    }
    Instant startedAt = Instant.now();
    console.say("Sweeping %s, strategy %s: %d rehearsals (PostgreSQL %s × rows %s × rate %s)", scenario.name(),
        strategy.name(), cellsTotal, axes.pgVersions(), describe(axes.rows()), describe(axes.rates()));
    List<SweepReport.Cell> cells = new ArrayList<>();
    Map<SweepReport.Cell, String> dirs = new HashMap<>();
    boolean incomplete = false;
    // cells of one version and size are consecutive in a plan: seeded once, a fresh copy of the same data per rate
    Map<String, List<PlannedCell>> bySeeding = new LinkedHashMap<>();
    planned.forEach(c -> bySeeding.computeIfAbsent(c.key().pgVersion() + "/" + c.key().rows(), k -> new ArrayList<>())
        .add(c));
    sweep:
    for (List<PlannedCell> sameData : bySeeding.values()) {
      RunOptions seeding = optionsFor.apply(sameData.get(0).key());
      Scenario scaled = DatasetScaling.apply(scenario, seeding.rows(), seeding.scale());
      try (Workbench bench = Workbench.open(scaled, seeding, console, sameData.size())) {
        for (PlannedCell planCell : sameData) {
          Rehearsal cell = new Rehearsal(scenario, optionsFor.apply(planCell.key()), console);
          console.say("");
          console.say("[%d/%d] PostgreSQL %d, %,d rows, %s ops/s", cells.size() + 1, cellsTotal,
              planCell.key().pgVersion(), planCell.rows(), plain(planCell.rate()));
          RehearsalReport report = bench.onFreshData(data -> cell.rehearse(strategy, data, bench.serverInfo(),
              outDir.resolve(planCell.dir()), Instant.now())).report();
          SweepReport.Cell entry = cellOf(planCell, report);
          cells.add(entry);
          dirs.put(entry, planCell.dir());
          if (!report.complete()) {
            console.say("  INCOMPLETE — %s; the rest of the sweep is not rehearsed", report.failure());
            incomplete = true;
            break sweep;
          }
          console.say("  %s", report.verdict().status().toUpperCase(Locale.ROOT));
        }
      }
    }
    SweepReport sweep = SweepMatrix.of(scenario.name(), strategy.name(), startedAt, Instant.now(),
        axes.pgVersions(), axes.rows(), axes.rates(), cells, extrapolateTo);
    return write(sweep, dirs, outDir, incomplete);
  }

  /**
   * Said before any server starts: a sweep of hours should not end in a refusal nobody saw
   * coming. The sizes are the same in every version and rate, so one check covers every series.
   */
  private void warnOfRefusal(List<PlannedCell> all) {
    if (extrapolateToRows == null) {
      return;
    }
    String refusal = ScalingFit.sizesRefusal(all.stream().map(PlannedCell::rows).toList(), extrapolateToRows);
    if (refusal != null) {
      console.say("--extrapolate-to %,d will be refused: %s", extrapolateToRows, refusal);
    }
  }

  /** A planned cell's line in the matrix, from its report. */
  static SweepReport.Cell cellOf(PlannedCell cell, RehearsalReport report) {
    return new SweepReport.Cell(cell.key().pgVersion(), cell.rows(), cell.rate(), report.verdict().status(),
        report.verdict().headline(), cell.dir() + "/" + ReportFiles.JSON, report.summary(),
        SweepReport.StatementFigures.of(report));
  }

  /** Writes the matrix's files into {@code outDir}, and records them there. */
  static Result write(SweepReport sweep, Map<SweepReport.Cell, String> dirs, Path outDir, boolean incomplete) {
    try {
      List<Path> files = ReportFiles.writeSweep(sweep, dirs::get, outDir);
      OutputDirectory.record(outDir, files);
      return new Result(sweep, files, incomplete);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InfrastructureException("could not write the sweep to " + outDir + ": " + e.getMessage(), e);
    }
  }

  private static long largestTable(Scenario s) {
    return s.dataset().tables().stream().mapToLong(TableSpec::rows).max().orElse(0);
  }

  /** 500 or 1.5: a rate as a directory name and a person write it. */
  public static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String describe(List<?> values) {
    return values.stream().map(v -> v == null ? "scenario's" : String.valueOf(v)).toList().toString();
  }
}
