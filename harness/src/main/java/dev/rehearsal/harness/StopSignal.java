package dev.rehearsal.harness;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request to stop the rehearsal early (SIGINT or SIGTERM): the work in progress is cancelled —
 * the running migration statement through the server's cancel request, sleeps by interrupting
 * the thread — and the rehearsal then writes what it measured as an incomplete report and closes
 * what it started. Process-wide, like the signals it stands for.
 */
public final class StopSignal {

  private static volatile String reason;
  private static final List<Runnable> CANCELLERS = new CopyOnWriteArrayList<>();

  private StopSignal() {}

  /** Asks the rehearsal running on {@code worker} to stop, and cancels what can be cancelled. */
  public static void request(String why, Thread worker) {
    reason = why;
    for (Runnable cancel : CANCELLERS) {
      try {
        cancel.run();
      } catch (RuntimeException e) {
        // best effort: the interrupt below still stops the rehearsal at its next wait
      }
    }
    worker.interrupt();
  }

  public static boolean requested() {
    return reason != null;
  }

  /** Why the rehearsal was stopped, or null. */
  public static String reason() {
    return reason;
  }

  /** Runs {@code cancel} if a stop is requested while the returned registration is open. */
  public static Registration onStop(Runnable cancel) {
    CANCELLERS.add(cancel);
    if (requested()) {
      cancel.run();
    }
    return () -> CANCELLERS.remove(cancel);
  }

  /** An open cancel registration; closing it removes the canceller. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Forgets a request (tests run several commands in one JVM). */
  public static void reset() {
    reason = null;
    CANCELLERS.clear();
  }
}
