package dev.rehearsal.harness.seed;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Progress of one table's seeding: rows, rate and ETA, reported every couple of seconds. */
final class ProgressLine {

  private final String table;
  private final long totalRows;
  private final AtomicLong rowsDone;
  private final Consumer<String> out;
  private final long startNanos = System.nanoTime();

  ProgressLine(String table, long totalRows, AtomicLong rowsDone, Consumer<String> out) {
    this.table = table;
    this.totalRows = totalRows;
    this.rowsDone = rowsDone;
    this.out = out;
  }

  void report() {
    long done = rowsDone.get();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double rate = done / Math.max(seconds, 1e-3);
    double etaSeconds = rate > 0 ? (totalRows - done) / rate : Double.NaN;
    out.accept(String.format(Locale.ROOT, "  seeding %s: %,d / %,d rows (%.0f%%), %,.0f rows/s, ETA %.0f s",
        table, done, totalRows, 100.0 * done / totalRows, rate, etaSeconds));
  }

  void finish(long millis) {
    out.accept(String.format(Locale.ROOT, "  seeded %s: %,d rows in %.1f s (%,.0f rows/s)",
        table, totalRows, millis / 1000.0, totalRows / Math.max(millis / 1000.0, 1e-3)));
  }
}
