package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary figures readers look at, with a plain-English label and a unit, in the order the
 * HTML and Markdown reports show them. {@code metric} is the summary field (and budget metric)
 * name, so a figure can be matched to the budget that judged it. A standby's lag is one of them only when
 * the run measured it.
 */
final class KeyFigures {

  /**
   * @param value null when it was not measured (e.g. lostWrites when no integrity check ran)
   * @param headline also shown in the short Markdown summary
   */
  record Figure(String metric, String label, Double value, String unit, boolean headline) {
    String formatted() {
      return value == null ? "not measured" : Fmt.withUnit(value, unit);
    }
  }

  private KeyFigures() {}

  private static Double d(double value) {
    return value;
  }

  /** Nullable counts stay null: "not measured" is not the same as zero. */
  private static Double d(Long value) {
    return value == null ? null : value.doubleValue();
  }

  static List<Figure> of(Summary s) {
    if (s == null) {
      return List.of();
    }
    List<Figure> figures = new ArrayList<>(List.of(
        new Figure("baselineP99Ms", "p99 before the migration",
            d(s.baselineP99Ms()), "ms", true),
        new Figure("peakP99Ms", "peak p99", d(s.peakP99Ms()), "ms", true),
        new Figure("p99Ratio", "peak / baseline p99", d(s.p99Ratio()), "×", true),
        new Figure("spikeSeconds", "seconds in latency spike", d(s.spikeSeconds()), "s", true),
        new Figure("blockedSessionSeconds", "time sessions spent blocked",
            d(s.blockedSessionSeconds()), "session·s", true),
        new Figure("longestWaitMs", "longest single lock wait",
            d(s.longestWaitMs()), "ms", true),
        new Figure("longestBlockedWindowMs", "longest window with a session blocked",
            d(s.longestBlockedWindowMs()), "ms", false),
        new Figure("maxSessionsBlocked", "most sessions blocked at once",
            d(s.maxSessionsBlocked()), "sessions", false),
        new Figure("poolTimeouts", "pool timeouts", d(s.poolTimeouts()), "", true),
        new Figure("poolSaturatedSeconds", "seconds pool saturated",
            d(s.poolSaturatedSeconds()), "s", false),
        new Figure("maxPoolWaiting", "most requests waiting for a connection",
            d(s.maxPoolWaiting()), "requests", false),
        new Figure("errors", "failed operations", d(s.errors()), "", true),
        new Figure("droppedOperations", "operations dropped (load generator full)",
            d(s.droppedOperations()), "", false),
        new Figure("lostWrites", "acknowledged writes lost", d(s.lostWrites()), "", true),
        new Figure("instancesUnreadySeconds", "instance-seconds out of service (health checks)",
            s.instancesUnreadySeconds(), "s", true),
        new Figure("instanceRestarts", "instance restarts (liveness)", d(s.instanceRestarts()), "", false),
        new Figure("connectionRefusals", "connections the server refused (53300)", d(s.connectionRefusals()), "",
            false),
        new Figure("peakServerConnections", "most connections on the server", s.peakServerConnections() == null
            ? null : d(s.peakServerConnections()), "", false),
        new Figure("walBytes", "WAL written during the migration", s.walBytes() == null ? null
            : s.walBytes() / 1e6, "MB", false),
        new Figure("peakWalBytesPerSecond", "peak WAL per second", s.peakWalBytesPerSecond() == null ? null
            : s.peakWalBytesPerSecond() / 1e6, "MB", false),
        new Figure("migrationDurationMs", "migration duration",
            d(s.migrationDurationMs()), "ms", true)));
    // only with a standby whose lag was measured: without one there is nothing to say
    if (s.peakReplicaLagMs() != null && !s.peakReplicaLagMs().isNaN()) {
      figures.add(figures.size() - 1, new Figure("peakReplicaLagMs", "most a standby fell behind (replay lag)",
          s.peakReplicaLagMs(), "ms", true));
    }
    // only when operations read from the standby: how long what they read was stale
    if (s.staleReplicaReadSeconds() != null) {
      figures.add(figures.size() - 1, new Figure("staleReplicaReadSeconds",
          "seconds replica reads were stale (lag over the threshold)", d(s.staleReplicaReadSeconds()), "s", true));
    }
    return List.copyOf(figures);
  }
}
