package dev.rehearsal.report;

import java.time.Instant;
import java.util.List;

/**
 * sweep.json: one strategy rehearsed at every combination of PostgreSQL version, data size and
 * rate, to find where its budgets start to fail. Each cell's full report stays in its own
 * directory. Same schema version as report.json.
 *
 * @param pgVersions the major versions swept, in the order given
 * @param rows the row counts of the largest table swept (null entry: the scenario's own)
 * @param rates the open-loop rates swept (null entry: the scenario's own)
 * @param headline where the verdict changes, in one sentence
 * @param differences cells whose verdict differs between PostgreSQL versions, e.g. "1,000,000 rows
 *     at 500 ops/s: PG 15 fail, PG 18 pass"
 * @param cells one per combination, versions outermost, then rows, then rates
 * @param extrapolation each statement's figures fitted against rows and carried to a larger size
 *     ({@code --extrapolate-to}); null when none was asked for
 */
public record SweepReport(
    int schemaVersion,
    String scenario,
    String strategy,
    Instant startedAt,
    Instant finishedAt,
    List<Integer> pgVersions,
    List<Long> rows,
    List<Double> rates,
    String headline,
    List<String> differences,
    List<Cell> cells,
    Extrapolation extrapolation) {

  /**
   * One rehearsal of the sweep.
   *
   * @param rows the largest table's rows in this cell (after scaling)
   * @param rate the open-loop rate in operations per second
   * @param report its report.json, relative to sweep.json
   * @param statements the figures of each migration statement that succeeded, to fit across sizes
   */
  public record Cell(int pgVersion, long rows, double rate, String verdict, String headline, String report,
      RehearsalReport.Summary summary, List<StatementFigures> statements) {}

  /**
   * A migration statement's figures in one cell; the same statement in other cells has the same
   * index.
   *
   * @param sql its text's first line
   * @param lock the strongest lock it held (AccessExclusiveLock, ...), null when none was seen
   * @param lockHoldSeconds how long it held that lock, its transaction's later statements
   *     included ({@link LockHold}); null without a lock
   * @param blockedSessionSeconds application lock waits charged to it
   */
  public record StatementFigures(int index, String sql, String lock, double durationSeconds,
      Double lockHoldSeconds, double blockedSessionSeconds) {

    /** The figures of each statement of {@code report} that succeeded: a failed one measured no growth. */
    public static List<StatementFigures> of(RehearsalReport report) {
      List<RehearsalReport.StatementResult> all = Nulls.list(report.statements());
      return all.stream().filter(s -> s.error() == null).map(s -> new StatementFigures(s.index(), firstLine(s.sql()),
          s.locks() == null || s.locks().isEmpty() ? null : LockModes.strongest(s.locks()).mode(),
          s.durationMs() / 1000, LockHold.seconds(s, all),
          s.blocked() == null ? 0 : s.blocked().blockedSessionSeconds())).toList();
    }

    /** "ALTER TABLE users ALTER COLUMN id TYPE bigint": a statement as a sentence names it, at most 60 characters. */
    private static String firstLine(String sql) {
      String line = Nulls.text(sql).strip().lines().findFirst().orElse("").strip();
      return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
  }

  /**
   * The statements' figures fitted against rows ({@link ScalingFit}) and carried to {@code
   * targetRows}, per PostgreSQL version and rate.
   *
   * @param minimumRSquared below this on both models, a figure is not extrapolated
   * @param spreadMethod how the spread around a prediction is made
   */
  public record Extrapolation(long targetRows, double minimumRSquared, String spreadMethod, List<Series> series) {}

  /**
   * The cells of one version and rate, at every size swept.
   *
   * @param rowsMeasured the sizes fitted
   * @param refusal why none of this series' figures is extrapolated (too few sizes, a target
   *     within them), else null
   */
  public record Series(int pgVersion, double rate, List<Long> rowsMeasured, String refusal,
      List<StatementFit> statements) {}

  /** One migration statement's figures across a series. */
  public record StatementFit(int index, String sql, String lock, List<FigureFit> figures) {}

  /**
   * One figure of a statement fitted against rows.
   *
   * @param figure durationSeconds, lockHoldSeconds or blockedSessionSeconds
   * @param points its value in each cell
   * @param model the chosen model, "linear" or "n log n"; null when refused before fitting
   * @param intercept the model's a, in the figure's unit
   * @param slope the model's b, per row (linear) or per n·ln n
   * @param rSquared the chosen model's R²
   * @param alternativeModel the model not chosen, with {@code alternativeRSquared}
   * @param predicted the figure at the target rows; null when refused
   * @param low the spread's low end, {@code high} its high end
   * @param refusal why it is not extrapolated, else null
   * @param sentence the finding in words, as the console prints it
   */
  public record FigureFit(String figure, List<ScalingFit.Point> points, String model, Double intercept, Double slope,
      Double rSquared, String alternativeModel, Double alternativeRSquared, Double predicted, Double low, Double high,
      String refusal, String sentence) {}
}
