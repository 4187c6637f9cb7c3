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

  /** "users AccessExclusiveLock + RowExclusiveLock, users_pkey ShareLock" (modes grouped per relation), or "none seen". */
  public static String locks(StatementResult s) {
    List<Lock> locks = Nulls.list(s.locks());
    if (locks.isEmpty()) {
      return "none seen";
    }
    Map<String, List<String>> modes = new LinkedHashMap<>();
    locks.forEach(l -> modes.computeIfAbsent(l.relation(), k -> new ArrayList<>()).add(l.mode()));
    return modes.entrySet().stream().map(e -> e.getKey() + " " + String.join(" + ", e.getValue()))
        .collect(Collectors.joining(", "));
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
