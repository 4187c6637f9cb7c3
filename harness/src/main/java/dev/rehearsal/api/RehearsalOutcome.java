package dev.rehearsal.api;

import dev.rehearsal.harness.judge.BudgetJudge;
import dev.rehearsal.harness.run.Rehearsal;
import dev.rehearsal.report.MetricCatalogue;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.ReportFiles;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one rehearsal found: the verdict and its headline, the next steps, the summary figures by
 * name, the migration's statements, and where the reports are. Immutable.
 */
public final class RehearsalOutcome {

  /**
   * A budget crossed: the figure, the threshold it crossed, its value and the budget's action.
   *
   * @param level {@code critical} or {@code warn}
   */
  public record Breach(String metric, String level, double value, double threshold, String action) {}

  /**
   * One statement of the migration as it ran under load.
   *
   * @param migration the migration or changeset it belongs to ({@code V42__orders_status.sql}), or the step's name
   * @param blockedSessionSeconds application lock waits charged to it
   * @param error the error it ended with, or null
   */
  public record Statement(int index, String migration, String sql, double durationMs, double blockedSessionSeconds,
      boolean rewroteTable, String error) {}

  private final RehearsalReport report;
  private final List<Path> files;

  RehearsalOutcome(RehearsalReport report, List<Path> files) {
    this.report = report;
    this.files = List.copyOf(files);
  }

  /** The outcome of a rehearsal that reached its end; one that did not is an infrastructure failure. */
  static RehearsalOutcome completed(RehearsalScenario scenario, Rehearsal.Result result) {
    RehearsalOutcome outcome = new RehearsalOutcome(result.report(), result.files());
    if (!result.report().complete()) {
      throw new RehearsalInfrastructureException("the rehearsal of " + scenario.name() + " / " + outcome.strategy()
          + " did not reach its end: " + result.report().failure()
          + (outcome.reportDirectory() == null ? "" : " (reports in " + outcome.reportDirectory() + ")"),
          null, false, outcome);
    }
    return outcome;
  }

  public String scenario() {
    return report.scenario();
  }

  public String strategy() {
    return report.strategy();
  }

  /** PASS, WARN or FAIL; INCOMPLETE when it stopped before its end. */
  public Verdict verdict() {
    if (!report.complete() || report.verdict() == null) {
      return Verdict.INCOMPLETE;
    }
    return switch (report.verdict().status()) {
      case BudgetJudge.FAIL -> Verdict.FAIL;
      case BudgetJudge.WARN -> Verdict.WARN;
      default -> Verdict.PASS;
    };
  }

  /** The one line a reader sees first: the cause that explains most of what the application felt. */
  public String headline() {
    if (report.verdict() != null) {
      return report.verdict().headline();
    }
    return report.failure();
  }

  /** What to do next, most useful first. */
  public List<String> nextSteps() {
    return report.nextSteps() == null ? List.of()
        : report.nextSteps().stream().map(RehearsalReport.NextStep::text).toList();
  }

  /** Why it stopped before its end, or null for a complete rehearsal. */
  public String failure() {
    return report.failure();
  }

  /**
   * Every summary figure by its metric name ({@code blockedSessionSeconds}, {@code peakP99Ms}, ...;
   * docs/report-format.md); a figure this run did not measure is absent.
   */
  public Map<String, Double> figures() {
    if (report.summary() == null) {
      return Map.of();
    }
    Map<String, Double> figures = new java.util.LinkedHashMap<>(MetricCatalogue.figures(report.summary()));
    figures.values().removeIf(java.util.Objects::isNull);
    return Collections.unmodifiableMap(figures);
  }

  /**
   * One summary figure by its metric name.
   *
   * @throws RehearsalInputException for a name that is no metric (the message lists them)
   */
  public Optional<Double> figure(String metric) {
    if (MetricCatalogue.find(metric).isEmpty()) {
      throw new RehearsalInputException(metric + ": no such figure\n  fix: use one of "
          + String.join(", ", MetricCatalogue.names()));
    }
    return Optional.ofNullable(figures().get(metric));
  }

  /** The budgets crossed, critical ones first. */
  public List<Breach> breaches() {
    if (report.budgets() == null) {
      return List.of();
    }
    List<Breach> critical = new java.util.ArrayList<>();
    List<Breach> warn = new java.util.ArrayList<>();
    for (RehearsalReport.BudgetResult b : report.budgets()) {
      if (BudgetJudge.FAIL.equals(b.status()) && b.critical() != null) {
        critical.add(new Breach(b.metric(), "critical", b.value(), b.critical(), b.action()));
      } else if (BudgetJudge.WARN.equals(b.status()) && b.warn() != null) {
        warn.add(new Breach(b.metric(), "warn", b.value(), b.warn(), b.action()));
      }
    }
    critical.addAll(warn);
    return List.copyOf(critical);
  }

  /** True when a critical budget was breached (the command line's exit 1). */
  public boolean hasCriticalBreach() {
    return breaches().stream().anyMatch(b -> b.level().equals("critical"));
  }

  /** The migration's statements, in the order they ran. */
  public List<Statement> statements() {
    if (report.statements() == null) {
      return List.of();
    }
    return report.statements().stream().map(s -> new Statement(s.index(), s.step(), s.sql(), s.durationMs(),
        s.blocked() == null ? 0 : s.blocked().blockedSessionSeconds(), s.rewrote() != null && !s.rewrote().isEmpty(),
        s.error())).toList();
  }

  /** True when this rehearsal's data was seeded for it, false when cloned from data seeded earlier. */
  public boolean seededForThisRehearsal() {
    return report.seed() != null && !report.seed().fromCache();
  }

  /** The directory the reports were written to. */
  public Path reportDirectory() {
    return files.isEmpty() ? null : files.get(0).getParent();
  }

  /** Every file written. */
  public List<Path> reportFiles() {
    return files;
  }

  /** report.json: every figure, statement and second (docs/report-format.md). */
  public Path jsonReport() {
    return file(ReportFiles.JSON);
  }

  /** report.html: one self-contained page with the charts. */
  public Path htmlReport() {
    return file(ReportFiles.HTML);
  }

  /** junit.xml: one test case per budget. */
  public Path junitXml() {
    return file(ReportFiles.JUNIT_XML);
  }

  /** summary.md: the verdict, the figures and the next steps in Markdown. */
  public Path summaryMarkdown() {
    return file(ReportFiles.MARKDOWN);
  }

  private Path file(String name) {
    return files.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElse(null);
  }

  /** The whole report as written to report.json (the versioned schema of docs/report-format.md). */
  public RehearsalReport report() {
    return report;
  }

  /** The verdict, headline and next steps as the command line prints them first. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(verdict()).append(" (").append(scenario()).append(" / ").append(strategy()).append("): ")
        .append(headline());
    List<String> steps = nextSteps();
    if (!steps.isEmpty()) {
      text.append("\nNext steps:");
      for (int i = 0; i < steps.size(); i++) {
        text.append("\n  ").append(i + 1).append(". ").append(steps.get(i));
      }
    }
    if (reportDirectory() != null) {
      text.append("\nReports: ").append(reportDirectory());
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "RehearsalOutcome[" + verdict() + " " + scenario() + "/" + strategy() + ": " + headline() + "]";
  }
}
