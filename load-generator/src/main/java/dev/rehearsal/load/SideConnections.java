package dev.rehearsal.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connections outside the application pool, named for their role. */
final class SideConnections {

  private SideConnections() {}

  /** @param timeoutSeconds connect timeout, or 0 for the driver's default */
  static Connection open(DatabaseTarget target, String applicationName, int timeoutSeconds) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", target.user());
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    props.setProperty("ApplicationName", applicationName);
    if (timeoutSeconds > 0) {
      props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
      props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
    }
    return DriverManager.getConnection(target.jdbcUrl(), props);
  }
}
