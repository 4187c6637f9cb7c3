package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a container's processes from the host when the Docker daemon is gone, on a process
 * tree of this test's own (the cgroup that would name the container is faked).
 */
class ContainerProcessesTest {

  static final String ID = "3e7fe8eace5693ee730653dc6f5ebd02754a3939244c7b01ad9df2f812703200";
  static final String CGROUP = "9:name=systemd:/docker/" + ID + "\n0::/docker/" + ID + "\n";

  private Process tree;

  @BeforeEach
  void unixOnly() {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs /bin/bash to make a process tree");
  }

  @AfterEach
  void killTree() {
    if (tree != null) {
      tree.descendants().forEach(ProcessHandle::destroyForcibly);
      tree.destroyForcibly();
    }
  }

  /** bash with two sleeping children, like a postmaster with its backends. */
  private Process startTree(String script) throws Exception {
    tree = new ProcessBuilder("/bin/bash", "-c", script).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (tree.descendants().count() < 2 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    assertThat(tree.descendants().count()).as("children started").isGreaterThanOrEqualTo(2);
    return tree;
  }

  @Test
  void findsTheInitProcessAndItsDescendantsWhenTheCgroupNamesTheContainer() throws Exception {
    Process p = startTree("sleep 60 & sleep 60 & wait");
    ContainerProcesses.Sighting seen = ContainerProcesses.find(ID, p.pid(), pid -> CGROUP);
    assertThat(seen.state()).isEqualTo(ContainerProcesses.State.RUNNING);
    assertThat(seen.processes()).hasSize(3).extracting(ProcessHandle::pid).contains(p.pid());

    assertThat(ContainerProcesses.stop(seen.processes(), Duration.ofSeconds(5))).isZero();
    assertThat(seen.processes()).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void killsWhatIgnoresSigterm() throws Exception {
    // an ignored SIGTERM is inherited by the children
    Process p = startTree("trap '' TERM; sleep 60 & sleep 60 & wait");
    List<ProcessHandle> processes = ContainerProcesses.find(ID, p.pid(), pid -> CGROUP).processes();
    long t0 = System.nanoTime();
    assertThat(ContainerProcesses.stop(processes, Duration.ofMillis(300))).isZero();
    assertThat(processes).noneMatch(ProcessHandle::isAlive);
    assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(3));
  }

  @Test
  void aPidWhoseCgroupDoesNotNameTheContainerIsNeverTouched() throws Exception {
    Process p = startTree("sleep 60 & sleep 60 & wait");
    assertThat(ContainerProcesses.find(ID, p.pid(), pid -> "0::/user.slice\n").state())
        .isEqualTo(ContainerProcesses.State.NOT_VISIBLE);
    assertThat(ContainerProcesses.find(ID, p.pid(), pid -> "").processes()).isEmpty();
    assertThat(ContainerProcesses.find(null, p.pid(), pid -> CGROUP).state())
        .isEqualTo(ContainerProcesses.State.NOT_VISIBLE);
    assertThat(p.isAlive()).isTrue();
  }

  @Test
  void anExitedInitProcessIsGoneAndAnUnknownPidNotVisible() throws Exception {
    Process done = new ProcessBuilder("/bin/bash", "-c", "exit 0").start();
    done.waitFor();
    assertThat(ContainerProcesses.find(ID, done.pid(), pid -> CGROUP).state())
        .isEqualTo(ContainerProcesses.State.GONE);
    assertThat(ContainerProcesses.find(ID, -1, pid -> CGROUP).state())
        .isEqualTo(ContainerProcesses.State.NOT_VISIBLE);
  }

  @Test
  void exitedContainersAndRunningOnesOfAKilledRehearsalHereAreLeftovers() throws Exception {
    Map<String, String> none = Map.of();
    assertThat(ContainerProvider.isLeftover("exited", none, "here")).isTrue();
    assertThat(ContainerProvider.isLeftover("dead", none, "here")).isTrue();
    // created: a rehearsal starting now; running, paused, restarting, removing: in use or going
    for (String state : List.of("created", "running", "paused", "restarting", "removing")) {
      assertThat(ContainerProvider.isLeftover(state, none, "here")).as(state).isFalse();
    }
    assertThat(ContainerProvider.isLeftover(null, none, "here")).isFalse();

    Process done = new ProcessBuilder("/bin/bash", "-c", "exit 0").start();
    done.waitFor();
    Map<String, String> killed = Map.of(ContainerProvider.OWNER_PID_LABEL, Long.toString(done.pid()),
        ContainerProvider.OWNER_HOST_LABEL, "here");
    Map<String, String> alive = Map.of(ContainerProvider.OWNER_PID_LABEL, Long.toString(ProcessHandle.current().pid()),
        ContainerProvider.OWNER_HOST_LABEL, "here");
    assertThat(ContainerProvider.isLeftover("running", killed, "here")).isTrue();
    assertThat(ContainerProvider.isLeftover("running", alive, "here")).isFalse();
    // another host's rehearsal, or one whose host could not be told: never judged from here
    assertThat(ContainerProvider.isLeftover("running", killed, "elsewhere")).isFalse();
    assertThat(ContainerProvider.isLeftover("running", killed, "unknown")).isFalse();
    assertThat(ContainerProvider.isLeftover("running", Map.of(ContainerProvider.OWNER_PID_LABEL, "x",
        ContainerProvider.OWNER_HOST_LABEL, "here"), "here")).isFalse();
  }
}
