package dev.rehearsal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** PostgreSQL server processes on this machine, to prove a test's rehearsal left none behind. */
public final class PostgresProcesses {

  private PostgresProcesses() {}

  /** The postmasters and their children running now. */
  public static List<ProcessHandle> running() {
    return ProcessHandle.allProcesses().filter(PostgresProcesses::isPostgres).toList();
  }

  public static Set<Long> pids() {
    return running().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  public static boolean isPostgres(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }

  /** Waits up to 10 s for every postgres process not in {@code before} to end, then asserts none is left. */
  public static void assertNoneBeyond(Set<Long> before, String what) throws InterruptedException {
    Set<Long> left = Set.of();
    for (int i = 0; i < 50; i++) {
      left = pids().stream().filter(p -> !before.contains(p)).collect(Collectors.toSet());
      if (left.isEmpty()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertThat(left).as("postgres processes left running " + what).isEmpty();
  }
}
