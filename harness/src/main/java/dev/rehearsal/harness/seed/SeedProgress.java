package dev.rehearsal.harness.seed;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How seeding shows progress: on a terminal a bar redrawn in place (rows, rows/s, ETA per table);
 * elsewhere — CI logs — a plain line every few seconds, since carriage returns make a mess there.
 */
public abstract class SeedProgress {

  private final Consumer<String> lines;
  private final int indexIntervalSeconds;
  private long lastIndexNanos;

  private SeedProgress(Consumer<String> lines, int indexIntervalSeconds) {
    this.lines = lines;
    this.indexIntervalSeconds = indexIntervalSeconds;
  }

  /** Plain lines, one per {@code intervalSeconds} per table. */
  public static SeedProgress lines(Consumer<String> lines, int intervalSeconds) {
    return new SeedProgress(lines, intervalSeconds) {
      private long lastNanos;

      @Override
      void update(String table, long done, long total, double seconds) {
        long now = System.nanoTime();
        if (now - lastNanos >= intervalSeconds * 1_000_000_000L) {
          lastNanos = now;
          say("  seeding " + status(table, done, total, seconds));
        }
      }

      @Override
      void started(String table) {
        lastNanos = System.nanoTime();
      }
    };
  }

  /** A bar on {@code terminal}, redrawn in place; finished tables and phases print as lines. */
  public static SeedProgress bar(PrintStream terminal) {
    return new SeedProgress(line -> {
      terminal.print("\r\033[2K");
      terminal.println(line);
      terminal.flush();
    }, 5) {
      @Override
      void indexBuilds(List<String> statuses) {
        if (statuses.size() == 1) { // one build: redrawn in place like the COPY bar
          terminal.print("\r\033[2K" + statuses.get(0));
          terminal.flush();
        } else {
          super.indexBuilds(statuses);
        }
      }

      @Override
      void update(String table, long done, long total, double seconds) {
        int width = 24;
        int filled = (int) (width * Math.min(1.0, (double) done / Math.max(total, 1)));
        terminal.print("\r\033[2K  " + "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
            + status(table, done, total, seconds));
        terminal.flush();
      }
    };
  }

  /** A line that stays (phase done, table done). */
  public void say(String line) {
    lines.accept(line);
  }

  void started(String table) {}

  /**
   * The index and constraint builds running now, one status line each (see {@link IndexBuildProgress}); printed
   * as lines at most every few seconds.
   */
  synchronized void indexBuilds(List<String> statuses) {
    long now = System.nanoTime();
    if (lastIndexNanos != 0 && now - lastIndexNanos < indexIntervalSeconds * 1_000_000_000L) {
      return;
    }
    lastIndexNanos = now;
    statuses.forEach(this::say);
  }

  abstract void update(String table, long done, long total, double seconds);

  void finished(String table, long rows, double seconds, String format) {
    say(String.format(Locale.ROOT, "  seeded %s: %,d rows in %.1f s (%s/s, COPY %s)", table, rows, seconds,
        rate(rows / Math.max(seconds, 1e-3)), format));
  }

  static String status(String table, long done, long total, double seconds) {
    double rate = done / Math.max(seconds, 1e-3);
    String eta = rate > 0 ? String.format(Locale.ROOT, "%.0f s", (total - done) / rate) : "?";
    return String.format(Locale.ROOT, "%s %s/%s rows (%.0f%%), %s rows/s, ETA %s", table, count(done), count(total),
        100.0 * done / Math.max(total, 1), rate(rate), eta);
  }

  static String count(long n) {
    if (n >= 10_000_000) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String rate(double perSecond) {
    return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2fM", perSecond / 1e6)
        : String.format(Locale.ROOT, "%,.0f", perSecond);
  }
}
