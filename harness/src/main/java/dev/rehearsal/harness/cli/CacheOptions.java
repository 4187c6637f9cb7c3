package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.seed.SeedCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The seed cache of the embedded provider: for the commands that rehearse ({@code seed} never uses it). */
final class CacheOptions {

  @Option(names = "--fresh", description = "Seed again even if the seed cache holds this data (embedded provider)")
  boolean fresh;

  @Option(names = "--no-seed-cache",
      description = "Do not keep or reuse seeded data across runs (embedded provider; cache in $"
          + SeedCache.DIR_ENV + " or ~/.cache/rehearsal)")
  boolean noSeedCache;

  /** The root of the seed cache, or null for none. */
  Path seedCache() {
    return noSeedCache ? null : SeedCache.defaultRoot();
  }
}
