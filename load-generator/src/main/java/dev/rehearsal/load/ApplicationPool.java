package dev.rehearsal.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the HikariCP pool the application's operations go through. */
public final class ApplicationPool {


  private ApplicationPool() {}

  public static HikariDataSource create(DatabaseTarget target, PoolConfig config, PoolTelemetry telemetry) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("rehearsal-application");
    hikari.setJdbcUrl(target.jdbcUrl());
    hikari.setUsername(target.user());
    hikari.setPassword(target.password());
    hikari.setMaximumPoolSize(config.maximumPoolSize());
    // a fixed-size pool, as most production services run: connection churn would be noise
    hikari.setMinimumIdle(config.maximumPoolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setAutoCommit(true);
    hikari.addDataSourceProperty("ApplicationName", ApplicationNames.LOAD);
    if (config.statementTimeout() != null) {
      hikari.addDataSourceProperty("options", "-c statement_timeout=" + config.statementTimeout().toMillis());
    }
    hikari.setMetricsTrackerFactory(telemetry);
    return new HikariDataSource(hikari);
  }
}
