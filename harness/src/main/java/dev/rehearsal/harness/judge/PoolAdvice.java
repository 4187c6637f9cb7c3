package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.Summary;
import java.util.Locale;

/** The pool rule of {@link NextSteps}: an effect, not a cause, so it never leads the headline. */
final class PoolAdvice {

  /** No pool size or connectionTimeout is advised to absorb a lock window longer than this. */
  static final double SANE_CONNECTION_TIMEOUT_MS = 30_000;

  private PoolAdvice() {}

  /**
   * The pool size and connectionTimeout at which the pool would have held: every request waiting
   * at the peak given a connection, or allowed to wait out the longest lock window. Neither is
   * advised when it is not sane: a lock window longer than any sane connectionTimeout, or a peak
   * demand the server's max_connections does not admit.
   */
  static NextSteps.Step step(NextSteps.Evidence e) {
    Summary s = e.summary();
    if (s.poolTimeouts() == 0 && s.poolSaturatedSeconds() == 0) {
      return null;
    }
    int peakDemand = e.timeline().stream().mapToInt(t -> t.poolActive() + t.poolWaiting()).max()
        .orElse(e.poolSize() + s.maxPoolWaiting());
    peakDemand = Math.max(peakDemand, e.poolSize() + s.maxPoolWaiting());
    Integer maxConnections = e.limits().maxConnections();
    String advice;
    if (s.longestBlockedWindowMs() > SANE_CONNECTION_TIMEOUT_MS) {
      advice = String.format(Locale.ROOT, "No pool size or timeout would have absorbed a %,.0f s lock window "
          + "(a connectionTimeout past %.0f s only hides a stall): shorten the lock first.",
          s.longestBlockedWindowMs() / 1000, SANE_CONNECTION_TIMEOUT_MS / 1000);
    } else if (maxConnections != null && peakDemand > maxConnections) {
      advice = String.format(Locale.ROOT, "No pool size would have absorbed it: the peak demand, %d connections, "
          + "exceeds the server's max_connections (%d). Shorten the lock first.", peakDemand, maxConnections);
    } else {
      long timeoutNeededMs = roundUp(s.longestBlockedWindowMs() + s.baselineP99Ms(), 100);
      String timeoutPart = s.poolTimeouts() > 0 && timeoutNeededMs > e.connectionTimeoutMs()
          ? String.format(Locale.ROOT, ", or connectionTimeout ≥ %,d ms (now %,d ms: the longest lock window, "
              + "%,.0f ms, plus the baseline p99)", timeoutNeededMs, e.connectionTimeoutMs(), s.longestBlockedWindowMs())
          : "";
      advice = String.format(Locale.ROOT, "It would have held with maximumPoolSize ≥ %d (the peak demand)%s. Both "
          + "only let more requests wait behind the same lock, and each connection costs the server memory: shorten "
          + "the migration's lock waits first.", peakDemand, timeoutPart);
    }
    return new NextSteps.Step(String.format(Locale.ROOT,
        "The pool of %d connections was saturated for %d s (up to %d requests waiting, %d timed out).",
        e.poolSize(), s.poolSaturatedSeconds(), s.maxPoolWaiting(), s.poolTimeouts()), advice,
        "poolSaturated", null, s.poolTimeouts() > 0 ? "poolTimeouts" : "poolSaturatedSeconds",
        s.poolTimeouts() > 0 ? (double) s.poolTimeouts() : (double) s.poolSaturatedSeconds(), null, null);
  }

  private static long roundUp(double value, long step) {
    return (long) Math.ceil(value / step) * step;
  }
}
