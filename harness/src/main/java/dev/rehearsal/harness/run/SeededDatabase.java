package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.provision.ServerInspector;
import dev.rehearsal.harness.seed.SchemaDdl;
import dev.rehearsal.harness.seed.SeedCache;
import dev.rehearsal.harness.seed.SeedResult;
import dev.rehearsal.harness.seed.Seeder;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import dev.rehearsal.harness.BadInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database a rehearsal runs in, with the scenario's schema and data: seeded in place, or —
 * with the seed cache — cloned from a template seeded once ({@code CREATE DATABASE ... TEMPLATE}),
 * so unchanged data is never generated twice. Closing it drops the rehearsal's database; cached
 * templates stay.
 */
public final class SeededDatabase implements AutoCloseable {

  private final ScratchDatabase database;
  private final SeedResult seed;
  private final boolean fromCache;
  private final Long cloneMillis;
  /** A database no rehearsal touches that holds the same data, to clone more copies from; or null. */
  private String pristine;
  /** The pristine copy this object made (and drops), when the data was not from the seed cache. */
  private ScratchDatabase ownPristine;

  private SeededDatabase(ScratchDatabase database, SeedResult seed, boolean fromCache, Long cloneMillis,
      String pristine) {
    this.database = database;
    this.seed = seed;
    this.fromCache = fromCache;
    this.cloneMillis = cloneMillis;
    this.pristine = pristine;
  }

  public ScratchDatabase database() {
    return database;
  }

  public SeedResult seed() {
    return seed;
  }

  /** Seeds a fresh scratch database (no cache). */
  static SeededDatabase seedScratch(Scenario scenario, RunOptions options, PostgresServer server, Console console) {
    ScratchDatabase db = ScratchDatabase.create(server);
    try {
      SchemaDdl.apply(scenario, db.target(), line -> console.say("  %s", line));
      KeyChecks.beforeSeeding(scenario, db.target());
      SeedResult seed = new Seeder(db.target(), options.seed(), options.seedStreams(), console.seedProgress())
          .seed(scenario.dataset());
      return new SeededDatabase(db, seed, false, null, null);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * An existing database, rehearsed in place (--in-place, confirmed): nothing is created or
   * seeded; the scenario's tables must be there. Row counts are the planner's estimates
   * (pg_class.reltuples): counting a production-sized table would take minutes.
   */
  static SeededDatabase existing(Scenario scenario, PostgresServer server, String name, Console console) {
    ScratchDatabase db = ScratchDatabase.existing(server, name);
    List<SeedResult.SeededTable> tables = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try (Connection c = ScratchDatabase.connect(db.target(), ApplicationNames.ADMIN);
        PreparedStatement ps = c.prepareStatement(
            "SELECT greatest(c.reltuples, 0)::bigint FROM pg_class c WHERE c.oid = to_regclass(?)")) {
      for (var table : scenario.dataset().tables()) {
        ps.setString(1, table.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            tables.add(new SeedResult.SeededTable(table.name(), rs.getLong(1), 0, "existing", ""));
          } else {
            missing.add(table.name());
          }
        }
      }
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(db.target(), e);
    }
    if (!missing.isEmpty()) {
      throw new BadInputException("--in-place: database " + name + " has no table " + String.join(", ", missing)
          + " (the scenario's workload reads and writes them)\n  fix: point --postgres at the database that holds"
          + " the scenario's tables, or run without --in-place to rehearse on seeded data");
    }
    KeyChecks.beforeSeeding(scenario, db.target());
    console.say("  in place: %s as it is (%s); nothing seeded, nothing will be dropped; the scenario's server"
        + " settings are not applied to it", name, tables.stream()
        .map(t -> String.format("%s ≈ %,d rows", t.name(), t.rows())).reduce((a, b) -> a + ", " + b).orElse(""));
    SeedResult seed = new SeedResult(tables, 0, 0, 0, 0, 0, "in-place", List.of(), null);
    return new SeededDatabase(db, seed, false, null, null);
  }

  /** Clones the cached template for this data, seeding it first when there is none (or {@code fresh}). */
  static SeededDatabase throughCache(Scenario scenario, RunOptions options, PostgresServer server, SeedCache cache,
      boolean fresh, Console console) {
    Cached cached = cachedTemplate(scenario, options, server, cache, fresh, console);
    long start = System.nanoTime();
    ScratchDatabase clone = ScratchDatabase.cloneOf(server, cached.template(), ScratchDatabase.defaultCloneStrategy());
    long cloneMillis = (System.nanoTime() - start) / 1_000_000;
    if (cached.hit()) {
      // the cache key is the schema and the data, not the workload and strategies that use their keys; checked
      // in the clone, since a session in the template would make the next clone of it fail
      try {
        KeyChecks.beforeSeeding(scenario, clone.target());
      } catch (RuntimeException e) {
        clone.close();
        throw e;
      }
    }
    console.say("  cloned %s into %s in %.1f s (%s)", cached.template(), clone.name(), cloneMillis / 1000.0,
        ScratchDatabase.defaultCloneStrategy());
    return new SeededDatabase(clone, cached.seed(), cached.hit(), cloneMillis, cached.template());
  }

  /**
   * The data to clone every rehearsal of a session from ({@link #copy}), never rehearsed in itself:
   * the seed cache's template for this data (found, or seeded now), or, without a cache, a scratch
   * database seeded now and dropped on {@link #close}. {@link #seededNow} says which.
   */
  static SeededDatabase template(Scenario scenario, RunOptions options, PostgresServer server, SeedCache cache,
      Console console) {
    if (cache == null) {
      SeededDatabase seeded = seedScratch(scenario, options, server, console);
      seeded.pristine = seeded.database.name();
      return seeded;
    }
    Cached cached = cachedTemplate(scenario, options, server, cache, options.fresh(), console);
    return new SeededDatabase(ScratchDatabase.existing(server, cached.template()), cached.seed(), cached.hit(), null,
        cached.template());
  }

  /** Whether this template's data was generated now, rather than found in the seed cache. */
  boolean seededNow() {
    return !fromCache;
  }

  private record Cached(String template, SeedResult seed, boolean hit) {}

  /** The seed cache's completed template for this data, seeding it first when there is none (or {@code fresh}). */
  private static Cached cachedTemplate(Scenario scenario, RunOptions options, PostgresServer server, SeedCache cache,
      boolean fresh, Console console) {
    try (Connection admin = ScratchDatabase.connect(server.adminTarget(), ApplicationNames.ADMIN)) {
      cache.dropUnlisted(admin);
      String key = SeedCache.key(SchemaDdl.text(scenario), scenario.dataset(), options.seed(),
          ServerInspector.version(admin));
      Optional<SeedCache.Entry> hit = fresh ? Optional.empty() : cache.lookup(admin, key);
      if (hit.isPresent()) {
        SeedResult seed = hit.get().seed();
        console.say("  dataset from the seed cache: template %s (%,d rows, fingerprint %s); --fresh to seed again",
            hit.get().template(), seed.rows(), seed.fingerprint());
        return new Cached(hit.get().template(), seed, true);
      }
      String template = SeedCache.templateName(key);
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + template + " WITH (FORCE)");
      ScratchDatabase tpl = ScratchDatabase.named(server, template);
      SeedResult seed;
      try {
        SchemaDdl.apply(scenario, tpl.target(), line -> console.say("  %s", line));
        KeyChecks.beforeSeeding(scenario, tpl.target());
        // the template and the clone the rehearsal runs on: the data twice on the disk
        seed = new Seeder(tpl.target(), options.seed(), options.seedStreams(), console.seedProgress()).copies(2)
            .seed(scenario.dataset());
      } catch (RuntimeException e) {
        tpl.close();
        throw e;
      }
      tpl.keep();
      cache.store(admin, key, template, seed);
      console.say("  seeded template %s kept in the seed cache", template);
      return new Cached(template, seed, false);
    } catch (SQLException | IOException e) {
      throw new InfrastructureException("the seed cache failed: " + e.getMessage(), e);
    }
  }

  /**
   * Makes sure more copies of this data can be made after a rehearsal has changed this database:
   * with the seed cache the template is there already; otherwise the untouched database is
   * cloned once now, before anything runs in it.
   */
  void keepPristine(PostgresServer server, Console console) {
    if (pristine != null) {
      return;
    }
    long start = System.nanoTime();
    ownPristine = ScratchDatabase.cloneOf(server, database.name(), ScratchDatabase.defaultCloneStrategy());
    pristine = ownPristine.name();
    console.say("  kept an untouched copy of the data (%s, %.1f s) to give every strategy identical data",
        pristine, (System.nanoTime() - start) / 1e9);
  }

  /** A fresh database with the same data, cloned from the pristine copy; closing it drops it. */
  SeededDatabase copy(PostgresServer server, Console console) {
    return copy(server, console, fromCache);
  }

  /**
   * {@link #copy}, saying in the report whether the data was seeded by an earlier run or rehearsal
   * ({@code fromEarlierSeeding}) rather than for this one.
   */
  SeededDatabase copy(PostgresServer server, Console console, boolean fromEarlierSeeding) {
    if (pristine == null) {
      throw new IllegalStateException("keepPristine() must run before the first rehearsal");
    }
    long start = System.nanoTime();
    ScratchDatabase clone = ScratchDatabase.cloneOf(server, pristine, ScratchDatabase.defaultCloneStrategy());
    long millis = (System.nanoTime() - start) / 1_000_000;
    console.say("  cloned the seeded data into %s in %.1f s", clone.name(), millis / 1000.0);
    return new SeededDatabase(clone, seed, fromEarlierSeeding, millis, pristine);
  }

  List<RehearsalReport.TableInfo> tables() {
    return seed.tables().stream().map(t -> new RehearsalReport.TableInfo(t.name(), t.rows(),
        fromCache ? 0 : t.millis(), t.format(), t.checksum())).toList();
  }

  RehearsalReport.SeedInfo info(long runSeed) {
    return new RehearsalReport.SeedInfo(seed.fingerprint(), runSeed, fromCache, seed.totalMillis(), seed.dataMillis(),
        seed.indexMillis(), seed.vacuumMillis(), cloneMillis);
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      if (ownPristine != null) {
        ownPristine.close();
      }
    }
  }
}
