package dev.rehearsal.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Recording for one operation type: wait-free from worker threads, drained once a second by the
 * ticker into interval histograms and counts.
 */
final class OperationStats {

  /** Anything slower than ten minutes is clamped: it is a failure whatever its exact length. */
  static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

  final String name;
  final boolean weighted;
  private final Recorder latencyMicros = new Recorder(1, HIGHEST_MICROS, 3);
  private final Recorder serviceMicros = new Recorder(1, HIGHEST_MICROS, 3);
  private final LongAdder successes = new LongAdder();
  private final AtomicLongArray errors = new AtomicLongArray(ErrorClass.values().length);

  OperationStats(String name, boolean weighted) {
    this.name = name;
    this.weighted = weighted;
  }

  void record(long latencyNanos, long serviceNanos, ErrorClass error) {
    latencyMicros.recordValue(clampMicros(latencyNanos));
    if (serviceNanos >= 0) {
      serviceMicros.recordValue(clampMicros(serviceNanos));
    }
    if (error == null) {
      successes.increment();
    } else {
      errors.incrementAndGet(error.ordinal());
    }
  }

  private static long clampMicros(long nanos) {
    return Math.min(HIGHEST_MICROS, Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  Histogram takeLatency() {
    return latencyMicros.getIntervalHistogram();
  }

  Histogram takeService() {
    return serviceMicros.getIntervalHistogram();
  }

  long takeSuccesses() {
    return successes.sumThenReset();
  }

  /** Adds this interval's errors into {@code into} and resets them. */
  void takeErrors(Map<ErrorClass, Long> into) {
    for (ErrorClass c : ErrorClass.values()) {
      long n = errors.getAndSet(c.ordinal(), 0);
      if (n > 0) {
        into.merge(c, n, Long::sum);
      }
    }
  }

  static Map<ErrorClass, Long> emptyErrors() {
    return new EnumMap<>(ErrorClass.class);
  }
}
