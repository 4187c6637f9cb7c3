package dev.rehearsal.api;

import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.run.RunOptions;
import dev.rehearsal.harness.seed.SeedCache;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a rehearsal beyond what the scenario says; immutable, each {@code withX} returns a
 * copy. The defaults are the command line's: the scenario's first strategy, {@code --postgres auto},
 * the scenario's rows and rate, seed 42, reports into {@code rehearsal-out}, the embedded provider's
 * seed cache in {@code $REHEARSAL_CACHE_DIR} or {@code ~/.cache/rehearsal}.
 *
 * <pre>{@code
 * RehearsalOptions options = RehearsalOptions.defaults()
 *     .withStrategy("expand-contract")
 *     .withPostgres("embedded")
 *     .withRows(50_000)
 *     .withOutputDirectory(Path.of("target/rehearsal"));
 * }</pre>
 */
public final class RehearsalOptions {

  private String strategy;
  private String postgres = "auto";
  private Integer pgVersion;
  private String image;
  private Long rows;
  private Double scale;
  private Double rate;
  private long seed = 42;
  private Path outputDirectory = Path.of("rehearsal-out");
  private Path seedCache = SeedCache.defaultRoot();

  // fields are set only on a fresh copy, before it is returned: once seen, an instance never changes
  private RehearsalOptions() {}

  /** The command line's defaults (see the class comment). */
  public static RehearsalOptions defaults() {
    return new RehearsalOptions();
  }

  private RehearsalOptions copy(java.util.function.Consumer<RehearsalOptions> change) {
    RehearsalOptions copy = new RehearsalOptions();
    copy.strategy = strategy;
    copy.postgres = postgres;
    copy.pgVersion = pgVersion;
    copy.image = image;
    copy.rows = rows;
    copy.scale = scale;
    copy.rate = rate;
    copy.seed = seed;
    copy.outputDirectory = outputDirectory;
    copy.seedCache = seedCache;
    change.accept(copy);
    return copy;
  }

  /** The strategy to rehearse ({@code --strategy}); null for the scenario's first. */
  public RehearsalOptions withStrategy(String strategy) {
    return copy(o -> o.strategy = strategy);
  }

  /** {@code auto}, {@code embedded}, {@code container} or a {@code jdbc:postgresql://} URL ({@code --postgres}). */
  public RehearsalOptions withPostgres(String postgres) {
    Objects.requireNonNull(postgres, "postgres");
    return copy(o -> o.postgres = postgres);
  }

  /** The PostgreSQL major of an embedded or container server ({@code --pg-version}); null for the scenario's. */
  public RehearsalOptions withPgVersion(Integer pgVersion) {
    return copy(o -> o.pgVersion = pgVersion);
  }

  /** The container image ({@code --image}); null for {@code postgres:<major>}. */
  public RehearsalOptions withImage(String image) {
    return copy(o -> o.image = image);
  }

  /** Rows of the largest table, the others scaled alike ({@code --rows}); clears {@link #withScale}. */
  public RehearsalOptions withRows(long rows) {
    positive("withRows", rows, "give the largest table's row count, e.g. 50000");
    return copy(o -> {
      o.rows = rows;
      o.scale = null;
    });
  }

  /** A factor for every table's rows ({@code --scale}); clears {@link #withRows}. */
  public RehearsalOptions withScale(double scale) {
    positive("withScale", scale, "give a factor above 0, e.g. 0.1 for a tenth of the scenario's rows");
    return copy(o -> {
      o.scale = scale;
      o.rows = null;
    });
  }

  /** Operations per second of the load ({@code --rate}), instead of the scenario's. */
  public RehearsalOptions withRate(double rate) {
    positive("withRate", rate, "give operations per second above 0, e.g. 200");
    return copy(o -> o.rate = rate);
  }

  /** The random seed for the data and the parameters ({@code --seed}). */
  public RehearsalOptions withSeed(long seed) {
    return copy(o -> o.seed = seed);
  }

  /** Where the reports go ({@code --out}); files an earlier run listed there are replaced. */
  public RehearsalOptions withOutputDirectory(Path outputDirectory) {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    return copy(o -> o.outputDirectory = outputDirectory);
  }

  /** The embedded provider's seed cache root, kept across runs. */
  public RehearsalOptions withSeedCache(Path seedCache) {
    Objects.requireNonNull(seedCache, "seedCache");
    return copy(o -> o.seedCache = seedCache);
  }

  /** No seed cache ({@code --no-seed-cache}): seeded data lives only as long as the run or session. */
  public RehearsalOptions withoutSeedCache() {
    return copy(o -> o.seedCache = null);
  }

  private static void positive(String option, double value, String fix) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new RehearsalInputException(option + "(" + value + "): must be above 0\n  fix: " + fix);
    }
  }

  public String strategy() {
    return strategy;
  }

  public String postgres() {
    return postgres;
  }

  public Integer pgVersion() {
    return pgVersion;
  }

  public String image() {
    return image;
  }

  /** The largest table's rows, or null for the scenario's (or a {@link #scale()}). */
  public Long rows() {
    return rows;
  }

  public Double scale() {
    return scale;
  }

  /** Operations per second, or null for the scenario's. */
  public Double rate() {
    return rate;
  }

  public long seed() {
    return seed;
  }

  public Path outputDirectory() {
    return outputDirectory;
  }

  /** The seed cache root, or null for none. */
  public Path seedCache() {
    return seedCache;
  }

  RunOptions toRunOptions() {
    return new RunOptions(strategy, postgres, pgVersion, image, rows, scale, null, rate, seed, outputDirectory,
        seedCache, false, false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RehearsalOptions other && toRunOptions().equals(other.toRunOptions());
  }

  @Override
  public int hashCode() {
    return toRunOptions().hashCode();
  }

  @Override
  public String toString() {
    return "RehearsalOptions[strategy=" + strategy + ", postgres=" + JdbcUrls.redact(postgres) + ", pgVersion=" + pgVersion
        + ", image=" + image + ", rows=" + rows + ", scale=" + scale + ", rate=" + rate + ", seed=" + seed
        + ", outputDirectory=" + outputDirectory + ", seedCache=" + seedCache + "]";
  }
}
