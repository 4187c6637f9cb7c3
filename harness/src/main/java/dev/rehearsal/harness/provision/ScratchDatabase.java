package dev.rehearsal.harness.provision;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database a rehearsal works in, {@code rehearsal_<timestamp>_<random>}, created on the
 * server and dropped afterwards. It is the only database the harness ever drops, so pointing it
 * at a server that matters cannot harm that server's data. The one exception is {@link
 * #existing}: a database the user named with {@code --in-place} and confirmed, worked in but
 * never dropped or altered by the harness itself.
 */
public final class ScratchDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ScratchDatabase.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final PostgresServer server;
  private final String name;
  private boolean dropped;

  private ScratchDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  public static ScratchDatabase create(PostgresServer server) {
    return create(server, newName(), "");
  }

  /**
   * A scratch database that starts as a copy of {@code template} (a seeded database nobody is
   * connected to): how strategies are rehearsed on identical data without seeding again.
   * WAL_LOG copies block by block through the WAL; FILE_COPY copies files but forces a checkpoint.
   */
  public static ScratchDatabase cloneOf(PostgresServer server, String template, String strategy) {
    return create(server, newName(), " TEMPLATE " + template + " STRATEGY " + strategy);
  }

  /**
   * FILE_COPY (see {@link #cloneOf}): measured on a 1.5 GB template (10M pgbench rows, 2 cores)
   * at 2.1-2.3 s against 3.4-5.5 s for WAL_LOG, and its checkpoint leaves the rehearsal starting
   * on clean buffers. REHEARSAL_CLONE_STRATEGY=WAL_LOG chooses the other.
   */
  public static String defaultCloneStrategy() {
    String chosen = System.getenv("REHEARSAL_CLONE_STRATEGY");
    return chosen != null && chosen.equalsIgnoreCase("WAL_LOG") ? "WAL_LOG" : "FILE_COPY";
  }

  /**
   * An existing database, rehearsed in place: {@link #close} leaves it, and no setting is
   * applied to it ({@code ALTER DATABASE} would change it beyond what the user confirmed).
   */
  public static ScratchDatabase existing(PostgresServer server, String name) {
    ScratchDatabase db = new ScratchDatabase(server, name);
    db.keep();
    return db;
  }

  /** A database kept by name (a seed-cache template): created here, dropped by whoever evicts it. */
  public static ScratchDatabase named(PostgresServer server, String name) {
    return create(server, name, "");
  }

  private static String newName() {
    return "rehearsal_" + LocalDateTime.now().format(STAMP) + "_"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  private static ScratchDatabase create(PostgresServer server, String name, String options) {
    try (Connection c = connect(server.adminTarget(), ApplicationNames.ADMIN);
        Statement st = c.createStatement()) {
      try {
        st.execute("CREATE DATABASE " + name + options);
      } catch (SQLException e) {
        if ("42501".equals(e.getSQLState())) {
          DatabaseTarget admin = server.adminTarget();
          throw new BadInputException(JdbcUrls.redact(admin.jdbcUrl()) + ": user " + admin.user()
              + " may not create databases (" + e.getMessage() + ")\n  fix: connect as a role with CREATEDB "
              + "(ALTER ROLE " + admin.user() + " CREATEDB) or a superuser: the rehearsal runs in a scratch "
              + "database of its own", e);
        }
        throw e;
      }
      ScratchDatabase db = new ScratchDatabase(server, name);
      try {
        applyPerDatabase(st, name, server.settingsToApplyPerDatabase());
      } catch (SQLException | RuntimeException e) {
        db.close(); // created it, so it is ours to drop: never leave it behind on a failure
        throw e;
      }
      return db;
    } catch (SQLException e) {
      throw connectionFailure(server.adminTarget(), e);
    }
  }

  /**
   * On a server we do not own, settings that a database may override (statement_timeout,
   * work_mem, ...) are set on the scratch database; server-wide ones are left and reported.
   */
  private static void applyPerDatabase(Statement st, String db, Map<String, String> settings) throws SQLException {
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String context;
      try (PreparedStatement ps = st.getConnection().prepareStatement("SELECT context FROM pg_settings WHERE name = ?")) {
        ps.setString(1, e.getKey());
        try (ResultSet rs = ps.executeQuery()) {
          context = rs.next() ? rs.getString(1) : null;
        }
      }
      if ("user".equals(context) || "superuser".equals(context)) {
        try {
          st.execute("ALTER DATABASE " + db + " SET " + e.getKey() + " = '" + e.getValue().replace("'", "''") + "'");
        } catch (SQLException denied) {
          if (!"42501".equals(denied.getSQLState())) {
            throw denied;
          }
          // a superuser setting and a role that is not one: the server's value, said, not a failure
          log.warn("setting {} can only be changed by a superuser; the rehearsal runs with the server's value",
              e.getKey());
        }
      } else {
        log.warn("setting {} cannot be changed on an existing server (context {}); the rehearsal runs with the server's value", e.getKey(), context);
      }
    }
  }

  public String name() {
    return name;
  }

  /** Leaves the database in place (a seed-cache template); close() then does nothing. */
  public synchronized void keep() {
    dropped = true;
  }

  public DatabaseTarget target() {
    return server.target(name);
  }

  /** This database on the standby the harness started beside its server, or null when there is none. */
  public DatabaseTarget standbyTarget() {
    return server.standbyTarget(name);
  }

  /**
   * A failure of the rehearsal on this database, led by what the server's provider knows of it in
   * plain words (e.g. "the Docker daemon stopped ...: " before the driver's message), if anything.
   */
  public String explain(String failure) {
    String cause = server.diagnose();
    return cause == null ? failure : cause + ": " + failure;
  }

  /** Drops the scratch database (forcing out leftover sessions); idempotent. */
  @Override
  public synchronized void close() {
    if (dropped) {
      return;
    }
    dropped = true;
    try (Connection c = connect(server.adminTarget(), ApplicationNames.ADMIN);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      log.warn("could not drop scratch database {}: {}", name, e.getMessage());
    }
  }

  /** Opens a connection named for its role (application_name), so sessions can be told apart. */
  public static Connection connect(DatabaseTarget target, String applicationName) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", target.user());
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    props.setProperty("ApplicationName", applicationName);
    props.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(target.jdbcUrl(), props);
  }

  /** A failed connection: bad credentials and unknown hosts are the user's to fix (exit 2). */
  public static RuntimeException connectionFailure(DatabaseTarget target, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = JdbcUrls.redact(target.jdbcUrl());
    if (state.equals("28P01") || state.equals("28000")) {
      return new BadInputException(where + ": authentication failed for user " + target.user()
          + "\n  fix: check the user, and the password in PGPASSWORD or ~/.pgpass", e);
    }
    if (state.equals("08004") && String.valueOf(e.getMessage()).contains("no password was provided")) {
      return new BadInputException(where + ": the server asks user " + target.user() + " for a password, and none "
          + "was given\n  fix: set PGPASSWORD, or add the password to ~/.pgpass (or the file PGPASSFILE names)", e);
    }
    if (state.equals("3D000")) {
      return new BadInputException(where + ": database does not exist\n  fix: name an existing database "
          + "in the URL (the rehearsal creates its own scratch database next to it)", e);
    }
    // could not connect at all (08001) or was turned away (08004): where the user pointed us is
    // wrong; a connection that broke once open (08006, 08003) is the server failing, not the input
    if (state.equals("08001") || state.equals("08004")) {
      return new BadInputException(where + ": cannot connect (" + e.getMessage() + ")\n"
          + "  fix: check host and port, and that the server accepts connections", e);
    }
    return new InfrastructureException(where + ": " + e.getMessage(), e);
  }
}
