package dev.rehearsal.harness.observe;

import dev.rehearsal.harness.observe.BlockedTime.Figures;
import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import dev.rehearsal.harness.observe.BlockedTime.MigrationWait;
import dev.rehearsal.harness.observe.BlockingChains.Chain;
import dev.rehearsal.harness.observe.LockSample.Waiter;
import dev.rehearsal.load.ApplicationNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns lock samples into blocked-time figures as they arrive, keeping only the waits in
 * progress, so memory stays bounded by the number of sessions, not the length of the run.
 *
 * <p>Each wait is identified across samples by (pid, waitstart). Its start is known exactly from
 * waitstart; its end lies between the last sample that saw it and the first that did not, and
 * is taken as the midpoint. A window with sessions blocked starts at the earliest waitstart of
 * the waits that open it and ends the same way. So figures are exact to within half a sample
 * interval, not a whole one.
 */
final class BlockedTimeTracker {

  /** Key of the migration as a whole; statement keys are their 1-based indexes. */
  static final int MIGRATION = -1;
  /** Key of waits the migration had no part in. */
  static final int OTHER = 0;

  private record WaitId(int pid, long waitStartMicros) {}

  /** A wait seen in the last sample. */
  private static final class ActiveWait {
    final long startNanos;
    long lastSeenNanos;
    double lastWaitMs;
    int key = OTHER;
    String relation;
    String mode;

    ActiveWait(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  /** Running figures of one cause. */
  private static final class CauseFigures {
    double blockedSessionSeconds;
    double longestWaitMs;
    int maxAtOnce;
    long waits;
    final Set<String> relations = new LinkedHashSet<>();
    final Set<String> modes = new LinkedHashSet<>();
    long windowStartNanos = -1;
    long windowLastSeenNanos;
    double longestWindowMs;

    void waitEnded(double durationMs, String relation, String mode) {
      blockedSessionSeconds += durationMs / 1000;
      longestWaitMs = Math.max(longestWaitMs, durationMs);
      waits++;
      if (relation != null) {
        relations.add(relation);
      }
      if (mode != null) {
        modes.add(mode);
      }
    }

    void sampled(long sampleNanos, int blocked, long earliestStartNanos) {
      maxAtOnce = Math.max(maxAtOnce, blocked);
      if (blocked > 0) {
        if (windowStartNanos < 0) {
          windowStartNanos = earliestStartNanos;
        }
        windowLastSeenNanos = sampleNanos;
      } else if (windowStartNanos >= 0) {
        closeWindow((windowLastSeenNanos + sampleNanos) / 2);
      }
    }

    void closeWindow(long endNanos) {
      if (windowStartNanos >= 0) {
        longestWindowMs = Math.max(longestWindowMs, (endNanos - windowStartNanos) / 1e6);
        windowStartNanos = -1;
      }
    }

    Figures figures() {
      return new Figures(blockedSessionSeconds, longestWaitMs, longestWindowMs, maxAtOnce, waits,
          Set.copyOf(relations), Set.copyOf(modes));
    }
  }

  private final long loadStartNanos;
  private final Map<WaitId, ActiveWait> active = new HashMap<>();
  private final Map<Integer, CauseFigures> causes = new TreeMap<>();
  private final Map<Integer, MigrationWait> migrationWaits = new TreeMap<>();
  private final Map<Integer, Set<HeldLock>> sampledLocks = new TreeMap<>();
  private final Map<Integer, Integer> maxBlockedBySecond = new TreeMap<>();
  private long samples;
  private long firstSampleNanos = -1;
  private long lastSampleNanos = -1;

  BlockedTimeTracker(long loadStartNanos) {
    this.loadStartNanos = loadStartNanos;
    cause(MIGRATION);
    cause(OTHER);
  }

  private CauseFigures cause(int key) {
    return causes.computeIfAbsent(key, k -> new CauseFigures());
  }

  void add(LockSample sample, MigrationProgress.Cursor cursor) {
    long now = sample.sampleNanos();
    samples++;
    if (firstSampleNanos < 0) {
      firstSampleNanos = now;
    }
    lastSampleNanos = now;
    BlockingChains chains = new BlockingChains(sample);
    boolean migrationWaiting = chains.migrationWaiting();
    Map<Integer, Integer> blockedNow = new HashMap<>();
    Map<Integer, Long> earliestStart = new HashMap<>();
    Set<WaitId> seen = new HashSet<>();
    for (Waiter w : sample.waiters()) {
      if (chains.isMigration(w.pid())) {
        migrationWaited(cursor.statementIndex(), w, chains);
        continue;
      }
      if (!ApplicationNames.isApplication(w.applicationName())) {
        continue;
      }
      Chain chain = chains.of(w);
      int key = chain.throughMigration() && cursor.statementIndex() > 0
          ? cursor.responsibleFor(w.relationOid(), migrationWaiting) : OTHER;
      WaitId id = new WaitId(w.pid(), w.waitStartMicros());
      seen.add(id);
      ActiveWait wait = active.computeIfAbsent(id, i -> new ActiveWait(now - (long) (w.waitMs() * 1e6)));
      wait.lastSeenNanos = now;
      wait.lastWaitMs = w.waitMs();
      wait.relation = w.relation();
      wait.mode = w.mode();
      if (wait.key == OTHER && key != OTHER) {
        wait.key = key; // charged to the first statement seen in its chain
      }
      // counted where the wait is charged, so that each cause's windows and sessions at once
      // agree with its waits: the key of this sample alone can name another statement (once a
      // queued ALTER holds its lock, firstHolder may name an earlier statement of its transaction)
      count(blockedNow, earliestStart, wait.key, wait.startNanos);
      if (wait.key != OTHER) {
        count(blockedNow, earliestStart, MIGRATION, wait.startNanos);
      }
    }
    endWaitsNotSeen(seen, now);
    for (Map.Entry<Integer, CauseFigures> cause : causes.entrySet()) {
      int key = cause.getKey();
      cause.getValue().sampled(now, blockedNow.getOrDefault(key, 0), earliestStart.getOrDefault(key, now));
    }
    for (Integer key : blockedNow.keySet()) {
      if (!causes.containsKey(key)) {
        cause(key).sampled(now, blockedNow.get(key), earliestStart.get(key));
      }
    }
    if (now >= loadStartNanos) {
      maxBlockedBySecond.merge((int) ((now - loadStartNanos) / 1_000_000_000L),
          blockedNow.getOrDefault(MIGRATION, 0), Math::max);
    }
    // only while a statement runs: between statements a migration tool writes its history table in the same
    // transaction, which is its bookkeeping, not the statement's; a relation the open transaction created shows as
    // a bare oid here (uncommitted), and the migration's own probe lists it by name
    if (cursor.statementIndex() > 0 && cursor.statementRunning()) {
      for (LockSample.HeldLock lock : sample.migrationLocks()) {
        if (lock.relation().chars().allMatch(Character::isDigit)) {
          continue;
        }
        sampledLocks.computeIfAbsent(cursor.statementIndex(), k -> new LinkedHashSet<>())
            .add(new HeldLock(lock.relation(), lock.mode(), lock.table()));
      }
    }
  }

  private static void count(Map<Integer, Integer> blocked, Map<Integer, Long> earliest, int key, long startNanos) {
    blocked.merge(key, 1, Integer::sum);
    earliest.merge(key, startNanos, Math::min);
  }

  private void migrationWaited(int statementIndex, Waiter w, BlockingChains chains) {
    if (statementIndex <= 0) {
      return;
    }
    MigrationWait previous = migrationWaits.get(statementIndex);
    if (previous == null || w.waitMs() >= previous.waitMs()) {
      String behind = chains.describe(chains.of(w).rootPid());
      // the last sample of a wait may come as its blocker ends: its session is gone, only its pid is left; what an
      // earlier sample said of the same pid (application, state, query) is kept
      boolean bareRepeat = behind != null && previous != null && previous.behind() != null && !behind.contains("(")
          && previous.behind().startsWith(behind + " (");
      migrationWaits.put(statementIndex, new MigrationWait(w.waitMs(),
          behind != null && !bareRepeat ? behind : previous != null ? previous.behind() : null));
    }
  }

  private void endWaitsNotSeen(Set<WaitId> seen, long now) {
    for (Iterator<Map.Entry<WaitId, ActiveWait>> it = active.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<WaitId, ActiveWait> entry = it.next();
      if (!seen.contains(entry.getKey())) {
        end(entry.getValue(), (entry.getValue().lastSeenNanos + now) / 2);
        it.remove();
      }
    }
  }

  private void end(ActiveWait wait, long endNanos) {
    double durationMs = (endNanos - wait.startNanos) / 1e6;
    cause(wait.key).waitEnded(durationMs, wait.relation, wait.mode);
    if (wait.key != OTHER) {
      cause(MIGRATION).waitEnded(durationMs, wait.relation, wait.mode);
    }
  }

  /** Ends whatever is still open at the last sample and returns the figures. */
  BlockedTime finish() {
    long end = lastSampleNanos < 0 ? 0 : lastSampleNanos;
    active.values().forEach(wait -> end(wait, end));
    active.clear();
    causes.values().forEach(c -> c.closeWindow(end));
    Map<Integer, Figures> byStatement = new TreeMap<>();
    causes.forEach((key, c) -> {
      if (key > 0) {
        byStatement.put(key, c.figures());
      }
    });
    double meanIntervalMs = samples > 1 ? (lastSampleNanos - firstSampleNanos) / 1e6 / (samples - 1) : 0;
    return new BlockedTime(cause(MIGRATION).figures(), cause(OTHER).figures(), byStatement, migrationWaits,
        sampledLocks, maxBlockedBySecond, samples, meanIntervalMs);
  }
}
