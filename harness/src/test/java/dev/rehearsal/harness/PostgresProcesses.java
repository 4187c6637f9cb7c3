package dev.rehearsal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The PostgreSQL servers a test's rehearsal started, to prove it left none behind, or to kill
 * one. The machine may run other servers meanwhile (other test runs, embedded or in containers,
 * a system PostgreSQL): those are never counted and never touched. A server is told apart by its
 * lineage: pg_ctl, run by the JVM that starts an embedded server, leaves that JVM's pid in the
 * server's environment as PG_GRANDPARENT_PID (pg_ctl has detached the server, so the process tree
 * no longer shows it); and the harness's embedded servers carry {@value #MARKER} on their command
 * line ({@code LeftoverServers.CLUSTER_NAME}).
 */
public final class PostgresProcesses {

  /** On the command line of every embedded server the harness starts. */
  static final String MARKER = "cluster_name=rehearsal-embedded";

  /** Where processes' environments can be read (Linux); elsewhere every postmaster counts. */
  private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

  private PostgresProcesses() {}

  private static boolean isPostgres(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }

  /** A postgres process whose parent is not one: the server itself, which its children go with. */
  private static boolean isPostmaster(ProcessHandle p) {
    return isPostgres(p) && p.parent().map(parent -> !isPostgres(parent)).orElse(true);
  }

  private static List<ProcessHandle> postmasters() {
    return ProcessHandle.allProcesses().filter(PostgresProcesses::isPostmaster).toList();
  }

  /**
   * The postmasters running now that one of {@code launchers} started (by PG_GRANDPARENT_PID).
   * A process whose environment cannot be read (another user's, or gone) is not ours: the
   * launchers' servers run as this user. Where no environment can be read at all (no /proc),
   * every postmaster counts.
   */
  public static Set<Long> postmastersStartedBy(Set<Long> launchers) {
    return postmasters().stream()
        .filter(p -> !PROC || environment(p).map(env -> launchers.contains(grandparent(env))).orElse(false))
        .map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  /**
   * The embedded servers (marked {@value #MARKER}) that {@code launcher}, the JVM of a rehearsal
   * a test started, started itself; empty where that cannot be told (no /proc).
   */
  public static List<ProcessHandle> embeddedServersStartedBy(long launcher) {
    return postmasters().stream()
        .filter(p -> Arrays.asList(p.info().arguments().orElse(new String[0])).contains(MARKER))
        .filter(p -> environment(p).map(env -> grandparent(env) == launcher).orElse(false))
        .toList();
  }

  /**
   * The embedded server {@code launcher} runs now and its children (backends, background workers),
   * to check afterwards that every one of them is gone; asserts there is exactly one such server,
   * or a test of what it left behind would prove nothing.
   */
  public static List<ProcessHandle> embeddedServerOf(long launcher) {
    List<ProcessHandle> servers = embeddedServersStartedBy(launcher);
    assertThat(servers).as("the embedded server that pid %d started (%s, PG_GRANDPARENT_PID=%d)", launcher, MARKER,
        launcher).hasSize(1);
    List<ProcessHandle> tree = new ArrayList<>(servers);
    servers.get(0).descendants().forEach(tree::add);
    return tree;
  }

  private static Optional<String> environment(ProcessHandle p) {
    try {
      return Optional.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ")),
          StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, another user's process, or the process is gone
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

  /**
   * Waits up to 10 s for {@code server} (as {@link #embeddedServerOf} found it: the same
   * processes, not others that reuse their pids) to end, and asserts that none of it is left, nor
   * any other server {@code launcher} started.
   */
  public static void assertServerGone(List<ProcessHandle> server, long launcher, String what)
      throws InterruptedException {
    assertGone(() -> {
      Set<String> left = server.stream().filter(ProcessHandle::isAlive).map(PostgresProcesses::describe)
          .collect(Collectors.toCollection(HashSet::new));
      embeddedServersStartedBy(launcher).forEach(p -> left.add(describe(p)));
      return left;
    }, Set.of(), "processes of the rehearsal's PostgreSQL left running " + what);
  }

  private static String describe(ProcessHandle p) {
    return p.pid() + " " + p.info().commandLine().orElse("?");
  }

  /**
   * Waits up to 10 s for every postmaster that {@code launchers} may have started, and that is
   * not in {@code before}, to end; then asserts none is left.
   */
  public static void assertNoServerBeyond(Set<Long> before, Set<Long> launchers, String what)
      throws InterruptedException {
    assertGone(() -> postmastersStartedBy(launchers), before, "PostgreSQL servers left running " + what);
  }

  private static <T> void assertGone(Supplier<Set<T>> current, Set<T> before, String description)
      throws InterruptedException {
    Set<T> left = Set.of();
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
