package dev.rehearsal.harness.judge;

/**
 * The batch size a long data change should be cut into, derived from what it measured: the rows
 * per second it achieved, times the longest hold allowed, rounded down to a readable number
 * (1, 2, 2.5 or 5 times a power of ten; 2.5 only from 25 up), so that one batch holds its row
 * locks for no longer than the hold allowed, at the same speed.
 *
 * @param rowsPerSecond the rate the statement achieved: its rows over its duration
 * @param rows the batch size, at least 1
 * @param holdMs how long one batch of {@code rows} holds its locks at that rate
 */
public record BatchSize(double rowsPerSecond, long rows, double holdMs) {

  /**
   * The batch size for a statement that touched {@code rows} rows in {@code durationMs}, whose
   * batches may hold their locks at most {@code maxHoldMs}; null when the rate is unknown (no rows,
   * no duration).
   */
  public static BatchSize derive(Long rows, double durationMs, double maxHoldMs) {
    if (rows == null || rows <= 0 || !(durationMs > 0) || !(maxHoldMs > 0)) {
      return null;
    }
    double rowsPerSecond = rows / (durationMs / 1000);
    long size = Math.max(1, readableFloor(rowsPerSecond * maxHoldMs / 1000));
    return new BatchSize(rowsPerSecond, size, size / rowsPerSecond * 1000);
  }

  /** The largest of 1, 2, 2.5 (from 25 up), 5 times a power of ten not above {@code value}; 0 below 1. */
  static long readableFloor(double value) {
    if (value < 1) {
      return 0;
    }
    long best = 1;
    for (long power = 1; power <= value && power > 0; power *= 10) {
      for (double m : new double[] {1, 2, 2.5, 5}) {
        double candidate = m * power;
        if (candidate == Math.rint(candidate) && candidate <= value && (m != 2.5 || power >= 10)) {
          best = Math.max(best, (long) candidate);
        }
      }
    }
    return best;
  }
}
