package dev.rehearsal.report;

import dev.rehearsal.report.ComparisonReport.Ranked;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Ranks the strategies of a comparison. The order is what a person deciding what to ship would
 * use: a complete run before an interrupted one; verdict (pass, warn, fail); fewer failed, then
 * fewer warned budgets; then what the application felt — blocked session-seconds, peak p99,
 * failed operations — and last the migration's own duration (slower but harmless beats fast
 * and blocking).
 */
public final class StrategyRanking {

  private static final Comparator<RehearsalReport> ORDER = Comparator
      .comparing((RehearsalReport r) -> r.complete() ? 0 : 1)
      .thenComparing(r -> verdictOrder(r.verdict() == null ? null : r.verdict().status()))
      .thenComparing(r -> budgetsWith(r, "fail"))
      .thenComparing(r -> budgetsWith(r, "warn"))
      .thenComparing(figure(Summary::blockedSessionSeconds))
      .thenComparing(figure(Summary::peakP99Ms))
      .thenComparing(figure(s -> (double) s.errors()))
      .thenComparing(figure(Summary::migrationDurationMs));

  private StrategyRanking() {}

  /** The reports best first; equal ones keep their scenario order. */
  public static List<RehearsalReport> rank(List<RehearsalReport> reports) {
    return reports.stream().sorted(ORDER).toList();
  }

  /**
   * The comparison of these reports (any order).
   *
   * @param reportPath where each strategy's report.json is, relative to comparison.json
   */
  public static ComparisonReport compare(List<RehearsalReport> reports, Function<RehearsalReport, String> reportPath,
      Instant startedAt, Instant finishedAt) {
    List<RehearsalReport> ranked = rank(reports);
    List<Ranked> entries = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      RehearsalReport r = ranked.get(i);
      entries.add(new Ranked(i + 1, r.strategy(), status(r), r.verdict() == null ? null : r.verdict().headline(),
          r.complete(), reportPath.apply(r), r.summary(), r.budgets(), r.nextSteps()));
    }
    RehearsalReport recommended = ranked.stream()
        .filter(r -> r.complete() && verdictOrder(status(r)) <= 1).findFirst().orElse(null);
    RehearsalReport first = ranked.isEmpty() ? null : ranked.get(0);
    return new ComparisonReport(RehearsalReport.SCHEMA_VERSION, first == null ? null : first.scenario(), startedAt,
        finishedAt, first == null ? null : first.server(),
        first == null || first.seed() == null ? null : first.seed().fingerprint(),
        recommended == null ? null : recommended.strategy(), headline(ranked, recommended), entries);
  }

  /** "expand-contract passes; naive fails (poolTimeouts 17, peakP99Ms 2,041 ms)", best first. */
  static String headline(List<RehearsalReport> ranked, RehearsalReport recommended) {
    if (ranked.isEmpty()) {
      return "No strategy was rehearsed.";
    }
    List<String> parts = new ArrayList<>();
    for (RehearsalReport r : ranked) {
      String verdict = status(r);
      String word = switch (verdict) {
        case "pass" -> "passes";
        case "warn" -> "warns";
        case "fail" -> "fails";
        default -> "has no verdict";
      };
      String part = r.strategy() + " " + word + (r.complete() ? "" : " (incomplete run)");
      List<String> breached = new ArrayList<>();
      for (String status : List.of("fail", "warn")) {
        for (RehearsalReport.BudgetResult b : Nulls.list(r.budgets())) {
          if (status.equals(b.status())) {
            breached.add(b.metric() + " " + Fmt.number(b.value()));
          }
        }
      }
      if (!breached.isEmpty()) {
        part += " (" + String.join(", ", breached) + ")";
      }
      parts.add(part);
    }
    String lead = recommended == null ? "No strategy stayed within its critical budgets: " : "";
    String lag = ReplicaLagComparison.sentence(ranked);
    return lead + String.join("; ", parts) + "." + (lag == null ? "" : " " + lag);
  }

  static String status(RehearsalReport r) {
    return r.verdict() == null || r.verdict().status() == null ? "none"
        : r.verdict().status().toLowerCase(Locale.ROOT);
  }

  private static int verdictOrder(String status) {
    if (status == null) {
      return 3;
    }
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "pass" -> 0;
      case "warn" -> 1;
      case "fail" -> 2;
      default -> 3;
    };
  }

  private static long budgetsWith(RehearsalReport r, String status) {
    return Nulls.list(r.budgets()).stream().filter(b -> status.equals(b.status())).count();
  }

  /** Lower is better; a run without a summary or with NaN sorts last. */
  private static Comparator<RehearsalReport> figure(java.util.function.ToDoubleFunction<Summary> f) {
    return Comparator.comparingDouble(r -> {
      if (r.summary() == null) {
        return Double.MAX_VALUE;
      }
      double v = f.applyAsDouble(r.summary());
      return Double.isNaN(v) ? Double.MAX_VALUE : v;
    });
  }
}
