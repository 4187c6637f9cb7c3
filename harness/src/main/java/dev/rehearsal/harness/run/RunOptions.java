package dev.rehearsal.harness.run;

import java.nio.file.Path;

/**
 * How to run a rehearsal, beyond what the scenario says.
 *
 * @param strategy strategy name, or null for the scenario's first
 * @param postgres auto, embedded, container or a jdbc:postgresql:// URL
 * @param pgVersion PostgreSQL major version for embedded and container servers ({@code --pg-version}), or null
 *     for the scenario's {@code server.version}, else {@link
 *     dev.rehearsal.harness.provision.EmbeddedBinaries#DEFAULT_MAJOR} ({@link ServerVersion})
 * @param image container image, or null for the default
 * @param rows row count of the largest table (others scaled alike), or null for the scenario's
 * @param scale factor for every table's rows, or null; not together with {@code rows}
 * @param streams COPY streams per table while seeding, or null for {@link
 *     dev.rehearsal.harness.seed.Seeder#defaultStreams()}
 * @param rate operations per second, or null for the scenario's
 * @param seed random seed for data and parameters
 * @param outDir where reports go
 * @param seedCache root of the seed cache for the embedded provider, or null for none
 * @param fresh seed again even when the seed cache has this data
 * @param rollback after the up steps, rehearse the strategy's down steps under the same load
 * @param inPlace an existing database on the {@code postgres} server to rehearse in, confirmed by
 *     the user ({@code --in-place}); null (the default) for a scratch database the harness creates
 */
public record RunOptions(
    String strategy, String postgres, Integer pgVersion, String image, Long rows, Double scale, Integer streams,
    Double rate, long seed, Path outDir, Path seedCache, boolean fresh,
    boolean rollback, String inPlace) {

  /** Options for a rehearsal in a scratch database. */
  public RunOptions(String strategy, String postgres, Integer pgVersion, String image, Long rows, Double scale,
      Integer streams, Double rate, long seed, Path outDir, Path seedCache, boolean fresh, boolean rollback) {
    this(strategy, postgres, pgVersion, image, rows, scale, streams, rate, seed, outDir, seedCache, fresh, rollback,
        null);
  }

  /** The same options for rehearsing inside {@code database} (already confirmed by the user). */
  public RunOptions withInPlace(String database) {
    return new RunOptions(strategy, postgres, pgVersion, image, rows, scale, streams, rate, seed, outDir, null,
        fresh, rollback, database);
  }

  public int seedStreams() {
    return streams != null ? streams : dev.rehearsal.harness.seed.Seeder.defaultStreams();
  }
}
