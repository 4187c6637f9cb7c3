package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/** A migration statement's locks and lock impact in words, the same in every report format. */
public final class StatementFacts {

  private StatementFacts() {}

  /**
   * Locks per table, a table's indexes folded under it: "users AccessExclusiveLock +
   * RowExclusiveLock (+ 20 indexes AccessExclusiveLock), orders ShareLock", "users (index
   * users_email ShareUpdateExclusiveLock)" when only an index was locked, or "none seen". A
   * table with twenty indexes would otherwise read as twenty-one lines.
   */
  public static String locks(StatementResult s) {
    List<Lock> locks = Nulls.list(s.locks());
    if (locks.isEmpty()) {
      return "none seen";
    }
    Map<String, List<String>> tableModes = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> indexModes = new LinkedHashMap<>();
    for (Lock l : locks) {
      String table = l.table() != null ? l.table() : l.relation();
      List<String> modes = tableModes.computeIfAbsent(table, k -> new ArrayList<>());
      if (l.table() == null) {
        modes.add(l.mode());
      } else {
        indexModes.computeIfAbsent(table, k -> new LinkedHashMap<>())
            .computeIfAbsent(l.relation(), k -> new ArrayList<>()).add(l.mode());
      }
    }
    List<String> parts = new ArrayList<>();
    tableModes.forEach((table, modes) -> {
      Map<String, List<String>> indexes = indexModes.getOrDefault(table, Map.of());
      String own = modes.isEmpty() ? table : table + " " + String.join(" + ", modes);
      parts.add(indexes.isEmpty() ? own : own + " (" + (modes.isEmpty() ? "" : "+ ") + indexLocks(indexes) + ")");
    });
    return String.join(", ", parts);
  }

  /** "index users_email ShareLock", or "20 indexes RowExclusiveLock" / "3 indexes ShareLock (2) + AccessExclusiveLock (1)". */
  private static String indexLocks(Map<String, List<String>> modesByIndex) {
    if (modesByIndex.size() == 1) {
      Map.Entry<String, List<String>> only = modesByIndex.entrySet().iterator().next();
      return "index " + only.getKey() + " " + String.join(" + ", only.getValue());
    }
    Map<String, Integer> indexesByMode = new LinkedHashMap<>();
    modesByIndex.values().forEach(modes -> modes.forEach(m -> indexesByMode.merge(m, 1, Integer::sum)));
    String modes = indexesByMode.size() == 1 ? indexesByMode.keySet().iterator().next()
        : indexesByMode.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
            .collect(Collectors.joining(" + "));
    return modesByIndex.size() + " indexes " + modes;
  }

  /**
   * The migration a statement belongs to, for grouping its rows: "flyway V18__index_end_time.sql",
   * "liquibase changeset 18::alice", "file migrations/002-index.sql"; null for inline SQL and
   * backfills, which are their step.
   */
  public static String migration(StatementResult s) {
    if (s.origin() == null || s.origin().equals(s.step())) {
      return null;
    }
    return switch (Nulls.text(s.kind())) {
      case "flyway" -> "flyway " + s.origin();
      case "liquibase" -> "liquibase changeset " + s.origin();
      default -> "file " + s.origin();
    };
  }

  /** "line 3" in its migration, with the rows it changed: "line 3, 20,000 rows"; null when neither is known. */
  public static String whereAndRows(StatementResult s) {
    List<String> parts = new ArrayList<>();
    if (migration(s) != null && s.line() != null) {
      parts.add("line " + s.line());
    }
    if (s.rowsAffected() != null) {
      parts.add(String.format(Locale.ROOT, "%,d rows", s.rowsAffected()));
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /**
   * What the statement did to the application, in a sentence: "waited 2.9 s for its lock behind
   * pid 42 (...); 41 application lock waits charged to it, ...". Null when it neither waited nor
   * blocked anyone.
   */
  public static String lockStory(StatementResult s) {
    List<String> parts = new ArrayList<>();
    if (s.lockWaitMs() != null && s.lockWaitMs() >= 1) {
      parts.add(String.format(Locale.ROOT, "waited %.1f s for its lock%s", s.lockWaitMs() / 1000,
          s.waitedBehind() == null ? "" : " behind " + s.waitedBehind()));
    }
    LockWaits b = s.blocked();
    if (b != null && b.waits() > 0) {
      parts.add(String.format(Locale.ROOT,
          "%d application lock waits charged to it (%s), up to %d sessions at once: %.1f blocked session-seconds, "
              + "longest wait %.2f s, longest window %.2f s",
          b.waits(), String.join(", ", Nulls.list(b.modes())), b.maxSessionsBlocked(), b.blockedSessionSeconds(),
          b.longestWaitMs() / 1000, b.longestBlockedWindowMs() / 1000));
    }
    if (!Nulls.list(s.rewrote()).isEmpty()) {
      parts.add("rewrote " + String.join(", ", s.rewrote()));
    }
    if (s.attempts() > 1) {
      parts.add(String.format(Locale.ROOT, "%d attempts under lock_timeout (%.1f s in failed attempts and backoff)",
          s.attempts(), s.retryWaitMs() / 1000));
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }
}
