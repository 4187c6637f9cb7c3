package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.RunOptions;
import dev.rehearsal.harness.run.SeedOnly;
import dev.rehearsal.harness.seed.SeedResult;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "seed", mixinStandardHelpOptions = true, description = {
    "Seed a scenario's dataset without rehearsing; print rows/s and a fingerprint of the data.",
    "Schema, data (parallel binary COPY), VACUUM (FREEZE, ANALYZE), then indexes and constraints.",
    "Examples: rehearse seed demo --rows 10M;  rehearse seed --dataset pgbench --scale 100 --postgres jdbc:postgresql://..."})
final class SeedCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "Scenario YAML file or built-in name")
  String scenario;

  @Option(names = "--dataset", paramLabel = "NAME", description = "A built-in dataset instead of a scenario: pgbench")
  String dataset;

  @Option(names = "--keep", description = "On an external server (--postgres jdbc:...), keep the seeded scratch database")
  boolean keep;

  @Mixin
  ServerOptions.OneVersion server;

  @Mixin
  DataOptions.OneSize data;

  @Override
  public Integer call() {
    Scenario s = resolve();
    RunOptions options = new RunOptionsBuilder(server, data).build();
    SeedOnly.Result result = new SeedOnly(s, options, keep, Console.stderr()).run();
    print(result, System.out);
    return 0;
  }

  private Scenario resolve() {
    if ((scenario == null) == (dataset == null)) {
      throw new BadInputException("seed needs either a SCENARIO or --dataset NAME (not both)\n"
          + "  fix: e.g. 'rehearse seed demo' or 'rehearse seed --dataset pgbench --scale 10'");
    }
    if (dataset != null && !dataset.equals("pgbench")) {
      throw new BadInputException("--dataset " + dataset + ": unknown built-in dataset\n  fix: use --dataset pgbench");
    }
    return dataset != null ? ScenarioLoader.builtin(dataset) : ScenarioLoader.resolve(scenario);
  }

  static void print(SeedOnly.Result r, PrintStream out) {
    SeedResult s = r.seed();
    double seconds = s.totalMillis() / 1000.0;
    out.printf(Locale.ROOT, "Seeded %,d rows in %.1f s (%,.0f rows/s end to end) on %s, database %s%s%n",
        s.rows(), seconds, s.rows() / Math.max(seconds, 1e-3), r.provider(), r.database(), r.kept() ? " (kept)" : "");
    for (SeedResult.SeededTable t : s.tables()) {
      out.printf(Locale.ROOT, "  %-24s %,14d rows  %7.1f s  %,12.0f rows/s  COPY %-6s checksum %s%n", t.name(), t.rows(),
          t.millis() / 1000.0, t.rows() / Math.max(t.millis() / 1000.0, 1e-3), t.format(), t.checksum());
    }
    long other = s.totalMillis() - s.dataMillis() - s.vacuumMillis() - s.indexMillis() - s.constraintMillis();
    out.printf(Locale.ROOT, "  phases: data %.2f s, vacuum %.2f s, indexes %.2f s, constraints %.2f s, checks and catalog %.2f s%n",
        s.dataMillis() / 1000.0, s.vacuumMillis() / 1000.0, s.indexMillis() / 1000.0, s.constraintMillis() / 1000.0,
        other / 1000.0);
    out.printf("  fingerprint %s%n", s.fingerprint());
  }
}
