package dev.rehearsal.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the HikariCP pool of one application instance; its operations go through it. */
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
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(instance == 1 ? "rehearsal-application" : "rehearsal-application-" + instance);
    hikari.setDataSource(connections);
    hikari.setMaximumPoolSize(config.maximumPoolSize());
    // a fixed-size pool, as most production services run: connection churn would be noise
    hikari.setMinimumIdle(config.maximumPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setAutoCommit(true);
    hikari.setMetricsTrackerFactory(telemetry);
    if (instance > 1) {
      hikari.setInitializationFailTimeout(-1);
    }
    return new HikariDataSource(hikari);
  }
}
