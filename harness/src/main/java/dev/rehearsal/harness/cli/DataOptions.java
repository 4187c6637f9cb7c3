package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.seed.Seeder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The seeded data: {@code --streams} and {@code --seed}, for every command that seeds. Its size,
 * {@code --rows} or {@code --scale}, is one value ({@link OneSize}) except in {@code sweep}, which
 * takes a list of row counts.
 */
class DataOptions {

  @Option(names = "--streams", paramLabel = "N", converter = Quantities.Streams.class,
      description = "COPY sessions per table while seeding (default: ${DEFAULT-VALUE}: one COPY FREEZE session fed "
          + "by an encoder per core, needing no VACUUM FREEZE after it; N > 1: N sessions side by side, then "
          + "VACUUM (FREEZE))")
  int streams = Seeder.defaultStreams();

  @Option(names = "--seed", paramLabel = "N", description = "Random seed for data and parameters (default: ${DEFAULT-VALUE})")
  long seed = 42;

  /** How big the data is: {@code --rows} (one value, or sweep's list) or {@code --scale}, not both. */
  abstract static class Size implements Exclusive {

    static final String SCALE = "Multiply every table's rows by F (the pgbench dataset at scale F matches "
        + "pgbench -i -s F); not with --rows";

    @Override
    public String conflict() {
      return "--rows and --scale both given\n"
          + "  fix: use one: --rows sets the largest table's row count, --scale multiplies every table's";
    }
  }

  /** {@code --rows N} or {@code --scale F}. */
  static final class OneRowCount extends Size {

    @Option(names = "--rows", paramLabel = "N", converter = Quantities.SingleRowCount.class,
        description = "Rows of the largest table, others scaled alike; 200k and 10M are accepted "
            + "(default: the scenario's); not with --scale")
    Long rows;

    @Option(names = "--scale", paramLabel = "F", converter = Quantities.Scale.class, description = SCALE)
    Double scale;
  }

  /** The data options with one size: every command but {@code sweep}. */
  static final class OneSize extends DataOptions {

    @ArgGroup(exclusive = true)
    OneRowCount size;

    Long rows() {
      return size == null ? null : size.rows;
    }

    Double scale() {
      return size == null ? null : size.scale;
    }
  }
}
