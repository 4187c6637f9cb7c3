package dev.rehearsal.report;

/**
 * What the harness itself took of the host over the load window: its application load, its
 * observers and the migration's session all run in one process beside the server.
 *
 * @param cpuSeconds the harness process's CPU time over the window
 * @param wallSeconds the window's wall time
 * @param coresUsed {@code cpuSeconds / wallSeconds}: cores' worth of CPU the harness kept busy
 * @param hostCores the processors the host has
 * @param shareOfHost {@code coresUsed / hostCores}
 */
public record HarnessCost(double cpuSeconds, double wallSeconds, double coresUsed, int hostCores,
    double shareOfHost) {

  /** The cost of {@code cpuSeconds} over {@code wallSeconds} on this host; null when either is unknown. */
  public static HarnessCost of(double cpuSeconds, double wallSeconds) {
    if (!(cpuSeconds >= 0) || !(wallSeconds > 0)) {
      return null;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double used = cpuSeconds / wallSeconds;
    return new HarnessCost(cpuSeconds, wallSeconds, used, cores, used / cores);
  }
}
