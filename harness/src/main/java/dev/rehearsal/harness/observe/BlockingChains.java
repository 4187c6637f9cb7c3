package dev.rehearsal.harness.observe;

import dev.rehearsal.harness.observe.LockSample.Session;
import dev.rehearsal.harness.observe.LockSample.Waiter;
import dev.rehearsal.load.ApplicationNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Follows pg_blocking_pids() from each waiter through the sessions that are themselves waiting,
 * to the root: a session that holds the lock and waits for nothing. A wait is the migration's
 * doing when a migration session is anywhere on that path — holding the lock, or queued ahead
 * of the waiter for a conflicting one (the lock queue).
 */
final class BlockingChains {

  /** How one waiter is blocked. */
  record Chain(boolean throughMigration, Integer rootPid) {}

  private final Map<Integer, Waiter> waiting = new HashMap<>();
  private final Set<Integer> migrationPids = new HashSet<>();
  private final Map<Integer, Session> sessions;

  BlockingChains(LockSample sample) {
    this.sessions = sample.sessions();
    for (Waiter w : sample.waiters()) {
      waiting.put(w.pid(), w);
      if (ApplicationNames.MIGRATION.equals(w.applicationName())) {
        migrationPids.add(w.pid());
      }
    }
    sample.migrationLocks().forEach(lock -> migrationPids.add(lock.pid()));
    sample.sessions().values().stream()
        .filter(s -> ApplicationNames.MIGRATION.equals(s.applicationName()))
        .forEach(s -> migrationPids.add(s.pid()));
  }

  boolean isMigration(int pid) {
    return migrationPids.contains(pid);
  }

  /** Whether any migration session is itself queued for a lock in this sample. */
  boolean migrationWaiting() {
    return waiting.keySet().stream().anyMatch(migrationPids::contains);
  }

  Chain of(Waiter waiter) {
    Set<Integer> visited = new LinkedHashSet<>();
    Deque<Integer> queue = new ArrayDeque<>();
    for (int pid : waiter.blockers()) {
      queue.add(pid);
    }
    boolean throughMigration = false;
    Integer root = null;
    while (!queue.isEmpty()) {
      int pid = queue.poll();
      if (pid == waiter.pid() || !visited.add(pid)) {
        continue; // a cycle is a deadlock in the making; the server will break it
      }
      throughMigration |= migrationPids.contains(pid);
      Waiter next = waiting.get(pid);
      if (next == null) {
        if (root == null) {
          root = pid;
        }
      } else {
        for (int blocker : next.blockers()) {
          queue.add(blocker);
        }
      }
    }
    return new Chain(throughMigration, root);
  }

  /** "pid 4242 (rehearsal-report, active: SELECT count(*) ...)" for a root blocker. */
  String describe(Integer pid) {
    if (pid == null) {
      return null;
    }
    Session s = sessions.get(pid);
    if (s == null) {
      return "pid " + pid;
    }
    String query = s.query() == null ? "" : s.query().strip().replaceAll("\\s+", " ");
    if (query.length() > 120) {
      query = query.substring(0, 117) + "...";
    }
    return "pid " + pid + " (" + (s.applicationName() == null || s.applicationName().isEmpty() ? "no application_name"
        : s.applicationName()) + ", " + s.state() + (query.isEmpty() ? "" : ": " + query) + ")";
  }
}
