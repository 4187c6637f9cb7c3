package dev.rehearsal.harness.measure;

import java.lang.management.ManagementFactory;

/**
 * The harness's own CPU time (this JVM: the application's load, the observers, the migration's
 * session), so that a report can say how much of the host the harness took while it measured.
 * On a 2-core machine the server and the harness share the cores; a reader needs to know the share.
 */
final class ProcessCpu {

  private ProcessCpu() {}

  /** CPU time this process used so far, in nanoseconds; -1 where the JVM does not say. */
  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
