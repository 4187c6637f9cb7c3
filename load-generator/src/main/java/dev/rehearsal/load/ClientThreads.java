package dev.rehearsal.load;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads closed-loop clients run on: virtual threads where the runtime has them (Java 21+),
 * platform threads otherwise or when {@value #PROPERTY}{@code =platform}.
 *
 * <p>Why: every client blocks on its connection once per operation. 32 platform threads on 2
 * cores are 32 kernel wake-ups and context switches per round of operations, and the client's
 * kernel time then competes with the server for the same cores; virtual threads park in the JDK's
 * poller and run on one carrier per core, as pgbench's few threads poll many connections. With a
 * pool of 32 over the unix socket, on 2 cores, Java 25: 16.2k-19.7k ops/s on virtual threads
 * against 12.4k-13.4k on platform threads (Java 17) and pgbench's 13.8k-16.1k
 * (benchmarks/README.md, "closed-loop clients on virtual threads"). Open-loop workers stay
 * platform threads: their latency, measured from the intended start, is what the latency
 * calibration checks.
 *
 * <p>Looked up by reflection, so that the code still compiles and runs on Java 17.
 */
public final class ClientThreads {

  /** {@code -Drehearsal.load.threads=platform} keeps platform threads on any Java. */
  public static final String PROPERTY = "rehearsal.load.threads";

  private static final Method OF_VIRTUAL = lookUp();
  private static final Method IS_VIRTUAL = OF_VIRTUAL == null ? null : method("isVirtual");

  private ClientThreads() {}

  /** True when closed-loop clients run on virtual threads in this JVM. */
  public static boolean virtual() {
    return OF_VIRTUAL != null && !"platform".equals(System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT));
  }

  /** A client thread, not started: virtual when {@link #virtual()}, else a platform daemon thread. */
  static Thread unstarted(String name, Runnable body) {
    if (virtual()) {
      try {
        Object builder = OF_VIRTUAL.invoke(null);
        Class<?> type = Class.forName("java.lang.Thread$Builder");
        builder = type.getMethod("name", String.class).invoke(builder, name);
        return (Thread) type.getMethod("unstarted", Runnable.class).invoke(builder, body);
      } catch (ReflectiveOperationException e) {
        // not expected once ofVirtual was found; a platform thread does the same work
      }
    }
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Wakes a load thread out of a park at stop. A platform thread is interrupted, which ends a park
   * and a wait for a pool connection but not a query. A virtual thread is only unparked: an
   * interrupt would close the socket of a query in flight, and count its error against the run.
   */
  static void wake(Thread t) {
    if (isVirtual(t)) {
      LockSupport.unpark(t);
    } else {
      t.interrupt();
    }
  }

  private static boolean isVirtual(Thread t) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (Boolean) IS_VIRTUAL.invoke(t);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static Method lookUp() {
    return Runtime.version().feature() >= 21 ? method("ofVirtual") : null;
  }

  private static Method method(String name) {
    try {
      return Thread.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
