package dev.rehearsal.load.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledged writes of one row that may still explain its current state.
 *
 * <p>Writes to one row that overlapped in time may have committed in either order, so the row
 * may legitimately show any of them. A write {@code f} that ended before write {@code e}
 * started committed before it: wherever {@code e} set a column, {@code f}'s value for that
 * column can no longer be current, and {@code f} keeps only its other columns ("live" ones).
 * An entry with no live column is forgotten, so a row written many times keeps about one entry
 * (as many as overlapped), and the ledger grows with the rows written, not the writes.
 */
final class KeyHistory {

  /** One acknowledged write: column indexes into the table's columns, and their value hashes. */
  static final class Entry {
    final long startNanos;
    final long endNanos;
    final boolean delete;
    final int[] columns;
    final long[] hashes;
    long liveMask;

    Entry(long startNanos, long endNanos, boolean delete, int[] columns, long[] hashes) {
      this.startNanos = startNanos;
      this.endNanos = endNanos;
      this.delete = delete;
      this.columns = columns;
      this.hashes = hashes;
      this.liveMask = delete ? -1L : maskOf(columns);
    }

    long mask() {
      return delete ? -1L : maskOf(columns);
    }
  }

  private final List<Entry> entries = new ArrayList<>(1);

  static long maskOf(int[] columns) {
    long mask = 0;
    for (int c : columns) {
      mask |= 1L << c;
    }
    return mask;
  }

  synchronized void add(Entry e) {
    long covered = e.mask();
    entries.removeIf(f -> {
      if (f.endNanos >= e.startNanos) {
        return false; // overlapped: either may have committed last
      }
      if (f.delete) {
        return true; // the row was written again after it was deleted
      }
      f.liveMask &= ~covered;
      return f.liveMask == 0;
    });
    entries.add(e);
  }

  synchronized int size() {
    return entries.size();
  }

  /**
   * Checks the row as read back.
   *
   * @param current hash per column index, or null when the row is absent
   * @param columnNames for the description
   * @return null when some acknowledged history explains the row, else what is wrong
   */
  synchronized String check(long[] current, List<String> columnNames) {
    boolean deleteLive = entries.stream().anyMatch(e -> e.delete);
    if (current == null) {
      return deleteLive ? null : "row missing";
    }
    boolean anyWrite = false;
    for (int column = 0; column < columnNames.size(); column++) {
      long bit = 1L << column;
      boolean written = false;
      boolean matched = false;
      for (Entry e : entries) {
        if (e.delete || (e.liveMask & bit) == 0) {
          continue;
        }
        written = true;
        for (int i = 0; i < e.columns.length; i++) {
          if (e.columns[i] == column && e.hashes[i] == current[column]) {
            matched = true;
          }
        }
      }
      anyWrite |= written;
      if (written && !matched) {
        return "column " + columnNames.get(column) + " does not hold any acknowledged value";
      }
    }
    if (deleteLive && !anyWrite) {
      return "row present although its deletion was acknowledged";
    }
    return null;
  }
}
