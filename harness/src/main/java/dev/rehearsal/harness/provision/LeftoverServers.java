package dev.rehearsal.harness.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Embedded servers left running by rehearsals that were killed. A JVM killed with SIGKILL (a CI
 * job's timeout, the OOM killer) runs no hook, and pg_ctl has detached the server it started, so
 * the server runs on and holds its port, memory and data directory. Every embedded server the
 * harness starts has {@code cluster_name=}{@value #CLUSTER_NAME} on its command line, and pg_ctl
 * leaves the starting JVM's pid in the server's environment ({@code PG_GRANDPARENT_PID}): a server
 * of ours whose JVM is gone is a leftover. It is stopped (SIGTERM, then SIGKILL after 10 s) and,
 * when its data directory was a temporary one, that is removed; a seed cache's directory stays.
 */
final class LeftoverServers {

  static final String CLUSTER_NAME = "rehearsal-embedded";

  /** A postmaster whose launching JVM is gone. */
  record Leftover(ProcessHandle postmaster, long launcherPid, Path dataDirectory) {}

  private LeftoverServers() {}

  /** This machine's leftovers; none where processes cannot be inspected (not Linux). */
  static List<Leftover> find() {
    List<Leftover> found = new ArrayList<>();
    ProcessHandle.allProcesses().filter(LeftoverServers::isOurPostmaster).forEach(p -> {
      String launcher = environment(p, "PG_GRANDPARENT_PID");
      if (launcher != null && OwnerProcess.gone(launcher)) {
        found.add(new Leftover(p, Long.parseLong(launcher.trim()), dataDirectory(p)));
      }
    });
    return found;
  }

  private static boolean isOurPostmaster(ProcessHandle p) {
    boolean postgres = p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    boolean ours = Arrays.asList(p.info().arguments().orElse(new String[0]))
        .contains("cluster_name=" + CLUSTER_NAME);
    boolean postmaster = p.parent().flatMap(parent -> parent.info().command())
        .map(c -> !c.endsWith("/postgres")).orElse(true);
    return postgres && ours && postmaster;
  }

  /** The value of one variable in a process's environment, or null. */
  private static String environment(ProcessHandle p, String name) {
    try {
      String env = new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ")),
          StandardCharsets.UTF_8);
      for (String entry : env.split("\0")) {
        if (entry.startsWith(name + "=")) {
          return entry.substring(name.length() + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone meanwhile, or not Linux
    }
    return null;
  }

  private static Path dataDirectory(ProcessHandle p) {
    List<String> args = Arrays.asList(p.info().arguments().orElse(new String[0]));
    int d = args.indexOf("-D");
    return d >= 0 && d + 1 < args.size() ? Path.of(args.get(d + 1)) : null;
  }

  /**
   * Stops each leftover and removes its data directory if zonky made it in the temporary
   * directory ({@code epg<digits>}).
   *
   * @return one line per leftover, for the console
   */
  static List<String> stop(List<Leftover> leftovers) {
    List<String> lines = new ArrayList<>();
    for (Leftover l : leftovers) {
      List<ProcessHandle> processes = new ArrayList<>();
      l.postmaster().descendants().forEach(processes::add);
      processes.add(l.postmaster());
      int left = ContainerProcesses.stop(processes, Duration.ofSeconds(10));
      String what = "pid " + l.postmaster().pid() + ", started by pid " + l.launcherPid() + " which is gone";
      if (left > 0) {
        lines.add("could not stop an embedded PostgreSQL server left by a killed rehearsal (" + what + ")");
        continue;
      }
      boolean removed = temporary(l.dataDirectory()) && removeTree(l.dataDirectory());
      lines.add("stopped an embedded PostgreSQL server left running by a rehearsal that was killed (" + what + ")"
          + (removed ? "; removed its data directory " + l.dataDirectory() : ""));
    }
    return lines;
  }

  private static boolean temporary(Path dir) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    // zonky's own (epgNNN) or a standby's copy (EmbeddedStandby)
    return dir != null && dir.getFileName() != null
        && dir.getFileName().toString().matches("epg\\d+|" + EmbeddedStandby.DIRECTORY_PREFIX + "\\d+")
        && tmp.equals(dir.toAbsolutePath().normalize().getParent());
  }

  private static boolean removeTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Finds and stops leftovers; what was done, one line each (none when there were none). */
  static List<String> clean() {
    List<Leftover> found = find();
    return found.isEmpty() ? List.of() : stop(found);
  }
}
