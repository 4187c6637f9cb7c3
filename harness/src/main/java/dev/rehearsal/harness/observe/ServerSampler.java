package dev.rehearsal.harness.observe;

import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the server as a whole, from a session of its own, every {@value #SAMPLE_MILLIS} ms: the
 * WAL insert position, client connections open (every database and role, to set against
 * max_connections), where the server exposes them the full-page images written
 * (pg_stat_wal, PG 14+) and checkpoints requested, and how far behind the standbys streaming from
 * it are ({@code pg_stat_replication.replay_lag}, and {@code write_lag}: the rehearsal's own standby, or
 * an external server's). The migration's session is never asked: WAL
 * is read around it, so the harness adds no round trip inside the migration's transaction.
 *
 * <p>Opened before the application's pools, so that a server the pools fill still has a slot for
 * it. A server that refuses it, or cannot say its WAL position (a standby), leaves these figures
 * unmeasured; the rehearsal goes on.
 */
public final class ServerSampler implements AutoCloseable {

  static final int SAMPLE_MILLIS = 50;
  private static final Logger log = LoggerFactory.getLogger(ServerSampler.class);

  private final Connection connection;
  private final List<ServerSamples.Sample> samples = new ArrayList<>();
  private final String source;
  private Thread thread;
  private volatile boolean running = true;
  private boolean warnedHidden;

  private ServerSampler(Connection connection, String source) {
    this.connection = connection;
    this.source = source;
  }

  /** Opens the sampler's session; null when the server does not give one (the figures go unmeasured). */
  public static ServerSampler open(DatabaseTarget target) {
    try {
      Connection c = ScratchDatabase.connect(target, ApplicationNames.OBSERVER);
      return new ServerSampler(c, "pg_current_wal_insert_lsn() every " + SAMPLE_MILLIS + " ms from the observer's "
          + "session");
    } catch (SQLException e) {
      log.warn("no session for the server sampler ({}): WAL and server connections go unmeasured", e.getMessage());
      return null;
    }
  }

  /** Starts sampling. */
  public void start() {
    thread = new Thread(this::sampleUntilStopped, "rehearsal-server-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sampleUntilStopped() {
    try (PreparedStatement st = connection.prepareStatement(query(connection))) {
      FixedRate.loop(SAMPLE_MILLIS, () -> running, () -> {
        long sent = System.nanoTime();
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          long at = (sent + System.nanoTime()) / 2;
          long standbys = rs.getLong(5);
          long visible = rs.getLong(6);
          long streaming = rs.getLong(7);
          ServerSamples.Sample sample = new ServerSamples.Sample(at, rs.getLong(1), rs.getInt(2), nullable(rs, 3),
              nullable(rs, 4), ServerSamples.lagMs(standbys, visible, streaming, nullableDouble(rs, 8)),
              ServerSamples.lagMs(standbys, visible, streaming, nullableDouble(rs, 9)));
          warnOnceIfHidden(standbys, visible);
          synchronized (samples) {
            samples.add(sample);
          }
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      if (running) {
        log.warn("server sampler stopped: {}", e.getMessage());
      }
    }
  }

  private static Long nullable(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private void warnOnceIfHidden(long standbys, long visible) {
    if (!warnedHidden && standbys > 0 && visible == 0) {
      warnedHidden = true;
      log.warn("{} standby(s) stream from the server, but pg_stat_replication hides their state and lag from the "
          + "harness's role: the replica lag goes unmeasured (not 0)\n  fix: connect as a superuser or a role granted "
          + "pg_read_all_stats (GRANT pg_read_all_stats TO <role>)", standbys);
    }
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** What this server can tell: pg_stat_wal from 14, checkpoints in pg_stat_checkpointer from 17. */
  static String query(Connection c) throws SQLException {
    int version = c.getMetaData().getDatabaseMajorVersion();
    String fpi = version >= 14 ? "(SELECT wal_fpi FROM pg_stat_wal)" : "NULL::bigint";
    String checkpoints = version >= 17 ? "(SELECT num_requested FROM pg_stat_checkpointer)"
        : "(SELECT checkpoints_req FROM pg_stat_bgwriter)";
    // the standbys, those whose state the role may see (without superuser or pg_read_all_stats every column
    // but pid is null), those streaming, and the raw lags: ServerSamples.lagMs tells hidden from caught up
    return "SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn, "
        + "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'), "
        + fpi + ", " + checkpoints + ", "
        + "r.standbys, r.visible, r.streaming, r.replay_lag_ms, r.write_lag_ms "
        + "FROM (SELECT count(*) AS standbys, count(state) AS visible, "
        + "count(*) FILTER (WHERE state = 'streaming') AS streaming, "
        + "max(extract(epoch FROM replay_lag) * 1000) AS replay_lag_ms, "
        + "max(extract(epoch FROM write_lag) * 1000) AS write_lag_ms FROM pg_stat_replication) r";
  }

  /** Stops sampling and returns what was seen, on the timeline from {@code loadStartNanos}. */
  public ServerSamples stop(long loadStartNanos) {
    running = false;
    if (thread != null) {
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    close();
    synchronized (samples) {
      return new ServerSamples(samples, loadStartNanos, source);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a broken session: nothing to add
    }
  }
}
