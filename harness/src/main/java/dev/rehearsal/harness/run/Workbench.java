package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.provision.PostgresProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.Providers;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.provision.ServerInspector;
import dev.rehearsal.harness.seed.SeedCache;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.scenario.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The first half of the pipeline, shared by {@code run} and {@code load}: a PostgreSQL server
 * from the chosen provider, a scratch database seeded with the scenario's data (through the
 * seed cache where it can), and what the server turned out to be. Closing drops the scratch
 * database and stops what was started.
 */
final class Workbench implements AutoCloseable {

  private final PostgresServer server;
  private final SeededDatabase seeded;
  private final RehearsalReport.ServerInfo serverInfo;
  private final Console console;
  private int rehearsalsStarted;

  private Workbench(PostgresServer server, SeededDatabase seeded, RehearsalReport.ServerInfo serverInfo,
      Console console) {
    this.server = server;
    this.seeded = seeded;
    this.serverInfo = serverInfo;
    this.console = console;
  }

  /** For one rehearsal (or load) on the seeded data. */
  static Workbench open(Scenario scenario, RunOptions options, Console console) {
    return open(scenario, options, console, 1);
  }

  /**
   * For {@code rehearsals} runs, each on identical data ({@link #onFreshData}): with more than
   * one, an untouched copy of the seeded data is kept to clone from.
   */
  static Workbench open(Scenario scenario, RunOptions options, Console console, int rehearsals) {
    Workbench bench = provisionAndSeed(scenario, options, console);
    if (rehearsals > 1) {
      try {
        bench.seeded.keepPristine(bench.server, console);
      } catch (RuntimeException e) {
        bench.close();
        throw e;
      }
    }
    return bench;
  }

  private static Workbench provisionAndSeed(Scenario scenario, RunOptions options, Console console) {
    int major = ServerVersion.toRun(scenario, options, console);
    PostgresProvider provider = Providers.choose(options.postgres(), major, options.image(),
        scenario.server().standby() != null, console::say);
    Standby.check(scenario, provider);
    sayAboutTheUrl(options, console);
    SeedCache cache = null;
    if (provider instanceof EmbeddedProvider embedded && options.seedCache() != null) {
      cache = new SeedCache(options.seedCache(), embedded.majorVersion());
    }
    long t0 = System.nanoTime();
    boolean[] cacheOpened = {false};
    PostgresServer server = start(scenario, provider, cache, cacheOpened, console);
    SeededDatabase seeded = null;
    try {
      // the cache's cluster is only in use when start() could open it (else the server is a fresh embedded one
      // on a temporary directory, and a template kept there would vanish with it)
      if (options.inPlace() != null) {
        seeded = SeededDatabase.existing(scenario, server, options.inPlace(), console);
      } else {
        seeded = cacheOpened[0]
            ? SeededDatabase.throughCache(scenario, options, server, cache, options.fresh(), console)
            : SeededDatabase.seedScratch(scenario, options, server, console);
      }
      Standby.startIfAsked(scenario, provider, server, console);
      RehearsalReport.ServerInfo info = inspect(scenario, options, major, server, seeded.database().target(), console);
      console.say("PostgreSQL %s (%s) ready; rehearsal database %s%s (%.1f s since start)", info.version(),
          server.provider(), seeded.database().name(), options.inPlace() != null ? " (in place)" : "",
          (System.nanoTime() - t0) / 1e9);
      return new Workbench(server, seeded, info, console);
    } catch (RuntimeException e) {
      if (seeded != null) {
        seeded.close();
      }
      server.close();
      throw e;
    }
  }

  /**
   * What a URL's user should know: a password in it shows in the process list, and the database
   * it names is only where the harness connects (unless --in-place).
   */
  static void sayAboutTheUrl(RunOptions options, Console console) {
    if (options.postgres() == null || !options.postgres().startsWith("jdbc:")) {
      return;
    }
    JdbcUrls.Parsed url = JdbcUrls.parse(options.postgres());
    if (url.params().containsKey("password")) {
      console.say("  note: a password in --postgres shows in the process list (ps) to other users of this machine;"
          + " PGPASSWORD or ~/.pgpass keeps it out (reports and logs never contain it)");
    }
    String named = url.database();
    if (options.inPlace() == null && !named.equals("postgres")) {
      console.say("  %s is only where the harness connects: it works in a scratch database of its own and leaves %s"
          + " untouched (to rehearse inside %s itself: --in-place --confirm-database %s)", named, named, named, named);
    }
  }

  /** With the seed cache, the embedded server runs on the cache's data directory — unless another run holds it. */
  static PostgresServer start(Scenario scenario, PostgresProvider provider, SeedCache cache,
      boolean[] cacheOpened, Console console) {
    if (cache == null) {
      return provider.start(scenario.server().settings());
    }
    EmbeddedProvider embedded = (EmbeddedProvider) provider;
    try {
      PostgresServer server = embedded.on(cache.dataDirectory())
          .start(scenario.server().settings());
      cacheOpened[0] = true;
      return server;
    } catch (InfrastructureException e) {
      console.say("  seed cache at %s is busy or unusable (%s); seeding without it", cache.dataDirectory(), e.getMessage());
      return provider.start(scenario.server().settings());
    }
  }

  /** What the server is; a server of another major than asked is a failure, or for an external one a warning. */
  static RehearsalReport.ServerInfo inspect(Scenario scenario, RunOptions options, int asked,
      PostgresServer server, DatabaseTarget target, Console console) {
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.ADMIN)) {
      int major = ServerInspector.majorVersion(c);
      if (server.provider().equals("external")) {
        String mismatch = ServerVersion.externalMismatch(scenario, major);
        if (mismatch != null) {
          console.say("  warning: %s", mismatch);
        }
      } else if (options.image() == null && major != asked && System.getenv("REHEARSAL_POSTGRES_IMAGE") == null) {
        throw new InfrastructureException("asked for PostgreSQL " + asked + " but the server is " + major);
      }
      return new RehearsalReport.ServerInfo(server.provider(), ServerInspector.version(c),
          ServerInspector.effectiveSettings(c, scenario.server().settings().keySet()), scenario.server().version());
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    }
  }

  /**
   * Runs {@code rehearsal} on data identical to what was seeded, untouched by the rehearsals before
   * it: the seeded database itself the first time, a fresh copy of the untouched data (dropped
   * afterwards) every time after. The one way a comparison or a sweep gives each run the same data.
   */
  <T> T onFreshData(Function<SeededDatabase, T> rehearsal) {
    if (rehearsalsStarted++ == 0) {
      return rehearsal.apply(seeded);
    }
    try (SeededDatabase copy = seeded.copy(server, console)) {
      return rehearsal.apply(copy);
    }
  }

  DatabaseTarget target() {
    return seeded.database().target();
  }

  SeededDatabase seeded() {
    return seeded;
  }

  RehearsalReport.ServerInfo serverInfo() {
    return serverInfo;
  }

  @Override
  public void close() {
    try {
      seeded.close();
    } finally {
      server.close();
    }
  }
}
