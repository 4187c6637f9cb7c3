package dev.rehearsal.harness.provision;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A hot standby of a {@link ContainerProvider} server: a second container of the same image that
 * takes a base backup of the first with {@code pg_basebackup} (over Docker's network, to the
 * primary's address there, through a physical replication slot), then runs {@code postgres} on it
 * with the primary's settings and a hot standby's ({@link Standbys#settings}). The primary is made
 * to accept replication connections first: the official image's {@code pg_hba.conf} line
 * {@code host all all all METHOD} does not match them, so {@code host replication all all METHOD}
 * is appended and the configuration reloaded. The standby carries the provider's labels, so a
 * killed rehearsal's standby is removed with its primary at the next start. Closing stops the
 * container and drops the slot.
 */
final class ContainerStandby implements AutoCloseable {

  /**
   * The standby container's entrypoint: a base backup into an empty {@code $PGDATA}
   * ({@code -R} writes {@code standby.signal}), then the command, {@code postgres -c ...}.
   */
  static final String ENTRYPOINT = String.join("\n",
      "set -e",
      "export PGDATA=${PGDATA:-/var/lib/postgresql/data}",
      "if [ ! -s \"$PGDATA/PG_VERSION\" ]; then",
      "  echo \"rehearsal: base backup of $REHEARSAL_PRIMARY_HOST into $PGDATA\"",
      "  pg_basebackup -h \"$REHEARSAL_PRIMARY_HOST\" -p 5432 -U \"$REHEARSAL_PRIMARY_USER\" -D \"$PGDATA\" -R"
          + " -X stream -S \"$REHEARSAL_SLOT\" --checkpoint=fast",
      // the official image's PGDATA exists, world-writable, and PostgreSQL refuses that; where it did not, pg_basebackup
      // made it 0700 (an image built from nothing but the server's binaries may have no chmod)
      "  if command -v chmod >/dev/null; then chmod 700 \"$PGDATA\"; fi",
      "fi",
      "exec \"$@\"");

  /** How long the base backup and the start may take before the standby streams. */
  static final Duration STREAMING_LIMIT = Duration.ofMinutes(10);

  private static final int PORT = PostgreSQLContainer.POSTGRESQL_PORT;

  private final GenericContainer<?> container;
  private final String id;
  private final long initPid;
  private final DatabaseTarget primaryAdmin;
  private final Consumer<String> say;

  private ContainerStandby(GenericContainer<?> container, DatabaseTarget primaryAdmin, Consumer<String> say) {
    this.container = container;
    this.id = container.getContainerId();
    InspectContainerResponse.ContainerState state = container.getContainerInfo().getState();
    this.initPid = state != null && state.getPidLong() != null ? state.getPidLong() : -1;
    this.primaryAdmin = primaryAdmin;
    this.say = say;
  }

  /**
   * Starts a standby of {@code primary} and waits until it streams.
   *
   * @param primaryAdmin a superuser on the primary's {@code postgres} database, from this host
   * @param settings the primary's settings: the standby runs with them
   * @param applyDelay {@code recovery_min_apply_delay}; zero for none
   */
  static ContainerStandby start(String image, PostgreSQLContainer primary, DatabaseTarget primaryAdmin,
      Map<String, String> settings, Duration applyDelay, Consumer<String> say) {
    String primaryHost = addressOf(primary);
    try (Connection c = DriverManager.getConnection(primaryAdmin.jdbcUrl(), primaryAdmin.user(),
        primaryAdmin.password()); Statement st = c.createStatement()) {
      allowReplication(primary, st);
      Standbys.createSlot(st);
    } catch (SQLException e) {
      throw new InfrastructureException("the standby could not be prepared on the primary: " + e.getMessage(), e);
    }
    Map<String, String> config = Standbys.settings(settings, applyDelay);
    // on the command line rather than the conninfo pg_basebackup -R writes: the standby's name on the primary;
    // the password is PGPASSWORD in the container's environment, which the walreceiver's libpq reads
    config.put("primary_conninfo", "host=" + primaryHost + " port=" + PORT + " user=" + primaryAdmin.user()
        + " application_name=" + Standbys.APPLICATION_NAME);
    config.put("primary_slot_name", Standbys.SLOT);
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image));
    container.withEnv("PGPASSWORD", primaryAdmin.password());
    container.withEnv("REHEARSAL_PRIMARY_HOST", primaryHost);
    container.withEnv("REHEARSAL_PRIMARY_USER", primaryAdmin.user());
    container.withEnv("REHEARSAL_SLOT", Standbys.SLOT);
    container.withExposedPorts(PORT);
    container.withCommand(ContainerProvider.command(config));
    container.withSharedMemorySize(512L * 1024 * 1024);
    ContainerProvider.label(container);
    // waiting is done below, on the primary: pg_stat_replication says when the standby streams
    container.waitingFor(new AbstractWaitStrategy() {
      @Override
      protected void waitUntilReady() {}
    });
    container.withCreateContainerCmdModifier(cmd -> cmd.withStopSignal("SIGINT").withUser("postgres")
        .withEntrypoint("bash", "-c", ENTRYPOINT, "rehearsal-standby"));
    try {
      container.start();
      awaitStreaming(container, primaryAdmin, STREAMING_LIMIT);
    } catch (RuntimeException e) {
      String log = logTail(container, 12);
      try {
        DockerCalls.run(ContainerProvider.STOP_LIMIT, container::stop);
      } catch (RuntimeException ignored) {
        // Docker is gone: the container carries the labels; the next start removes it
      }
      Standbys.dropSlot(primaryAdmin);
      throw new InfrastructureException("the standby container did not start streaming: "
          + DockerCalls.rootMessage(e) + (log.isEmpty() ? "" : "\n  its log ends:\n" + log), e);
    }
    return new ContainerStandby(container, primaryAdmin, say);
  }

  String containerId() {
    return id;
  }

  /** A connection target on the standby (read only: it is in recovery), with the primary's credentials. */
  DatabaseTarget target(String database) {
    return new DatabaseTarget("jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PORT) + "/"
        + database, primaryAdmin.user(), primaryAdmin.password());
  }

  /** Stops the container, then drops the slot on the primary (which must still run). */
  @Override
  public void close() {
    try {
      ContainerProvider.stopContainer(container, id, initPid, "standby", say);
    } finally {
      Standbys.dropSlot(primaryAdmin);
    }
  }

  /**
   * The primary's address on the Docker network both containers are on (the default bridge):
   * Docker's embedded DNS does not resolve container names there.
   */
  static String addressOf(PostgreSQLContainer primary) {
    InspectContainerResponse info = primary.getContainerInfo();
    if (info != null && info.getNetworkSettings() != null) {
      String ip = info.getNetworkSettings().getIpAddress();
      if (ip != null && !ip.isBlank()) {
        return ip;
      }
      Map<String, ContainerNetwork> networks = info.getNetworkSettings().getNetworks();
      if (networks != null) {
        for (ContainerNetwork n : networks.values()) {
          if (n.getIpAddress() != null && !n.getIpAddress().isBlank()) {
            return n.getIpAddress();
          }
        }
      }
    }
    throw new InfrastructureException("the standby cannot reach the PostgreSQL container: Docker gives it no "
        + "network address");
  }

  /**
   * {@code host replication all all METHOD} at the end of the primary's pg_hba.conf, with the
   * method its {@code host all all all} line has, then a reload.
   */
  private static void allowReplication(PostgreSQLContainer primary, Statement st) throws SQLException {
    String hbaFile;
    try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
      rs.next();
      hbaFile = rs.getString(1);
    }
    String method = "scram-sha-256";
    try (ResultSet rs = st.executeQuery("SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' "
        + "AND database = '{all}' AND address = 'all' ORDER BY line_number DESC LIMIT 1")) {
      if (rs.next() && rs.getString(1) != null) {
        method = rs.getString(1);
      }
    }
    String line = "host replication all all " + method;
    try {
      org.testcontainers.containers.Container.ExecResult r = DockerCalls.call(ContainerProvider.CALL_LIMIT, () -> {
        try {
          return primary.execInContainer("bash", "-c", "printf '%s\\n' \"$1\" >> \"$2\"", "hba", line, hbaFile);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      });
      if (r.getExitCode() != 0) {
        throw new InfrastructureException("the PostgreSQL container's " + hbaFile + " could not be extended for "
            + "the standby's replication connection: " + r.getStderr().strip());
      }
    } catch (RuntimeException e) {
      if (e instanceof InfrastructureException) {
        throw e;
      }
      throw new InfrastructureException("the PostgreSQL container's " + hbaFile + " could not be extended for the "
          + "standby's replication connection: " + DockerCalls.rootMessage(e), e);
    }
    st.execute("SELECT pg_reload_conf()");
  }

  /** Until the primary's pg_stat_replication shows the standby streaming; fails at once if the container exits. */
  private static void awaitStreaming(GenericContainer<?> container, DatabaseTarget primaryAdmin, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    String seen = "nothing";
    while (true) {
      InspectContainerResponse.ContainerState state = DockerCalls.call(ContainerProvider.CALL_LIMIT,
          () -> DockerClientFactory.instance().client().inspectContainerCmd(container.getContainerId()).exec()
              .getState());
      if (state != null && !Boolean.TRUE.equals(state.getRunning())) {
        throw new InfrastructureException("the standby container exited (exit code " + state.getExitCodeLong() + ")");
      }
      try (Connection c = DriverManager.getConnection(primaryAdmin.jdbcUrl(), primaryAdmin.user(),
          primaryAdmin.password()); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT state FROM pg_stat_replication WHERE application_name = '"
              + Standbys.APPLICATION_NAME + "'")) {
        seen = rs.next() ? "state " + rs.getString(1) : "no replication connection yet";
        if (seen.equals("state streaming")) {
          return;
        }
      } catch (SQLException e) {
        throw new InfrastructureException("the primary stopped answering while the standby started: "
            + e.getMessage(), e);
      }
      if (System.nanoTime() > deadline) {
        throw new InfrastructureException("the standby was not streaming after " + limit.toSeconds() + " s ("
            + seen + " in the primary's pg_stat_replication)");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("interrupted while the standby started", e);
      }
    }
  }

  /** The container's last lines of output (pg_basebackup's and PostgreSQL's), indented; "" when Docker cannot say. */
  static String logTail(GenericContainer<?> container, int lines) {
    try {
      String logs = DockerCalls.call(ContainerProvider.CALL_LIMIT, container::getLogs);
      List<String> all = Arrays.asList(logs.strip().split("\\R"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .map(l -> "    " + l).toList());
    } catch (RuntimeException e) {
      return "";
    }
  }
}
