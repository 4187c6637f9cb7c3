package dev.rehearsal.harness.judge;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A lock held by the transaction, not by the statement that took it: a migration tool runs a
 * whole migration in one transaction, so an ALTER that takes ACCESS EXCLUSIVE in milliseconds and
 * is followed by a long backfill holds its lock for all of it, and the application waits that
 * long. The statements after it in the same transaction are known by their locks: a statement
 * lists every lock its transaction holds, so the ones still listing this statement's locks ran
 * under them.
 */
final class HeldByTransaction {

  /** The statement itself must be under this share of the hold for the transaction to be the cause. */
  private static final double OWN_SHARE = 0.25;

  private HeldByTransaction() {}

  /** The step for {@code st}, or null when its own duration explains the hold (or nothing ran after it). */
  static NextSteps.Step step(StatementResult st, List<StatementResult> all, NextSteps.Limits limits, Impact impact) {
    LockWaits blocked = st.blocked();
    if (blocked == null || blocked.waits() == 0 || !st.inTransaction() || st.locks() == null
        || st.locks().isEmpty()) {
      return null;
    }
    List<StatementResult> after = LockHold.heldThrough(st, all);
    if (after.isEmpty()) {
      return null;
    }
    StatementResult last = after.get(after.size() - 1);
    double heldMs = (last.startSecond() - st.startSecond()) * 1000 + last.durationMs();
    if (heldMs <= limits.longestHoldMs() || st.durationMs() > OWN_SHARE * heldMs) {
      return null;
    }
    String range = after.size() == 1 ? "statement " + after.get(0).index()
        : "statements " + after.get(0).index() + "-" + last.index();
    String ran = after.stream().map(s -> String.format(Locale.ROOT, "%d %s (%s%.1f s)", s.index(),
        NextSteps.firstLine(s.sql()), s.rowsAffected() == null ? "" : String.format(Locale.ROOT, "%,d rows, ",
            s.rowsAffected()), s.durationMs() / 1000)).collect(Collectors.joining("; "));
    String where = st.origin() == null || st.origin().equals(st.step()) ? "" : " (" + st.origin() + ")";
    String finding = String.format(Locale.ROOT, "Statement %d (%s) took its locks in %,.0f ms, but its transaction%s "
            + "kept them %.1f s while %s ran: %s. Application sessions were blocked %.1f session-seconds (%,d waits, "
            + "the longest %.1f s).", st.index(), NextSteps.firstLine(st.sql()), st.durationMs(), where,
        heldMs / 1000, range, ran, blocked.blockedSessionSeconds(), blocked.waits(), blocked.longestWaitMs() / 1000);
    boolean dml = after.stream().anyMatch(s -> SqlShapes.changesManyRows(SqlShapes.normalise(s.sql())));
    String advice = "Commit it on its own before the long work: a migration (or transaction) of its own, so the "
        + "lock lasts milliseconds; then run what followed it in the next one"
        + (dml ? ", a data change batched with a backfill step (docs/steps.md)" : "")
        + ". Rehearse the split version beside this one with ./rehearse compare.";
    String brief = String.format(Locale.ROOT, "Statement %d took its locks in %,.0f ms, but its transaction held them "
            + "%.1f s while %s ran: %.1f blocked session-seconds, the longest wait %.1f s.", st.index(),
        st.durationMs(), heldMs / 1000, range, blocked.blockedSessionSeconds(), blocked.longestWaitMs() / 1000);
    return new NextSteps.Step(finding, advice, "heldByTransaction", st.index(), "blockedSessionSeconds",
        blocked.blockedSessionSeconds(), brief, impact);
  }
}
