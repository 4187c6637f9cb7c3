package dev.rehearsal.harness.observe;

import java.util.Map;
import java.util.TreeMap;

/**
 * Blocked-time figures built from lock-wait samples. Each sample counts for the time since the
 * previous one, so irregular sampling (a slow observer query under load) still adds up.
 */
public final class BlockedTime {

  private final long loadStartNanos;
  private long previousSampleNanos = -1;
  private double blockedSessionSeconds;
  private double longestWaitMs;
  private double longestMigrationWaitMs;
  private int maxSessionsBlocked;
  private long windowStartNanos = -1;
  private double longestWindowMs;
  private final Map<Integer, Integer> maxBlockedBySecond = new TreeMap<>();

  BlockedTime(long loadStartNanos) {
    this.loadStartNanos = loadStartNanos;
  }

  synchronized void addSample(long sampleNanos, int sessionsBlocked, double longestApplicationWaitMs,
      double migrationWaitMs) {
    if (previousSampleNanos >= 0) {
      blockedSessionSeconds += sessionsBlocked * (sampleNanos - previousSampleNanos) / 1e9;
    }
    previousSampleNanos = sampleNanos;
    longestWaitMs = Math.max(longestWaitMs, longestApplicationWaitMs);
    longestMigrationWaitMs = Math.max(longestMigrationWaitMs, migrationWaitMs);
    maxSessionsBlocked = Math.max(maxSessionsBlocked, sessionsBlocked);
    if (sessionsBlocked > 0) {
      if (windowStartNanos < 0) {
        windowStartNanos = sampleNanos;
      }
      longestWindowMs = Math.max(longestWindowMs, (sampleNanos - windowStartNanos) / 1e6);
    } else {
      windowStartNanos = -1;
    }
    if (sampleNanos >= loadStartNanos) {
      int second = (int) ((sampleNanos - loadStartNanos) / 1_000_000_000L);
      maxBlockedBySecond.merge(second, sessionsBlocked, Math::max);
    }
  }

  /** Sum over application sessions of the seconds each spent waiting on a lock. */
  public synchronized double blockedSessionSeconds() {
    return blockedSessionSeconds;
  }

  /** Longest single lock wait of an application session, in milliseconds. */
  public synchronized double longestWaitMs() {
    return longestWaitMs;
  }

  /** Longest stretch with at least one application session waiting, in milliseconds. */
  public synchronized double longestBlockedWindowMs() {
    return longestWindowMs;
  }

  public synchronized int maxSessionsBlocked() {
    return maxSessionsBlocked;
  }

  /** Longest time the migration session itself waited for a lock, in milliseconds. */
  public synchronized double longestMigrationWaitMs() {
    return longestMigrationWaitMs;
  }

  /** Most application sessions blocked at once in the given second since load start. */
  public synchronized int maxBlockedInSecond(int second) {
    return maxBlockedBySecond.getOrDefault(second, 0);
  }
}
