package dev.rehearsal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

  /** A postgres process whose parent is not one: the server itself, which its children go with. */
  public static boolean isPostmaster(ProcessHandle p) {
    return isPostgres(p) && p.parent().map(parent -> !isPostgres(parent)).orElse(true);
  }

  /**
   * The postmasters running now that one of {@code launchers} started. pg_ctl, run by the JVM
   * that starts an embedded server, leaves its parent's pid in the server's environment as
   * PG_GRANDPARENT_PID: on a machine shared with other test runs, whose servers (embedded, or in
   * containers) come and go meanwhile, that tells ours from theirs. Where no environment can be
   * read (no /proc), every postmaster counts.
   */
  public static Set<Long> postmastersStartedBy(Set<Long> launchers) {
    return running().stream().filter(PostgresProcesses::isPostmaster)
        .filter(p -> environment(p).map(env -> launchers.contains(grandparent(env))).orElse(true))
        .map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  private static Optional<String> environment(ProcessHandle p) {
    try {
      return Optional.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ")),
          StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, or the process is gone
    }
  }

  /** PG_GRANDPARENT_PID in a process's environment, or -1. */
  private static long grandparent(String environment) {
    for (String entry : environment.split("\0")) {
      if (entry.startsWith("PG_GRANDPARENT_PID=")) {
        try {
          return Long.parseLong(entry.substring("PG_GRANDPARENT_PID=".length()));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** Waits up to 10 s for every postgres process not in {@code before} to end, then asserts none is left. */
  public static void assertNoneBeyond(Set<Long> before, String what) throws InterruptedException {
    assertGone(PostgresProcesses::pids, before, "postgres processes left running " + what);
  }

  /**
   * Waits up to 10 s for every postmaster that {@code launchers} may have started, and that is
   * not in {@code before}, to end; then asserts none is left.
   */
  public static void assertNoServerBeyond(Set<Long> before, Set<Long> launchers, String what)
      throws InterruptedException {
    assertGone(() -> postmastersStartedBy(launchers), before, "PostgreSQL servers left running " + what);
  }

  private static void assertGone(Supplier<Set<Long>> current, Set<Long> before, String description)
      throws InterruptedException {
    Set<Long> left = Set.of();
    for (int i = 0; i < 50; i++) {
      left = current.get().stream().filter(p -> !before.contains(p)).collect(Collectors.toSet());
      if (left.isEmpty()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertThat(left).as(description).isEmpty();
  }
}
