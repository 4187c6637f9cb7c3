package dev.rehearsal.harness.measure;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.observe.MigrationProgress;
import dev.rehearsal.load.SecondSample;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Prints one line per second (terminal) or every few seconds (CI) while the load runs. */
final class LoadProgress {

  private final Console console;
  private final int poolSize;
  private final boolean standalone;
  private volatile String phase = "warmup";
  private volatile MigrationProgress migration;
  private int stalledSeconds;

  LoadProgress(Console console, int poolSize) {
    this(console, poolSize, false);
  }

  private LoadProgress(Console console, int poolSize, boolean standalone) {
    this.console = console;
    this.poolSize = poolSize;
    this.standalone = standalone;
  }

  /** For {@code rehearse load}: a line every second, with rate, percentiles and the probe. */
  static LoadProgress standalone(Console console, int poolSize) {
    return new LoadProgress(console, poolSize, true);
  }

  void migrationStarted(MigrationProgress migration) {
    this.migration = migration;
    phase = "migration";
  }

  void migrationEnded() {
    migration = null;
    phase = "cooldown";
  }

  void onSecond(SecondSample s) {
    stalledSeconds = stalled(s) ? stalledSeconds + 1 : 0;
    if (standalone) {
      if (s.coveredSeconds() >= 0.5) { // a last sliver of a second would show a meaningless rate
        console.say(loadLine(s, poolSize, stalledSeconds));
      }
      return;
    }
    String line = rehearsalLine(s, phase, poolSize, stalledSeconds, console.loadProgressEverySeconds());
    if (line != null) {
      console.say("%s", line + running());
    }
  }

  /**
   * A second in which no request of the application's completed while some were in flight, waited for a
   * connection or were dropped: the load is stalled, and a percentile of nothing would read as "fast".
   */
  static boolean stalled(SecondSample s) {
    return s.weightedCompleted() == 0 && (s.poolMaxActive() > 0 || s.poolMaxWaiting() > 0 || s.dropped() > 0);
  }

  /**
   * "t= 12s migration     982 ops  p99      2.1 ms  errors   0  pool 3/8 busy, 0 waiting", or for a
   * stalled second "t= 12s migration  stalled: 0 completed, pool 8/8 busy, 246 waiting for a connection,
   * nothing completed for 3 s"; null on an ordinary second that {@code everySeconds} skips.
   */
  static String rehearsalLine(SecondSample s, String phase, int poolSize, int stalledSeconds, int everySeconds) {
    if (stalledSeconds > 0 && stalled(s)) {
      return String.format(Locale.ROOT, "  t=%3ds %-9s %s%s%s", s.second(), phase,
          stalledPart(s, poolSize, stalledSeconds), s.errorCount() > 0 ? "  errors " + s.errorCount() : "",
          s.dropped() > 0 ? "  dropped " + s.dropped() : "");
    }
    boolean unusual = s.errorCount() > 0 || s.poolMaxWaiting() > 0 || s.dropped() > 0;
    if (s.second() % everySeconds != 0 && !unusual) {
      return null;
    }
    long count = s.weightedLatencyMicros().getTotalCount();
    return String.format(Locale.ROOT, "  t=%3ds %-9s %5d ops  p99 %s ms  errors %3d  pool %d/%d busy, %d waiting%s",
        s.second(), phase, s.successes(),
        count == 0 ? "       -" : String.format(Locale.ROOT, "%8.1f", s.weightedLatencyMicros().getValueAtPercentile(99) / 1000.0),
        s.errorCount(), s.poolMaxActive(), poolSize, s.poolMaxWaiting(),
        s.dropped() > 0 ? "  dropped " + s.dropped() : "");
  }

  /**
   * "stalled: 0 completed, pool 8/8 busy, 246 waiting for a connection, nothing completed for 3 s". How long
   * the longest request has waited is not recorded per second; the run of stalled seconds is.
   */
  static String stalledPart(SecondSample s, int poolSize, int stalledSeconds) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "stalled: 0 completed, pool %d/%d busy",
        s.poolMaxActive(), poolSize));
    if (s.poolMaxWaiting() > 0) {
      b.append(String.format(Locale.ROOT, ", %,d waiting for a connection", s.poolMaxWaiting()));
    }
    if (stalledSeconds > 1) {
      b.append(String.format(Locale.ROOT, ", nothing completed for %d s", stalledSeconds));
    }
    return b.toString();
  }

  private String running() {
    MigrationProgress m = migration;
    return m == null ? "" : runningPart(m.running(), System.nanoTime());
  }

  /**
   * "  | running 12.0 s: V18__backfill.sql statement 2: UPDATE orders SET ..." while a statement has run for half
   * a second or more: which one holds things up, inside a transaction whose statements are reported as they finish.
   */
  static String runningPart(MigrationProgress.Running r, long nowNanos) {
    if (r == null) {
      return "";
    }
    double seconds = (nowNanos - r.startNanos()) / 1e9;
    return seconds < 0.5 ? "" : String.format(Locale.ROOT, "  | running %.1f s: %s", seconds, r.label());
  }

  /** "t=  12s   1,003 ops/s (target 1,000)  p50 0.4  p99 2.1  max 5.0 ms  errors 0  pool 3/8 busy, 0 waiting". */
  static String loadLine(SecondSample s, int poolSize, int stalledSeconds) {
    Histogram h = s.weightedLatencyMicros();
    boolean any = h.getTotalCount() > 0;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  t=%3ds %,7d ops/s", s.second(),
        s.weightedCompleted()));
    line.append(Double.isNaN(s.targetOperations()) ? "               "
        : String.format(Locale.ROOT, " (target %,5.0f)", s.targetOperations()));
    if (stalledSeconds > 0 && stalled(s)) {
      line.append("  ").append(stalledPart(s, poolSize, stalledSeconds));
      if (s.errorCount() > 0) {
        line.append("  errors ").append(s.errorCount());
      }
    } else {
      line.append(String.format(Locale.ROOT, "  p50 %6.2f  p99 %7.2f  max %7.1f ms  errors %3d  pool %d/%d busy, %d waiting",
        any ? h.getValueAtPercentile(50) / 1000.0 : 0.0, any ? h.getValueAtPercentile(99) / 1000.0 : 0.0,
        any ? h.getMaxValue() / 1000.0 : 0.0, s.errorCount(), s.poolMaxActive(), poolSize, s.poolMaxWaiting()));
    }
    if (s.dropped() > 0) {
      line.append("  dropped ").append(s.dropped());
    }
    if (s.healthCheckFailures() > 0) {
      line.append("  health check FAILED x").append(s.healthCheckFailures());
    }
    return line.toString();
  }
}
