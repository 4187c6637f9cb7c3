package dev.rehearsal.harness.figures;

import dev.rehearsal.harness.migrate.StatementOutcome;
import dev.rehearsal.harness.observe.BlockedTime;
import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.LockObservation;
import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Joins what the migration runner saw of each statement with what the lock observer saw around it. */
final class StatementResults {

  private StatementResults() {}

  static List<StatementResult> build(List<StatementOutcome> outcomes, BlockedTime blocked, long loadStartNanos) {
    List<StatementResult> results = new ArrayList<>();
    for (StatementOutcome o : outcomes) {
      Set<Lock> locks = new LinkedHashSet<>();
      o.locks().forEach(l -> locks.add(new Lock(l.relation(), l.mode(), l.table())));
      blocked.sampledLocks(o.index()).forEach(l -> locks.add(new Lock(l.relation(), l.mode(), l.table())));
      BlockedTime.MigrationWait wait = blocked.migrationWait(o.index()).orElse(null);
      results.add(new StatementResult(o.index(), o.sql(), (o.startNanos() - loadStartNanos) / 1e9,
          o.durationNanos() / 1e6, o.sqlState(), o.error(), o.direction(), o.step(), o.kind(), o.origin(), o.line() > 0 ? o.line() : null,
          o.errorLine(), o.attempts(), o.retryWaitNanos() / 1e6, o.rowsAffected(), o.batches(), o.inTransaction(), List.copyOf(locks),
          o.rewrote(), waits(blocked.statement(o.index())), wait == null ? null : wait.waitMs(),
          wait == null ? null : wait.behind()));
    }
    return results;
  }

  static LockWaits waits(BlockedTime.Figures f) {
    return new LockWaits(f.blockedSessionSeconds(), f.longestWaitMs(), f.longestBlockedWindowMs(),
        f.maxSessionsBlocked(), f.waits(), f.relations().stream().sorted().toList(),
        f.modes().stream().sorted().toList());
  }

  static LockObservation observation(BlockedTime blocked) {
    return new LockObservation(blocked.samples(), blocked.meanSampleIntervalMs(), waits(blocked.otherCauses()));
  }
}
