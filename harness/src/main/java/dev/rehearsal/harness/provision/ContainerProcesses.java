package dev.rehearsal.harness.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * A container's processes as this host sees them, for when the Docker daemon is gone and cannot
 * stop them: SIGKILL to dockerd leaves containerd's shims, and the PostgreSQL under them, running.
 * The container's init process is the pid Docker reported when it started (PostgreSQL's
 * postmaster: the image execs it); it is taken for the container's only if its cgroup names the
 * container's id, so a reused pid or a daemon in another pid namespace (a VM, a remote host) is
 * never signalled.
 */
final class ContainerProcesses {

  /** What this host shows of the container. */
  enum State {
    /** The init process has exited: nothing of the container runs. */
    GONE,
    /** A process with that pid runs but is not the container's, or cannot be inspected. */
    NOT_VISIBLE,
    /** The container's processes, listed. */
    RUNNING
  }

  record Sighting(State state, List<ProcessHandle> processes) {}

  private ContainerProcesses() {}

  static Sighting find(String containerId, long initPid) {
    return find(containerId, initPid, ContainerProcesses::cgroupOf);
  }

  /** @param cgroupOf a pid's /proc/PID/cgroup, "" when unreadable */
  static Sighting find(String containerId, long initPid, LongFunction<String> cgroupOf) {
    Optional<ProcessHandle> init = initPid > 0 ? ProcessHandle.of(initPid) : Optional.empty();
    if (init.isEmpty() || !init.get().isAlive()) {
      return new Sighting(initPid > 0 ? State.GONE : State.NOT_VISIBLE, List.of());
    }
    if (containerId == null || containerId.length() < 12 || !cgroupOf.apply(initPid).contains(containerId)) {
      return new Sighting(State.NOT_VISIBLE, List.of());
    }
    List<ProcessHandle> processes = new ArrayList<>();
    init.get().descendants().forEach(processes::add);
    processes.add(init.get());
    return new Sighting(State.RUNNING, processes);
  }

  /**
   * SIGTERM to every process (backends end, the postmaster shuts down), SIGKILL to any still
   * running after {@code grace}.
   *
   * @return how many are still running after that (not ours to signal, most likely)
   */
  static int stop(List<ProcessHandle> processes, Duration grace) {
    processes.forEach(ProcessHandle::destroy);
    if (awaitExit(processes, grace) == 0) {
      return 0;
    }
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return awaitExit(processes, Duration.ofSeconds(2));
  }

  private static int awaitExit(List<ProcessHandle> processes, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      int alive = (int) processes.stream().filter(ProcessHandle::isAlive).count();
      if (alive == 0 || System.nanoTime() >= deadline) {
        return alive;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return alive;
      }
    }
  }

  private static String cgroupOf(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cgroup"));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
