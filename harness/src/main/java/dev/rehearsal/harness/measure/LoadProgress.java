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
    if (standalone) {
      if (s.coveredSeconds() >= 0.5) { // a last sliver of a second would show a meaningless rate
        console.say(loadLine(s, poolSize));
      }
      return;
    }
    boolean unusual = s.errorCount() > 0 || s.poolMaxWaiting() > 0 || s.dropped() > 0;
    if (s.second() % console.loadProgressEverySeconds() != 0 && !unusual) {
      return;
    }
    long count = s.weightedLatencyMicros().getTotalCount();
    console.say("  t=%3ds %-9s %5d ops  p99 %8.1f ms  errors %3d  pool %d/%d busy, %d waiting%s%s",
        s.second(), phase, s.successes(),
        count == 0 ? 0.0 : s.weightedLatencyMicros().getValueAtPercentile(99) / 1000.0,
        s.errorCount(), s.poolMaxActive(), poolSize, s.poolMaxWaiting(),
        s.dropped() > 0 ? "  dropped " + s.dropped() : "", running());
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
  static String loadLine(SecondSample s, int poolSize) {
    Histogram h = s.weightedLatencyMicros();
    boolean any = h.getTotalCount() > 0;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  t=%3ds %,7d ops/s", s.second(),
        s.weightedCompleted()));
    line.append(Double.isNaN(s.targetOperations()) ? "               "
        : String.format(Locale.ROOT, " (target %,5.0f)", s.targetOperations()));
    line.append(String.format(Locale.ROOT, "  p50 %6.2f  p99 %7.2f  max %7.1f ms  errors %3d  pool %d/%d busy, %d waiting",
        any ? h.getValueAtPercentile(50) / 1000.0 : 0.0, any ? h.getValueAtPercentile(99) / 1000.0 : 0.0,
        any ? h.getMaxValue() / 1000.0 : 0.0, s.errorCount(), s.poolMaxActive(), poolSize, s.poolMaxWaiting()));
    if (s.dropped() > 0) {
      line.append("  dropped ").append(s.dropped());
    }
    if (s.healthCheckFailures() > 0) {
      line.append("  health check FAILED x").append(s.healthCheckFailures());
    }
    return line.toString();
  }
}
