package dev.rehearsal.harness.provision;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.UnavailableException;
import dev.rehearsal.load.DatabaseTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Docker container through Testcontainers. The PostgreSQL module's default
 * command turns fsync off; we replace the command with the scenario's settings (fsync on unless
 * the scenario says otherwise). Where Ryuk is disabled (no registry to pull it from) nothing
 * would reap the container, so this provider stops it itself, also on JVM shutdown.
 *
 * <p>If the Docker daemon stops under a rehearsal: the daemon's SIGTERM stops PostgreSQL at once
 * (SIGINT, a fast shutdown, as the official image declares); the rehearsal's failure says that the
 * daemon stopped ({@link PostgresServer#diagnose()}); at the end, a PostgreSQL the daemon left
 * running (SIGKILL to dockerd leaves containers running) is stopped from the host where this host
 * can see its processes; and the container, which nobody could remove, carries {@link #LABEL}: the
 * next start of this provider on that daemon removes it, exited, and says so.
 */
public final class ContainerProvider implements PostgresProvider {

  /** Environment variable naming the image when --image is not given. */
  public static final String IMAGE_ENV = "REHEARSAL_POSTGRES_IMAGE";

  /** Label (with value {@value #LABEL_VALUE}) on every container this provider starts. */
  public static final String LABEL = "dev.rehearsal.harness";
  public static final String LABEL_VALUE = "postgres";
  /** The pid and host of the JVM that started the container, to tell a killed rehearsal's. */
  static final String OWNER_PID_LABEL = "dev.rehearsal.harness.pid";
  static final String OWNER_HOST_LABEL = "dev.rehearsal.harness.host";

  /** How long any Docker call may take once the container runs (a hung daemon must not hang the run). */
  static final Duration CALL_LIMIT = Duration.ofSeconds(10);
  /** How long stopping and removing the container may take. */
  static final Duration STOP_LIMIT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(ContainerProvider.class);

  private final String image;
  private final Consumer<String> say;

  /**
   * @param image image reference; null for {@code $REHEARSAL_POSTGRES_IMAGE} or {@code postgres:<major>}
   */
  public ContainerProvider(String image, int majorVersion) {
    this(image, majorVersion, log::info);
  }

  /** @param say where to tell the user what was cleaned up, or could not be */
  public ContainerProvider(String image, int majorVersion, Consumer<String> say) {
    String fromEnv = System.getenv(IMAGE_ENV);
    this.image = image != null ? image
        : fromEnv != null && !fromEnv.isBlank() ? fromEnv : "postgres:" + majorVersion;
    this.say = say;
  }

  public String image() {
    return image;
  }

  @Override
  public String name() {
    return "container";
  }

  @Override
  public PostgresServer start(Map<String, String> settings) {
    if (!DockerProbe.available(Duration.ofSeconds(5))) {
      throw new UnavailableException("--postgres container: Docker does not answer on this machine\n"
          + "  fix: start Docker (or set DOCKER_HOST), or use --postgres embedded");
    }
    DockerImageName imageName;
    try {
      // any image is accepted in place of the official one: registry-free builds, mirrors, forks
      imageName = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--image " + image + ": not a Docker image reference\n"
          + "  fix: use NAME[:TAG], e.g. postgres:17");
    }
    removeLeftovers();
    QuietDockerFailures.install();
    PostgreSQLContainer container = new PostgreSQLContainer(imageName)
        .withDatabaseName("postgres")
        .withUsername("rehearsal")
        .withPassword("rehearsal");
    container.withCommand(command(settings));
    container.withSharedMemorySize(512L * 1024 * 1024);
    container.withStartupTimeout(Duration.ofMinutes(2));
    label(container);
    // a daemon that stops (docker stop, systemctl stop docker) stops PostgreSQL with a fast
    // shutdown, as the official image declares, instead of a smart one that waits for the
    // rehearsal's sessions and is killed 10 s later
    container.withCreateContainerCmdModifier(cmd -> cmd.withStopSignal("SIGINT"));
    try {
      container.start();
    } catch (RuntimeException e) {
      try {
        DockerCalls.run(STOP_LIMIT, container::stop);
      } catch (RuntimeException ignored) {
        // it never started, or Docker is gone; a leftover is removed at the next start
      }
      throw new InfrastructureException("PostgreSQL container " + image + " did not start: " + e.getMessage(), e);
    }
    return new Server(container, image, settings, say);
  }

  /** {@link #LABEL} and the owner labels: how {@link #removeLeftovers()} tells a killed rehearsal's containers. */
  static void label(GenericContainer<?> container) {
    container.withLabel(LABEL, LABEL_VALUE);
    container.withLabel(OWNER_PID_LABEL, Long.toString(OwnerProcess.pid()));
    container.withLabel(OWNER_HOST_LABEL, OwnerProcess.host());
  }

  /**
   * Containers of earlier rehearsals that nobody could remove: exited ones (the Docker daemon
   * stopped under them), and running ones whose rehearsal was killed (SIGKILL: no hook ran) on
   * this host, told by the owner labels. Running containers of live rehearsals, other hosts'
   * and just-created ones are left alone.
   */
  void removeLeftovers() {
    List<String> removed = new ArrayList<>();
    String host = OwnerProcess.host();
    try {
      DockerClient docker = DockerClientFactory.instance().client();
      List<Container> ours = DockerCalls.call(CALL_LIMIT, () -> docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(LABEL, LABEL_VALUE)).exec());
      for (Container c : ours) {
        if (isLeftover(c.getState(), c.getLabels(), host)) {
          DockerCalls.run(CALL_LIMIT, () -> docker.removeContainerCmd(c.getId()).withForce(true)
              .withRemoveVolumes(true).exec());
          removed.add(shortId(c.getId()) + " (" + c.getStatus() + ")");
        }
      }
    } catch (RuntimeException e) {
      say.accept("Could not remove containers left by earlier rehearsals: " + DockerCalls.rootMessage(e));
    }
    if (!removed.isEmpty()) {
      say.accept("Removed " + removed.size() + " PostgreSQL container(s) that earlier rehearsals could not "
          + "remove (the Docker daemon stopped under them, or the rehearsal was killed): " + String.join(", ", removed));
    }
  }

  /**
   * Whether a container of ours can go: it has exited (or is dead), so no rehearsal uses it; or
   * it runs for a rehearsal on this host whose JVM is gone.
   */
  static boolean isLeftover(String state, Map<String, String> labels, String host) {
    if ("exited".equals(state) || "dead".equals(state)) {
      return true;
    }
    Map<String, String> l = labels == null ? Map.of() : labels;
    return "running".equals(state) && !"unknown".equals(host) && host.equals(l.get(OWNER_HOST_LABEL))
        && l.containsKey(OWNER_PID_LABEL) && OwnerProcess.gone(l.get(OWNER_PID_LABEL));
  }

  static String shortId(String id) {
    return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
  }

  /** {@code postgres -c name=value ...}: every setting on the command line, fsync on by default. */
  static String[] command(Map<String, String> settings) {
    List<String> args = new ArrayList<>(List.of("postgres", "-c", "fsync=on"));
    settings.forEach((name, value) -> {
      args.add("-c");
      args.add(name + "=" + value);
    });
    return args.toArray(String[]::new);
  }

  static final class Server extends OwnedServer {
    private final PostgreSQLContainer container;
    private final String id;
    /** The container's init process (PostgreSQL's postmaster) as the daemon's host numbers it. */
    private final long initPid;
    private final String image;
    private final Map<String, String> settings;
    private final Consumer<String> say;
    private ContainerStandby standby;

    Server(PostgreSQLContainer container, String image, Map<String, String> settings, Consumer<String> say) {
      super("container");
      this.container = container;
      this.id = container.getContainerId();
      InspectContainerResponse.ContainerState state = container.getContainerInfo().getState();
      this.initPid = state != null && state.getPidLong() != null ? state.getPidLong() : -1;
      this.image = image;
      this.settings = Map.copyOf(settings);
      this.say = say;
    }

    String containerId() {
      return id;
    }

    /** The standby's container, null before {@link #startStandby}. */
    synchronized String standbyContainerId() {
      return standby == null ? null : standby.containerId();
    }

    /** A second container of the same image, streaming from this one ({@link ContainerStandby}). */
    @Override
    public synchronized DatabaseTarget startStandby(Map<String, String> extraSettings, Duration applyDelay) {
      if (standby == null) {
        Map<String, String> standbySettings = new java.util.LinkedHashMap<>(settings);
        standbySettings.putAll(extraSettings);
        standby = ContainerStandby.start(image, container, adminTarget(), standbySettings, applyDelay, say);
      }
      return standby.target("postgres");
    }

    /** The standby's copy of {@code database} (replica reads), null before {@link #startStandby}. */
    @Override
    public synchronized DatabaseTarget standbyTarget(String database) {
      return standby == null ? null : standby.target(database);
    }

    @Override
    public DatabaseTarget target(String database) {
      String url = "jdbc:postgresql://" + container.getHost() + ":"
          + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
      return new DatabaseTarget(url, container.getUsername(), container.getPassword());
    }

    @Override
    public String diagnose() {
      try {
        InspectContainerResponse.ContainerState state = DockerCalls.call(Duration.ofSeconds(3),
            () -> DockerClientFactory.instance().client().inspectContainerCmd(id).exec().getState());
        if (state == null || Boolean.TRUE.equals(state.getRunning())) {
          return null;
        }
        return "the PostgreSQL container stopped (exit code " + state.getExitCodeLong()
            + (Boolean.TRUE.equals(state.getOOMKilled()) ? ", killed for want of memory" : "") + ")";
      } catch (NotFoundException e) {
        return "the PostgreSQL container was removed while the rehearsal ran";
      } catch (DockerCalls.NoAnswer e) {
        return "the Docker daemon " + (e.timedOut() ? "stopped answering" : "stopped") + " (" + dockerHost()
            + " does not answer: " + e.getMessage() + ") and the PostgreSQL container became unreachable";
      } catch (RuntimeException e) {
        return null;
      }
    }

    @Override
    protected void stopServer() {
      try {
        synchronized (this) {
          if (standby != null) {
            standby.close();
          }
        }
      } finally {
        stopContainer(container, id, initPid, "PostgreSQL", say);
      }
    }
  }

  /**
   * Stops and removes a container of ours, within {@link #STOP_LIMIT}; where Docker does not
   * answer, stops its PostgreSQL through its processes where this host sees them, and says so.
   *
   * @param what the container's name for the user: PostgreSQL, standby
   */
  static void stopContainer(GenericContainer<?> container, String id, long initPid, String what,
      Consumer<String> say) {
    DockerClient docker = DockerClientFactory.instance().client();
    try {
      try {
        DockerCalls.call(CALL_LIMIT, () -> docker.inspectContainerCmd(id).exec());
      } catch (NotFoundException gone) {
        return;
      } catch (DockerException answered) {
        // the daemon answers: stop as usual
      }
      // Testcontainers' stop ignores its own errors; the time limit keeps a hung daemon from hanging the exit
      DockerCalls.run(STOP_LIMIT, container::stop);
    } catch (DockerCalls.NoAnswer e) {
      say.accept("Docker does not answer (" + dockerHost() + ": " + e.getMessage() + "): " + what + " container "
          + shortId(id) + " could not be removed; " + stopFromTheHost(id, initPid)
          + ". The next container run on this Docker removes the container.");
    }
  }

  /** A PostgreSQL the daemon left running: stopped through its processes, where this host sees them. */
  private static String stopFromTheHost(String id, long initPid) {
    ContainerProcesses.Sighting seen = ContainerProcesses.find(id, initPid);
    switch (seen.state()) {
      case GONE:
        return "its PostgreSQL is no longer running";
      case NOT_VISIBLE:
        return "its PostgreSQL may still run (its processes are not visible from here) until the daemon is back";
      default:
        int left = ContainerProcesses.stop(seen.processes(), Duration.ofSeconds(5));
        return left == 0
            ? "its PostgreSQL (" + seen.processes().size() + " processes, postmaster pid " + initPid
                + ") was left running by the daemon and is now stopped"
            : left + " of its PostgreSQL processes could not be stopped from here (postmaster pid " + initPid
                + "); they stop when the daemon is back";
    }
  }

  private static String dockerHost() {
    try {
      return DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
    } catch (RuntimeException e) {
      return "Docker";
    }
  }
}
