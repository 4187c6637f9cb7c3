package dev.rehearsal.harness.observe;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A sampling loop at a fixed rate, not with a fixed pause: a slow round must not stretch the
 * interval after it; a round that overruns its period starts the next at once.
 */
final class FixedRate {

  /** One round of sampling. */
  interface Round {
    void run() throws SQLException;
  }

  private FixedRate() {}

  static void loop(long periodMillis, BooleanSupplier running, Round round)
      throws SQLException, InterruptedException {
    long next = System.nanoTime();
    while (running.getAsBoolean()) {
      round.run();
      next += TimeUnit.MILLISECONDS.toNanos(periodMillis);
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      } else {
        next = System.nanoTime();
      }
    }
  }
}
