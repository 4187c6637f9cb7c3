package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a migration statement held its strongest lock: from when it got it (its start plus its
 * own lock wait) to the end of the last statement of its transaction still listing that lock — a
 * migration tool runs a migration in one transaction, so an ALTER followed by a backfill holds
 * its lock through the backfill.
 */
public final class LockHold {

  private LockHold() {}

  /** Seconds {@code st} held its strongest lock; null when it was seen holding none. */
  public static Double seconds(StatementResult st, List<StatementResult> all) {
    if (LockModes.strongest(st.locks()) == null) {
      return null;
    }
    // a statement sent alone in autocommit lets go of its locks at its end, whatever follows it
    List<StatementResult> after = st.inTransaction() ? heldThrough(st, all) : List.of();
    StatementResult last = after.isEmpty() ? st : after.get(after.size() - 1);
    double endMs = last.startSecond() * 1000 + last.durationMs();
    double gotItMs = st.startSecond() * 1000 + (st.lockWaitMs() == null ? 0 : st.lockWaitMs());
    return Math.max(0, endMs - gotItMs) / 1000;
  }

  /** The statements right after {@code st} that still list its strongest lock: its transaction went on. */
  public static List<StatementResult> heldThrough(StatementResult st, List<StatementResult> all) {
    Lock strongest = LockModes.strongest(st.locks());
    List<StatementResult> after = new ArrayList<>();
    boolean found = false;
    for (StatementResult s : all) {
      if (s == st) {
        found = true;
      } else if (found) {
        if (!s.inTransaction() || s.locks() == null || !s.locks().contains(strongest)) {
          break;
        }
        after.add(s);
      }
    }
    return after;
  }
}
