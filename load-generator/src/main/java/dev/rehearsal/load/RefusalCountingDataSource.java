package dev.rehearsal.load;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections one instance's HikariCP pool opens, made through the driver as HikariCP would,
 * counting every one the server refuses because it is full (SQLSTATE 53300, "too many clients
 * already"): the outage mode where the pools together exceed max_connections, charged to the
 * instance whose pool asked.
 */
final class RefusalCountingDataSource implements DataSource {

  static final String TOO_MANY_CONNECTIONS = "53300";

  private final DatabaseTarget target;
  private final Properties properties = new Properties();
  private final Runnable onRefusal;
  private final AtomicLong refusals = new AtomicLong();
  private volatile int loginTimeoutSeconds;

  /**
   * @param applicationName {@link ApplicationNames#LOAD}, or {@link ApplicationNames#REPLICA} for a pool on the standby
   * @param statementTimeoutMillis the sessions' statement_timeout, or null for the server's
   */
  RefusalCountingDataSource(DatabaseTarget target, String applicationName, Long statementTimeoutMillis,
      Runnable onRefusal) {
    this.target = target;
    this.onRefusal = onRefusal;
    properties.setProperty("user", target.user());
    if (target.password() != null) {
      properties.setProperty("password", target.password());
    }
    properties.setProperty("ApplicationName", applicationName);
    if (statementTimeoutMillis != null) {
      properties.setProperty("options", "-c statement_timeout=" + statementTimeoutMillis);
    }
  }

  /** Connections the server refused for being full, since the pool started. */
  long refusals() {
    return refusals.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties props = new Properties();
    props.putAll(properties);
    if (loginTimeoutSeconds > 0) {
      props.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
    }
    try {
      return DriverManager.getConnection(target.jdbcUrl(), props);
    } catch (SQLException e) {
      if (TOO_MANY_CONNECTIONS.equals(ErrorClass.sqlState(e))) {
        refusals.incrementAndGet();
        onRefusal.run();
      }
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool connects as its target's user");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // the driver logs through java.util.logging
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
