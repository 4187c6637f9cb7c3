package dev.rehearsal.load;

import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * What the pool went through: every borrow's acquisition time and every timeout, reported by
 * HikariCP itself through {@link IMetricsTracker}; and active/waiting gauges sampled from the
 * pool's MXBean (every 50 ms), kept as per-second maxima.
 */
public final class PoolTelemetry implements MetricsTrackerFactory {

  private final Recorder acquisitionMicros = new Recorder(3);
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicInteger maxActiveThisSecond = new AtomicInteger();
  private final AtomicInteger maxWaitingThisSecond = new AtomicInteger();
  private volatile boolean saturatedThisSecond;

  @Override
  public IMetricsTracker create(String poolName, PoolStats poolStats) {
    return new IMetricsTracker() {
      @Override
      public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
        acquisitionMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(elapsedAcquiredNanos)));
      }

      @Override
      public void recordConnectionTimeout() {
        timeouts.incrementAndGet();
      }
    };
  }

  /** Takes one gauge sample; called by the sampler thread. */
  void sample(HikariPoolMXBean pool) {
    maxActiveThisSecond.accumulateAndGet(pool.getActiveConnections(), Math::max);
    int waiting = pool.getThreadsAwaitingConnection();
    maxWaitingThisSecond.accumulateAndGet(waiting, Math::max);
    // every connection it has busy and requests waiting: saturated, also when the server refused
    // it some of its connections
    if (waiting > 0 && pool.getIdleConnections() == 0) {
      saturatedThisSecond = true;
    }
  }

  /** Whether a sample this second saw every open connection busy and requests waiting. */
  boolean takeSaturated() {
    boolean saturated = saturatedThisSecond;
    saturatedThisSecond = false;
    return saturated;
  }

  int takeMaxActive() {
    return maxActiveThisSecond.getAndSet(0);
  }

  int takeMaxWaiting() {
    return maxWaitingThisSecond.getAndSet(0);
  }

  /** Pool timeouts since the pool was created, as counted by HikariCP. */
  public long timeouts() {
    return timeouts.get();
  }

  /** Acquisition times recorded since the previous call, in microseconds. */
  public org.HdrHistogram.Histogram takeAcquisitionMicros() {
    return acquisitionMicros.getIntervalHistogram();
  }
}
