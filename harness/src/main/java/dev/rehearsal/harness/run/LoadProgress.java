package dev.rehearsal.harness.run;

import dev.rehearsal.load.SecondSample;

/** Prints one line per second (terminal) or every few seconds (CI) while the load runs. */
final class LoadProgress {

  private final Console console;
  private final int poolSize;
  private volatile String phase = "warmup";

  LoadProgress(Console console, int poolSize) {
    this.console = console;
    this.poolSize = poolSize;
  }

  void migrationStarted() {
    phase = "migration";
  }

  void migrationEnded() {
    phase = "cooldown";
  }

  void onSecond(SecondSample s) {
    boolean unusual = s.errorCount() > 0 || s.poolMaxWaiting() > 0 || s.dropped() > 0;
    if (s.second() % console.loadProgressEverySeconds() != 0 && !unusual) {
      return;
    }
    long count = s.weightedLatencyMicros().getTotalCount();
    console.say("  t=%3ds %-9s %5d ops  p99 %8.1f ms  errors %3d  pool %d/%d busy, %d waiting%s",
        s.second(), phase, s.successes(),
        count == 0 ? 0.0 : s.weightedLatencyMicros().getValueAtPercentile(99) / 1000.0,
        s.errorCount(), s.poolMaxActive(), poolSize, s.poolMaxWaiting(),
        s.dropped() > 0 ? "  dropped " + s.dropped() : "");
  }
}
