package dev.rehearsal.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds the HikariCP pools of one application instance: the pool its operations go through, and
 * beside it, when operations read from the standby, a pool of the same settings on the standby.
 */
final class ApplicationPool {

  private ApplicationPool() {}

  /**
   * The pool of instance {@code instance} (1-based), its connections made by {@code connections},
   * which counts the server's refusals. Only the first instance's pool must connect at once (a wrong
   * URL or password fails the run there); the others start even when the server is already full, as
   * a scaled-out deployment's pods do, and keep trying.
   */
  static HikariDataSource create(PoolConfig config, PoolTelemetry telemetry, RefusalCountingDataSource connections,
      int instance) {
    HikariConfig hikari = config(config, connections, instance,
        instance == 1 ? "rehearsal-application" : "rehearsal-application-" + instance);
    hikari.setMetricsTrackerFactory(telemetry);
    return new HikariDataSource(hikari);
  }

  /**
   * The pool of instance {@code instance} on the standby, for its replica operations: the same settings, its
   * own connections (the pool gauges and saturation figures are the primary pool's).
   */
  static HikariDataSource createReplica(PoolConfig config, RefusalCountingDataSource connections, int instance) {
    return new HikariDataSource(config(config, connections, instance,
        instance == 1 ? "rehearsal-replica" : "rehearsal-replica-" + instance));
  }

  private static HikariConfig config(PoolConfig config, RefusalCountingDataSource connections, int instance,
      String name) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setDataSource(connections);
    hikari.setMaximumPoolSize(config.maximumPoolSize());
    // a fixed-size pool, as most production services run: connection churn would be noise
    hikari.setMinimumIdle(config.maximumPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setAutoCommit(true);
    if (instance > 1) {
      hikari.setInitializationFailTimeout(-1);
    }
    return hikari;
  }
}
