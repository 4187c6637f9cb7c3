package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.PostgresProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.Providers;
import dev.rehearsal.harness.seed.SeedResult;
import dev.rehearsal.scenario.Scenario;

/**
 * Seeding without a rehearsal ({@code rehearse seed}): provision, create the schema, seed, report
 * what was loaded. With {@code keep} on an external server the scratch database stays for the
 * user to look at or benchmark against; otherwise it is dropped like any other.
 */
public final class SeedOnly {

  private final Scenario scenario;
  private final RunOptions options;
  private final Console console;
  private final boolean keep;

  public SeedOnly(Scenario scenario, RunOptions options, boolean keep, Console console) {
    this.scenario = DatasetScaling.apply(scenario, options.rows(), options.scale());
    this.options = options;
    this.keep = keep;
    this.console = console;
  }

  /** What was seeded, and where. */
  public record Result(SeedResult seed, String provider, String database, boolean kept) {}

  public Result run() {
    int major = ServerVersion.toRun(scenario, options, console);
    PostgresProvider provider = Providers.choose(options.postgres(), major, options.image(), console::say);
    long t0 = System.nanoTime();
    try (PostgresServer server = provider.start(scenario.server().settings())) {
      console.say("PostgreSQL (%s) ready in %.1f s; seeding %s with %d stream(s) per table",
          server.provider(), (System.nanoTime() - t0) / 1e9, scenario.name(), options.seedStreams());
      SeededDatabase seeded = SeededDatabase.seedScratch(scenario, options, server, console);
      boolean kept = keep && server.provider().equals("external");
      if (kept) {
        seeded.database().keep();
      }
      try (seeded) {
        return new Result(seeded.seed(), server.provider(), seeded.database().name(), kept);
      }
    }
  }
}
