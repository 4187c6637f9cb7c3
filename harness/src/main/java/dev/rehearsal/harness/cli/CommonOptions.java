package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every rehearsing command shares (DESIGN.md, "Command line"). */
final class CommonOptions {

  @Option(names = "--postgres", paramLabel = "auto|embedded|container|jdbc:postgresql://...",
      description = "Where PostgreSQL comes from (default: ${DEFAULT-VALUE}). auto = a container when Docker answers, else embedded.",
      defaultValue = "auto")
  String postgres;

  @Option(names = "--pg-version", paramLabel = "N", split = ",",
      description = "PostgreSQL major version, 15-18 (default: " + EmbeddedBinaries.DEFAULT_MAJOR + "); sweep takes a list")
  List<Integer> pgVersions;

  @Option(names = "--image", paramLabel = "IMAGE",
      description = "Container image for --postgres container (default: $REHEARSAL_POSTGRES_IMAGE or postgres:<pg-version>)")
  String image;

  @Option(names = "--rows", paramLabel = "N", converter = Quantities.RowCount.class, split = ",",
      description = "Rows of the largest table, others scaled alike; 200k and 10M are accepted (default: the scenario's); sweep takes a list")
  List<Long> rowsList;

  @Option(names = "--scale", paramLabel = "F", converter = Quantities.Scale.class,
      description = "Multiply every table's rows by F (the pgbench dataset at scale F matches pgbench -i -s F); not with --rows")
  Double scale;

  @Option(names = "--streams", paramLabel = "N", converter = Quantities.Streams.class,
      description = "Parallel COPY streams per table while seeding (default: one per core, at least 2)")
  Integer streams;

  @Option(names = "--fresh", description = "Seed again even if the seed cache holds this data (embedded provider)")
  boolean fresh;

  @Option(names = "--no-seed-cache",
      description = "Do not keep or reuse seeded data across runs (embedded provider; cache in $REHEARSAL_CACHE_DIR or ~/.cache/rehearsal)")
  boolean noSeedCache;

  @Option(names = "--rate", paramLabel = "OPS", converter = Quantities.Rate.class, split = ",",
      description = "Operations per second, open loop (default: the scenario's); sweep takes a list")
  List<Double> rates;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed for data and parameters (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the reports (default: ${DEFAULT-VALUE})")
  Path out = Path.of("rehearsal-out");

  /** The options of a rehearsal (or a seed) from these flags. */
  dev.rehearsal.harness.run.RunOptions toRunOptions(String strategy) {
    return toRunOptions(strategy, false);
  }

  dev.rehearsal.harness.run.RunOptions toRunOptions(String strategy, boolean rollback) {
    return toRunOptions(strategy, rollback, single("--pg-version", pgVersions, EmbeddedBinaries.DEFAULT_MAJOR),
        single("--rows", rowsList, null), single("--rate", rates, null));
  }

  /** Options for one cell of a matrix (sweep): the version, row count and rate given. */
  dev.rehearsal.harness.run.RunOptions toRunOptions(String strategy, boolean rollback, int pgVersion, Long rows,
      Double rate) {
    return new dev.rehearsal.harness.run.RunOptions(strategy, postgres, pgVersion, image, rows, scale, streams, rate,
        seed, out, noSeedCache ? null : dev.rehearsal.harness.seed.SeedCache.defaultRoot(), fresh, rollback);
  }

  /** The rate given, or null: for commands that take one. */
  Double rate() {
    return single("--rate", rates, null);
  }

  /** Commands other than sweep take one value; a list is a matrix, which sweep runs. */
  private static <T> T single(String option, List<T> values, T absent) {
    if (values == null || values.isEmpty()) {
      return absent;
    }
    if (values.size() > 1) {
      throw new BadInputException(option + " " + values.stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(",")) + ": this command takes one value\n"
          + "  fix: give one, or run every combination with 'rehearse sweep SCENARIO " + option + " A,B,...'");
    }
    return values.get(0);
  }
}
