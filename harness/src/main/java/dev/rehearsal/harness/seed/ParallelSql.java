package dev.rehearsal.harness.seed;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent statements (index builds, per-table VACUUMs) side by side on a few sessions,
 * each session first given {@code sessionSettings}. The first failure is rethrown as the
 * statement's SQLException, wrapped with the statement that failed.
 */
final class ParallelSql {

  /** A statement that failed, and why. */
  static final class StatementFailure extends RuntimeException {
    final String sql;

    StatementFailure(String sql, SQLException cause) {
      super(cause.getMessage(), cause);
      this.sql = sql;
    }

    SQLException sqlException() {
      return (SQLException) getCause();
    }
  }

  private ParallelSql() {}

  static void run(DatabaseTarget target, List<String> statements, int sessions, List<String> sessionSettings) {
    if (statements.isEmpty()) {
      return;
    }
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(statements);
    int n = Math.max(1, Math.min(sessions, statements.size()));
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "rehearsal-seed-sql");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          drain(target, queue, sessionSettings);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("seeding was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new InfrastructureException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void drain(DatabaseTarget target, ConcurrentLinkedQueue<String> queue, List<String> settings)
      throws SQLException {
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.SEED); Statement st = c.createStatement()) {
      for (String setting : settings) {
        st.execute(setting);
      }
      String sql;
      while ((sql = queue.poll()) != null) {
        try {
          st.execute(sql);
        } catch (SQLException e) {
          queue.clear();
          throw new StatementFailure(sql, e);
        }
      }
    }
  }
}
