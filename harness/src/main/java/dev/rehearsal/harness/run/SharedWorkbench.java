package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.migrate.MigrationPlanner.PlannedStrategy;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.Providers;
import dev.rehearsal.harness.seed.SchemaDdl;
import dev.rehearsal.harness.seed.SeedCache;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rehearsals one after another on what they can share: a server for each kind asked (provider,
 * major, image, server settings, seed cache) started once, the data of each shape seeded once into
 * a template (the seed cache's, where the embedded provider has one) and cloned for every
 * rehearsal ({@code CREATE DATABASE ... TEMPLATE}). The Java API's session runs on it, and through
 * that the JUnit extension: several tests, one server, one seeding per data shape. Closing drops the
 * templates it seeded outside the cache and stops its servers.
 */
public final class SharedWorkbench implements AutoCloseable {

  private final Console console;
  private final Map<ServerKey, Shared> servers = new LinkedHashMap<>();
  private int serversStarted;
  private int seedings;
  private int clones;

  public SharedWorkbench(Console console) {
    this.console = Objects.requireNonNull(console);
  }

  /** What makes two rehearsals need different servers. */
  private record ServerKey(String postgres, int major, String image, Map<String, String> settings, Path seedCache) {}

  /** A started server and the templates seeded on it, by the data's key. */
  private static final class Shared implements AutoCloseable {
    final PostgresServer server;
    final SeedCache cache;
    final Map<String, SeededDatabase> templates = new HashMap<>();

    Shared(PostgresServer server, SeedCache cache) {
      this.server = server;
      this.cache = cache;
    }

    @Override
    public void close() {
      try {
        templates.values().forEach(SeededDatabase::close);
      } finally {
        server.close();
      }
    }
  }

  /**
   * One rehearsal of {@code options.strategy()} on a clone of the shared data. Bad input (the
   * scenario, the strategy, the options) throws before anything starts; a server or seeding that
   * fails gives an incomplete result, as {@link Rehearsal#run} does, and the server is not reused.
   */
  public synchronized Rehearsal.Result rehearse(Scenario scenario, RunOptions options) {
    if (options.inPlace() != null) {
      throw new IllegalArgumentException("a shared workbench rehearses on clones, never in place");
    }
    Rehearsal rehearsal = new Rehearsal(scenario, options, console);
    Scenario scaled = rehearsal.scenario();
    PlannedStrategy strategy = rehearsal.plan();
    Instant startedAt = rehearsal.begin(strategy);
    ServerKey key = null;
    SeededDatabase data;
    RehearsalReport.ServerInfo info;
    try {
      int major = ServerVersion.toRun(scaled, options, console);
      key = new ServerKey(options.postgres() == null ? "auto" : options.postgres().trim(), major, options.image(),
          Map.copyOf(scaled.server().settings()), options.seedCache());
      Shared shared = server(key, scaled, options);
      data = cloneOfTheData(shared, scaled, options);
      clones++;
      try {
        KeyChecks.beforeSeeding(scaled, data.database().target());
        info = Workbench.inspect(scaled, options, major, shared.server, data.database().target(), console);
      } catch (RuntimeException e) {
        data.close();
        throw e;
      }
    } catch (RuntimeException e) {
      Rehearsal.Result stopped = rehearsal.failedBeforeTheLoad(strategy, startedAt, e); // bad input: thrown on
      discard(key); // whatever failed may have left the server unusable
      return stopped;
    }
    try (data) {
      Rehearsal.Result result = rehearsal.rehearse(strategy, data, info, options.outDir(), startedAt);
      if (!result.report().complete()) {
        discard(key); // whatever stopped it may have left the server unusable
      }
      return result;
    }
  }

  /**
   * A fresh database with the scenario's data, cloned from the template for its shape, seeding that
   * first when this workbench has none. A template the seed cache evicted meanwhile (it keeps
   * {@value SeedCache#MAX_TEMPLATES}, and this workbench may have seeded newer shapes since) is found
   * or seeded again.
   */
  private SeededDatabase cloneOfTheData(Shared shared, Scenario scaled, RunOptions options) {
    String dataKey = SeedCache.key(SchemaDdl.text(scaled), scaled.dataset(), options.seed(), "");
    SeededDatabase template = shared.templates.get(dataKey);
    if (template != null) {
      try {
        return template.copy(shared.server, console, true);
      } catch (RuntimeException e) {
        if (shared.cache == null) {
          throw e;
        }
        console.say("  template %s is gone from the seed cache (%s); finding or seeding it again",
            template.database().name(), e.getMessage());
      }
    }
    template = SeededDatabase.template(scaled, options, shared.server, shared.cache, console);
    shared.templates.put(dataKey, template);
    seedings += template.seededNow() ? 1 : 0;
    return template.copy(shared.server, console, !template.seededNow());
  }

  /** The server for {@code key}, started now if this workbench has none yet. */
  private Shared server(ServerKey key, Scenario scenario, RunOptions options) {
    Shared shared = servers.get(key);
    if (shared != null) {
      return shared;
    }
    PostgresProvider provider = Providers.choose(options.postgres(), key.major(), options.image(), console::say);
    Workbench.sayAboutTheUrl(options, console);
    SeedCache cache = provider instanceof EmbeddedProvider embedded && options.seedCache() != null
        ? new SeedCache(options.seedCache(), embedded.majorVersion()) : null;
    boolean[] cacheOpened = {false};
    PostgresServer server = Workbench.start(scenario, provider, cache, cacheOpened, console);
    serversStarted++;
    shared = new Shared(server, cacheOpened[0] ? cache : null);
    servers.put(key, shared);
    return shared;
  }

  private void discard(ServerKey key) {
    Shared shared = key == null ? null : servers.remove(key);
    if (shared != null) {
      shared.close();
    }
  }

  /** Servers this workbench started so far (a failed one that was stopped counts too). */
  public synchronized int serversStarted() {
    return serversStarted;
  }

  /** Data shapes seeded so far (a template found in the seed cache is not a seeding). */
  public synchronized int seedings() {
    return seedings;
  }

  /** Rehearsal databases cloned from a template so far: one per rehearsal that got as far. */
  public synchronized int clones() {
    return clones;
  }

  /** Drops the templates it seeded outside the seed cache and stops every server; idempotent. */
  @Override
  public synchronized void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Shared shared : servers.values()) {
      try {
        shared.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    servers.clear();
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
