package dev.rehearsal.load.schedule;

import java.util.concurrent.locks.LockSupport;

/**
 * Where the scheduler gets its time and how it waits. The engine runs on {@link #SYSTEM}; tests
 * drive the same timetable with a clock they advance themselves, so that the scheduling and the
 * latency arithmetic can be checked to the nanosecond without waiting.
 */
public interface Clock {

  /** Monotonic nanoseconds, comparable only with other values of the same clock. */
  long nanoTime();

  /** Returns at {@code deadlineNanos} or soon after (never before, unless interrupted). */
  void parkUntil(long deadlineNanos);

  /** {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}. */
  Clock SYSTEM = new Clock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void parkUntil(long deadlineNanos) {
      long wait;
      while ((wait = deadlineNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
        LockSupport.parkNanos(wait);
      }
    }
  };
}
