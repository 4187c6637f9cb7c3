package dev.rehearsal.harness.provision;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Who started a server: this JVM's pid and host, stamped on what it starts (a container label,
 * the embedded server's environment), so that a later run can tell a server whose owner was
 * killed (SIGKILL, a CI job's timeout: no hook runs) from one that is in use.
 */
final class OwnerProcess {

  private OwnerProcess() {}

  static long pid() {
    return ProcessHandle.current().pid();
  }

  /** This machine's name; "unknown" when it cannot be told (then no container is judged by it). */
  static String host() {
    return Host.NAME;
  }

  /** Looked up once: the lookup may ask a resolver, and every container start needs it twice. */
  private static final class Host {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (Exception e) {
        return "unknown";
      }
    }
  }

  /**
   * Whether the process that started a server is gone. A pid that cannot be parsed is not
   * "gone": only a server provably abandoned is ever stopped. (A reused pid makes a dead owner
   * look alive; the server is then left, which errs on the safe side.)
   */
  static boolean gone(String pid) {
    try {
      long owner = Long.parseLong(pid.trim());
      Optional<ProcessHandle> p = ProcessHandle.of(owner);
      return owner > 0 && (p.isEmpty() || !p.get().isAlive());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
