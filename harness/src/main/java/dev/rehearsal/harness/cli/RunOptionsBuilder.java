package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.run.RunOptions;
import java.nio.file.Path;

/**
 * The {@link RunOptions} of one command line, from the option mixins its command has: what the
 * command does not take stays unset (no seed cache, no reports directory, the scenario's rate).
 */
final class RunOptionsBuilder {

  private final ServerOptions server;
  private final DataOptions data;
  private Integer pgVersion;
  private Long rows;
  private Double scale;
  private Double rate;
  private Path out;
  private Path seedCache;
  private boolean fresh;
  private String strategy;
  private boolean rollback;

  /** For {@code sweep}, which gives the version, the row count and the rate of each cell ({@link #cell}). */
  RunOptionsBuilder(ServerOptions server, DataOptions data) {
    this.server = server;
    this.data = data;
  }

  /** For the commands that take one version and one size. */
  RunOptionsBuilder(ServerOptions.OneVersion server, DataOptions.OneSize data) {
    this((ServerOptions) server, data);
    this.pgVersion = server.pgVersion;
    this.rows = data.rows();
    this.scale = data.scale();
  }

  RunOptionsBuilder scale(Double scale) {
    this.scale = scale;
    return this;
  }

  RunOptionsBuilder cache(CacheOptions cache) {
    this.seedCache = cache.seedCache();
    this.fresh = cache.fresh;
    return this;
  }

  /** The rate, or null for the scenario's. */
  RunOptionsBuilder rate(Double rate) {
    this.rate = rate;
    return this;
  }

  RunOptionsBuilder out(OutputOptions output) {
    this.out = output.out;
    return this;
  }

  /** The strategy (null for the scenario's first), and whether to rehearse its down steps too. */
  RunOptionsBuilder strategy(String strategy, boolean rollback) {
    this.strategy = strategy;
    this.rollback = rollback;
    return this;
  }

  /** One cell of a sweep: its version, row count (null for the scenario's) and rate (null likewise). */
  RunOptionsBuilder cell(int pgVersion, Long rows, Double rate) {
    this.pgVersion = pgVersion;
    this.rows = rows;
    this.rate = rate;
    return this;
  }

  RunOptions build() {
    return new RunOptions(strategy, server.postgres, pgVersion, server.image, rows, scale, data.streams, rate,
        data.seed, out, seedCache, fresh, rollback);
  }
}
