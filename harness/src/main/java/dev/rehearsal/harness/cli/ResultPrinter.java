package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.run.Comparison;
import dev.rehearsal.harness.run.Rehearsal;
import dev.rehearsal.report.ComparisonReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The short summary printed at the end of a run: verdict first, then figures, steps, files. */
final class ResultPrinter {

  private ResultPrinter() {}

  static void print(Rehearsal.Result result, PrintStream out) {
    RehearsalReport r = result.report();
    Summary s = r.summary();
    out.println();
    if (!r.complete()) {
      out.printf(Locale.ROOT, "INCOMPLETE (%s / %s): %s%n", r.scenario(), r.strategy(), r.failure());
    }
    if (s == null || r.verdict() == null) {
      out.println("Reports:");
      result.files().forEach(p -> out.println("  " + p));
      return;
    }
    out.printf(Locale.ROOT, "Verdict: %s%s (%s / %s): %s%n", r.verdict().status().toUpperCase(Locale.ROOT),
        r.complete() ? "" : " so far, INCOMPLETE", r.scenario(), r.strategy(), r.verdict().headline());
    out.printf(Locale.ROOT, "  latency   baseline p99 %.1f ms, peak p99 %.1f ms (%.1fx), %d s in spike (> %.1f ms)%n",
        s.baselineP99Ms(), s.peakP99Ms(), s.p99Ratio(), s.spikeSeconds(), s.spikeThresholdMs());
    out.printf(Locale.ROOT, "  blocked   %.2f session-seconds, longest wait %.0f ms, longest window %.0f ms, up to %d sessions%n",
        s.blockedSessionSeconds(), s.longestWaitMs(), s.longestBlockedWindowMs(), s.maxSessionsBlocked());
    out.printf(Locale.ROOT, "  pool      %d timeouts, %d s saturated, up to %d waiting%n",
        s.poolTimeouts(), s.poolSaturatedSeconds(), s.maxPoolWaiting());
    out.printf(Locale.ROOT, "  traffic   %,d ok, %,d errors %s, %,d dropped%n", s.operations(), s.errors(),
        s.errorsByClass(), s.droppedOperations());
    out.printf(Locale.ROOT, "  migration %d statement(s), %.0f ms, %d failed%n", r.statements().size(),
        s.migrationDurationMs(), s.migrationErrors());
    out.println("Next steps:");
    int n = 0;
    for (RehearsalReport.NextStep step : r.nextSteps()) {
      out.printf("  %d. %s%n", ++n, step.text());
    }
    out.println("Reports:");
    for (Path p : result.files()) {
      out.println("  " + p);
    }
  }

  /** A comparison: the ranking, the recommendation, then where the files are. */
  static void print(Comparison.Result result, PrintStream out) {
    print(result.comparison(), result.files(), out);
    for (Rehearsal.Result run : result.runs()) {
      out.println("  " + run.files().get(0).getParent() + "/ (" + run.report().strategy() + ")");
    }
  }

  /** The ranking, the recommendation and the comparison's files. */
  static void print(ComparisonReport c, List<Path> files, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "Comparison of %s on identical data (fingerprint %s)%n", c.scenario(),
        c.datasetFingerprint());
    int width = Math.max(8, c.ranking().stream().mapToInt(r -> r.strategy().length()).max().orElse(8));
    // a standby's lag and the WAL rate that caused it, when some strategy measured them
    boolean lag = c.ranking().stream().anyMatch(r -> r.summary() != null && r.summary().peakReplicaLagMs() != null
        && Double.isFinite(r.summary().peakReplicaLagMs()));
    out.printf(Locale.ROOT, "  %-2s %-" + width + "s %-7s %10s %12s %10s %8s %7s %10s%s%n", "#", "strategy", "verdict",
        "blocked s", "longest wait", "peak p99", "pool t/o", "errors", "migration",
        lag ? String.format(Locale.ROOT, " %12s %12s", "peak WAL", "replica lag") : "");
    for (ComparisonReport.Ranked r : c.ranking()) {
      Summary s = r.summary();
      out.printf(Locale.ROOT, "  %-2d %-" + width + "s %-7s %10.2f %9.0f ms %7.0f ms %8d %7d %8.1f s%s%n", r.rank(),
          r.strategy(), r.verdict().toUpperCase(Locale.ROOT), s.blockedSessionSeconds(), s.longestWaitMs(),
          s.peakP99Ms(), s.poolTimeouts(), s.errors(), s.migrationDurationMs() / 1000, lag ? lagColumns(s) : "");
    }
    out.println(c.recommended() == null ? "No strategy stayed within its critical budgets." : "Recommended: "
        + c.recommended());
    out.println(c.headline());
    out.println("Reports:");
    for (Path p : files) {
      out.println("  " + p);
    }
  }

  /** " 22.9 MB/s   159 ms": peak WAL rate and peak replica lag, "-" where not measured. */
  private static String lagColumns(Summary s) {
    String wal = s.peakWalBytesPerSecond() == null ? "-"
        : String.format(Locale.ROOT, "%.1f MB/s", s.peakWalBytesPerSecond() / 1e6);
    String lag = s.peakReplicaLagMs() == null || !Double.isFinite(s.peakReplicaLagMs()) ? "-"
        : String.format(Locale.ROOT, "%,.0f ms", s.peakReplicaLagMs());
    return String.format(Locale.ROOT, " %12s %12s", wal, lag);
  }
}
