package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Lock;
import java.util.List;
import java.util.Locale;

/** PostgreSQL's table lock modes, weakest to strongest, as pg_locks names them. */
public final class LockModes {

  private static final List<String> ORDER = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
      "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

  private LockModes() {}

  /** Its place from weakest (0) to strongest; -1 for a mode pg_locks does not name for tables. */
  public static int strength(String mode) {
    return ORDER.indexOf(mode);
  }

  /** The strongest of {@code locks} (the first of equals), or null when there are none. */
  public static Lock strongest(List<Lock> locks) {
    Lock strongest = null;
    for (Lock l : Nulls.list(locks)) {
      if (strongest == null || strength(l.mode()) > strength(strongest.mode())) {
        strongest = l;
      }
    }
    return strongest;
  }

  /** "ACCESS EXCLUSIVE" for AccessExclusiveLock: as PostgreSQL's documentation and LOCK TABLE write it. */
  public static String words(String mode) {
    String bare = mode.endsWith("Lock") ? mode.substring(0, mode.length() - "Lock".length()) : mode;
    return bare.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toUpperCase(Locale.ROOT);
  }
}
