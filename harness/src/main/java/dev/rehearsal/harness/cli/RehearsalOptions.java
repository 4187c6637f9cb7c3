package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.run.RunOptions;
import picocli.CommandLine.Mixin;

/**
 * The options of the commands that provision a server, seed it (or clone from the seed cache),
 * drive the workload and write reports: {@code run}, {@code compare}, {@code demo} and
 * {@code load}. Each declares its pace itself ({@code load} has {@code --max} too).
 */
final class RehearsalOptions {

  @Mixin
  ServerOptions.OneVersion server;

  @Mixin
  DataOptions.OneSize data;

  @Mixin
  CacheOptions cache;

  @Mixin
  OutputOptions output;

  /**
   * @param strategy null for the scenario's first (or, comparing, every strategy)
   * @param rate null for the scenario's
   */
  RunOptions toRunOptions(String strategy, boolean rollback, Double rate) {
    return new RunOptionsBuilder(server, data).cache(cache).rate(rate).out(output).strategy(strategy, rollback).build();
  }
}
