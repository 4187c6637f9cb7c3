package dev.rehearsal.harness.cli;

import picocli.CommandLine.Option;

/** How fast the workload goes: one {@code --rate} ({@code sweep} takes a list, {@code load} also {@link OrMax}). */
class PaceOptions {

  @Option(names = "--rate", paramLabel = "OPS", converter = Quantities.SingleRate.class,
      description = "Operations per second, open loop; 1.5k is accepted (default: the scenario's)")
  Double rate;

  /** {@code load}: {@code --rate OPS} or {@code --max}. */
  static final class OrMax extends PaceOptions implements Exclusive {

    @Option(names = "--max", description = "Closed loop, one client per pool connection, no think time: the most the "
        + "database gives at this pool size (like pgbench without -R); not with --rate")
    boolean max;

    @Override
    public String conflict() {
      return "--max and --rate both set the pace\n"
          + "  fix: use --rate OPS for an open-loop rate, or --max for the most the database can give";
    }
  }
}
