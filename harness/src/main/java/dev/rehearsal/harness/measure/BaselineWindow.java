package dev.rehearsal.harness.measure;

import dev.rehearsal.load.SecondSample;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Collects the application's latencies over the baseline seconds ({@link Phases#inBaseline})
 * while the load runs, so that no second's histogram has to be kept to the end. Until the
 * migration's start is known a second cannot be judged; those few seconds (the warm-up) are
 * held, then added or dropped.
 */
final class BaselineWindow {

  private record Held(int second, Histogram weightedLatencyMicros) {}

  private final int baselineFromSecond;
  private final Histogram baseline = new Histogram(3);
  private final List<Held> undecided = new ArrayList<>();
  private double migrationStartSecond = Double.NaN;

  BaselineWindow(int baselineFromSecond) {
    this.baselineFromSecond = baselineFromSecond;
  }

  /** Called from the load's ticker with each closed second. */
  synchronized void onSecond(SecondSample s) {
    if (s.second() < baselineFromSecond) {
      return;
    }
    if (Double.isNaN(migrationStartSecond)) {
      undecided.add(new Held(s.second(), s.weightedLatencyMicros().copy()));
    } else if (s.second() + 1 <= migrationStartSecond) {
      baseline.add(s.weightedLatencyMicros());
    }
  }

  /** The first migration statement is being sent, {@code second}s after load start. */
  synchronized void migrationStartsAt(double second) {
    migrationStartSecond = second;
    for (Held h : undecided) {
      if (h.second() + 1 <= second) {
        baseline.add(h.weightedLatencyMicros());
      }
    }
    undecided.clear();
  }

  /**
   * The baseline as {@code phases} define it; seconds still undecided (the run stopped before
   * the migration started) are judged against the phases' migration start.
   */
  synchronized Histogram baseline(Phases phases) {
    if (Double.isNaN(migrationStartSecond)) {
      migrationStartsAt(phases.migrationStartSecond());
    }
    return baseline.copy();
  }
}
