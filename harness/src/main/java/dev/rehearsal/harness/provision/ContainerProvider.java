package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.load.DatabaseTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Docker container through Testcontainers. The PostgreSQL module's default
 * command turns fsync off; we replace the command with the scenario's settings (fsync on unless
 * the scenario says otherwise). Where Ryuk is disabled (no registry to pull it from) nothing
 * would reap the container, so this provider stops it itself, also on JVM shutdown.
 */
public final class ContainerProvider implements PostgresProvider {

  /** Environment variable naming the image when --image is not given. */
  public static final String IMAGE_ENV = "REHEARSAL_POSTGRES_IMAGE";

  private final String image;

  /**
   * @param image image reference; null for {@code $REHEARSAL_POSTGRES_IMAGE} or {@code postgres:<major>}
   */
  public ContainerProvider(String image, int majorVersion) {
    String fromEnv = System.getenv(IMAGE_ENV);
    this.image = image != null ? image
        : fromEnv != null && !fromEnv.isBlank() ? fromEnv : "postgres:" + majorVersion;
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
      throw new BadInputException("--postgres container: Docker does not answer on this machine\n"
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
    PostgreSQLContainer container = new PostgreSQLContainer(imageName)
        .withDatabaseName("postgres")
        .withUsername("rehearsal")
        .withPassword("rehearsal");
    container.withCommand(command(settings));
    container.withSharedMemorySize(512L * 1024 * 1024);
    container.withStartupTimeout(Duration.ofMinutes(2));
    try {
      container.start();
    } catch (RuntimeException e) {
      try {
        container.stop();
      } catch (RuntimeException ignored) {
        // it never started; nothing else to stop
      }
      throw new InfrastructureException("PostgreSQL container " + image + " did not start: " + e.getMessage(), e);
    }
    return new Server(container);
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

  private static final class Server extends OwnedServer {
    private final PostgreSQLContainer container;

    Server(PostgreSQLContainer container) {
      super("container");
      this.container = container;
    }

    @Override
    public DatabaseTarget target(String database) {
      String url = "jdbc:postgresql://" + container.getHost() + ":"
          + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
      return new DatabaseTarget(url, container.getUsername(), container.getPassword());
    }

    @Override
    protected void stopServer() {
      container.stop();
    }
  }
}
