package dev.rehearsal.report;

import dev.rehearsal.report.SweepReport.Extrapolation;
import dev.rehearsal.report.SweepReport.FigureFit;
import dev.rehearsal.report.SweepReport.Series;
import dev.rehearsal.report.SweepReport.StatementFit;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * sweep.html's extrapolation: per version and rate, a row per statement and figure with the
 * points measured, the model chosen and how well it fits, and the value at the size asked for
 * with its spread — or why there is none. The points are in the row, so a reader can judge the
 * fit without opening sweep.json.
 */
final class SweepExtrapolationHtml {

  private SweepExtrapolationHtml() {}

  static void append(StringBuilder page, Extrapolation extrapolation) {
    if (extrapolation == null) {
      return;
    }
    page.append("<h2 id=\"extrapolation\">Extrapolated to ").append(Html.escape(Fmt.count(extrapolation.targetRows())))
        .append(" rows</h2>\n<p class=\"meta\">Each statement's figures fitted against rows: linear (a + b·n) or n log n "
            + "(a + b·n·ln n), whichever has the higher R²; not extrapolated below R² ")
        .append(Html.escape(Fmt.number(extrapolation.minimumRSquared())))
        .append(" on both, from fewer than 3 sizes, or to a size within those measured. Spread: ")
        .append(Html.escape(extrapolation.spreadMethod())).append(".</p>\n");
    for (Series series : Nulls.list(extrapolation.series())) {
      page.append("<h3>PostgreSQL ").append(series.pgVersion()).append(", ")
          .append(Html.escape(Fmt.number(series.rate()))).append(" ops/s</h3>\n");
      if (series.refusal() != null) {
        page.append("<p class=\"refusal\">Not extrapolated: ").append(Html.escape(series.refusal())).append("</p>\n");
      }
      page.append("<table class=\"extrapolation\" id=\"extrapolation-pg").append(series.pgVersion()).append("-rate-")
          .append(Html.escape(Fmt.number(series.rate()).replace(",", ""))).append("\">\n<tr><th>statement</th>"
              + "<th>figure</th><th>measured (rows: value)</th><th>model</th><th>at ")
          .append(Html.escape(Fmt.count(extrapolation.targetRows()))).append(" rows</th></tr>\n");
      for (StatementFit statement : Nulls.list(series.statements())) {
        for (FigureFit figure : Nulls.list(statement.figures())) {
          row(page, statement, figure, series.refusal() != null);
        }
      }
      page.append("</table>\n");
    }
  }

  private static void row(StringBuilder page, StatementFit statement, FigureFit figure, boolean seriesRefused) {
    page.append("<tr><td>").append(statement.index()).append(" <code>").append(Html.escape(statement.sql()))
        .append("</code></td><td class=\"name\">").append(Html.escape(name(figure.figure(), statement.lock())))
        .append("</td><td>").append(Html.escape(figure.points().stream()
            .map(p -> Fmt.count(p.rows()) + ": " + Fmt.number(p.value())).collect(Collectors.joining(", "))))
        .append("</td><td>");
    if (figure.model() != null) {
      page.append(Html.escape(String.format(Locale.ROOT, "%s, R² %.3f (%s %.3f)", figure.model(), figure.rSquared(),
          figure.alternativeModel(), figure.alternativeRSquared())));
    } else {
      page.append(Fmt.NONE);
    }
    if (figure.predicted() != null) {
      page.append("</td><td class=\"num\"><strong>~").append(Html.escape(SweepExtrapolation.approx(figure.predicted()))).append("</strong> (")
          .append(Html.escape(SweepExtrapolation.approx(figure.low()) + "-" + SweepExtrapolation.approx(figure.high())))
          .append(")");
    } else if (seriesRefused) {
      page.append("</td><td>").append(Fmt.NONE);
    } else {
      page.append("</td><td>not extrapolated: ").append(Html.escape(figure.refusal()));
    }
    page.append("</td></tr>\n");
  }

  /** "duration (s)", "ACCESS EXCLUSIVE held (s)", "blocked session-seconds". */
  private static String name(String figure, String lock) {
    return switch (figure) {
      case "durationSeconds" -> "duration (s)";
      case "lockHoldSeconds" -> (lock == null ? "lock" : LockModes.words(lock)) + " held (s)";
      default -> "blocked session-seconds";
    };
  }
}
