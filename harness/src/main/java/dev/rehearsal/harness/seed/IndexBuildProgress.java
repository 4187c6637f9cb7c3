package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * While the seeder builds indexes and restores constraints, reads {@code pg_stat_progress_create_index}
 * from a session of its own every second and reports each build that has run for {@link #QUIET_SECONDS}
 * or more: its index, phase, blocks or tuples done of the phase's total, and an ETA for the phase from
 * the rate seen so far. Small seeds, whose builds end sooner, stay quiet. Progress is a courtesy: when it
 * cannot be read (no connection, a server without the view) seeding goes on without it.
 */
final class IndexBuildProgress implements AutoCloseable {

  static final double QUIET_SECONDS = 2.0;
  static final long POLL_MILLIS = 1_000;
  private static final Pattern INDEX_NAME = Pattern.compile(
      "(?i)\\bINDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"[^\"]+\"|[\\w.$]+)\\s+ON\\b");
  private static final Pattern CONSTRAINT_NAME = Pattern.compile("(?i)\\bCONSTRAINT\\s+(\"[^\"]+\"|[\\w.$]+)");
  private static final String QUERY = """
      SELECT p.pid, p.phase, p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total, p.relid::regclass::text,
             CASE WHEN p.index_relid <> 0 THEN p.index_relid::regclass::text END, a.query,
             extract(epoch FROM clock_timestamp() - a.query_start)
      FROM pg_stat_progress_create_index p JOIN pg_stat_activity a ON a.pid = p.pid
      WHERE p.datname = current_database() ORDER BY a.query_start""";

  /** One build as read from the view. */
  record Build(int pid, String index, String table, String phase, long blocksDone, long blocksTotal, long tuplesDone,
      long tuplesTotal, double runningSeconds) {}

  /** Where a build's phase stood when first seen: the rate since then gives the ETA. */
  private record PhaseStart(String phase, long nanos, long done) {}

  private final DatabaseTarget target;
  private final SeedProgress progress;
  private final Thread thread;
  private final double quietSeconds;
  private final long pollMillis;
  private final Map<Integer, PhaseStart> phases = new HashMap<>();
  private volatile boolean stopped;

  private IndexBuildProgress(DatabaseTarget target, SeedProgress progress, double quietSeconds, long pollMillis) {
    this.target = target;
    this.progress = progress;
    this.quietSeconds = quietSeconds;
    this.pollMillis = pollMillis;
    this.thread = new Thread(this::poll, "rehearsal-index-progress");
    thread.setDaemon(true);
  }

  static IndexBuildProgress start(DatabaseTarget target, SeedProgress progress) {
    return start(target, progress, QUIET_SECONDS, POLL_MILLIS);
  }

  static IndexBuildProgress start(DatabaseTarget target, SeedProgress progress, double quietSeconds, long pollMillis) {
    IndexBuildProgress p = new IndexBuildProgress(target, progress, quietSeconds, pollMillis);
    p.thread.start();
    return p;
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void poll() {
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.SEED); Statement st = c.createStatement()) {
      while (!stopped) {
        Thread.sleep(pollMillis);
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(QUERY)) {
          while (rs.next()) {
            Build b = new Build(rs.getInt(1), name(rs.getString(8), rs.getString(9), rs.getString(7)), rs.getString(7),
                rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getDouble(10));
            if (b.runningSeconds() >= quietSeconds) {
              lines.add(line(b, etaSeconds(b, System.nanoTime())));
            }
          }
        }
        if (!lines.isEmpty() && !stopped) {
          progress.indexBuilds(lines);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      // progress is a courtesy: the builds go on and report their end as before
    }
  }

  /** The rate since the build's phase was first seen, projected over what the phase has left; NaN until known. */
  private double etaSeconds(Build b, long nowNanos) {
    long done = b.blocksTotal() > 0 ? b.blocksDone() : b.tuplesDone();
    long total = b.blocksTotal() > 0 ? b.blocksTotal() : b.tuplesTotal();
    PhaseStart start = phases.get(b.pid());
    if (start == null || !start.phase().equals(b.phase()) || done < start.done()) {
      phases.put(b.pid(), new PhaseStart(b.phase(), nowNanos, done));
      return Double.NaN;
    }
    return eta(done - start.done(), (nowNanos - start.nanos()) / 1e9, total - done);
  }

  static double eta(long doneSinceStart, double seconds, long left) {
    if (doneSinceStart <= 0 || seconds <= 0 || left < 0) {
      return Double.NaN;
    }
    return left / (doneSinceStart / seconds);
  }

  /** The index's name: from the catalogue once it exists, else from the statement, else its table's. */
  static String name(String indexRelation, String query, String table) {
    if (indexRelation != null) {
      return indexRelation;
    }
    if (query != null) {
      Matcher m = INDEX_NAME.matcher(query);
      if (m.find()) {
        return m.group(1);
      }
      m = CONSTRAINT_NAME.matcher(query);
      if (m.find()) {
        return m.group(1);
      }
    }
    return "an index on " + table;
  }

  /**
   * "index orders_created_at_idx on orders, 14 s: building index: scanning table, 12,345 of 45,678 blocks (27%),
   * ETA 9 s" — the ETA is the phase's (a build sorts, then loads the tree; each phase counts its own work).
   */
  static String line(Build b, double etaSeconds) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  index %s on %s, %.0f s: %s", b.index(), b.table(),
        b.runningSeconds(), b.phase()));
    if (b.blocksTotal() > 0) {
      s.append(counts(b.blocksDone(), b.blocksTotal(), "blocks"));
    } else if (b.tuplesTotal() > 0) {
      s.append(counts(b.tuplesDone(), b.tuplesTotal(), "tuples"));
    }
    if (!Double.isNaN(etaSeconds) && (b.blocksTotal() > 0 || b.tuplesTotal() > 0)) {
      s.append(etaSeconds < 0.5 ? ", ETA <1 s" : String.format(Locale.ROOT, ", ETA %.0f s", etaSeconds));
    }
    return s.toString();
  }

  private static String counts(long done, long total, String unit) {
    return String.format(Locale.ROOT, ", %s of %s %s (%.0f%%)", SeedProgress.count(done), SeedProgress.count(total),
        unit, 100.0 * done / total);
  }
}
