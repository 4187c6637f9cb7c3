package dev.rehearsal.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything a run keeps of its seconds: whole-run histograms that each second is added into
 * (fixed size, however long the run), and one {@link SecondFigures} per second for the
 * timeline. Per-second histograms are not kept: at 1,000 ops/s they grew the heap by some
 * 70 KB per second of load, this by well under 1 KB.
 */
public final class LoadTally {

  private final List<SecondFigures> seconds = new ArrayList<>();
  private final Histogram weightedLatencyMicros = newHistogram();
  private final Histogram weightedServiceMicros = newHistogram();
  private final Histogram schedulerLagMicros = newHistogram();
  private final Map<String, Histogram> latencyMicrosByOperation = new LinkedHashMap<>();

  private static Histogram newHistogram() {
    return new Histogram(1, OperationStats.HIGHEST_MICROS, 3);
  }

  /** Folds one closed second in. */
  public synchronized void add(SecondSample s) {
    seconds.add(SecondFigures.of(s));
    weightedLatencyMicros.add(s.weightedLatencyMicros());
    weightedServiceMicros.add(s.weightedServiceMicros());
    schedulerLagMicros.add(s.schedulerLagMicros());
    s.latencyMicrosByOperation().forEach((name, h) ->
        latencyMicrosByOperation.computeIfAbsent(name, n -> newHistogram()).add(h));
  }

  /** The seconds so far, in order. */
  public synchronized List<SecondFigures> seconds() {
    return List.copyOf(seconds);
  }

  /** The application's (weighted) operations over the whole run: completion minus intended start. */
  public synchronized Histogram weightedLatencyMicros() {
    return weightedLatencyMicros.copy();
  }

  /** The same from the moment each had its connection. */
  public synchronized Histogram weightedServiceMicros() {
    return weightedServiceMicros.copy();
  }

  public synchronized Histogram schedulerLagMicros() {
    return schedulerLagMicros.copy();
  }

  /** Per operation (weighted, periodic, health check), in the order they were first seen. */
  public synchronized Map<String, Histogram> latencyMicrosByOperation() {
    Map<String, Histogram> copy = new LinkedHashMap<>();
    latencyMicrosByOperation.forEach((name, h) -> copy.put(name, h.copy()));
    return copy;
  }
}
