package dev.rehearsal.harness.provision;

import dev.rehearsal.load.DatabaseTarget;
import java.util.Map;

/**
 * An existing server, by JDBC URL. The harness never touches its databases: a rehearsal runs in
 * a scratch database it creates (see {@link ScratchDatabase}) and drops only that. Server-wide
 * settings cannot be changed from here; those a database may override are set on the scratch
 * database, the others are reported as they are.
 */
public final class ExternalProvider implements PostgresProvider {

  private final JdbcUrls.Parsed url;
  private final String user;
  private final String password;

  public ExternalProvider(String jdbcUrl) {
    this.url = JdbcUrls.parse(jdbcUrl);
    String userParam = url.params().get("user");
    this.user = userParam != null ? userParam
        : System.getenv("PGUSER") != null ? System.getenv("PGUSER") : System.getProperty("user.name");
    String passwordParam = url.params().get("password");
    // without one, PgJDBC itself reads ~/.pgpass (or PGPASSFILE)
    this.password = passwordParam != null ? passwordParam : System.getenv("PGPASSWORD");
  }

  @Override
  public String name() {
    return "external";
  }

  @Override
  public PostgresServer start(Map<String, String> settings) {
    return new PostgresServer() {
      @Override
      public String provider() {
        return "external";
      }

      @Override
      public DatabaseTarget adminTarget() {
        return target(url.database());
      }

      @Override
      public DatabaseTarget target(String database) {
        return new DatabaseTarget(url.forDatabase(database), user, password);
      }

      @Override
      public Map<String, String> settingsToApplyPerDatabase() {
        return settings;
      }

      @Override
      public void close() {
        // not ours to stop
      }
    };
  }
}
