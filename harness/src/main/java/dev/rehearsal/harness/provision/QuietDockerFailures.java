package dev.rehearsal.harness.provision;

import java.io.PrintStream;

/**
 * With Ryuk disabled, Testcontainers removes its containers from a JVM shutdown hook of its own; if
 * the Docker daemon has stopped, that hook dies with a 60-line stack trace after the rehearsal has
 * already said what happened. This turns an exception that escapes one of Testcontainers' threads
 * into one line; any other uncaught exception goes to the handler that was there before (or is
 * printed as the JVM would).
 */
final class QuietDockerFailures implements Thread.UncaughtExceptionHandler {

  private static boolean installed;

  private final Thread.UncaughtExceptionHandler previous;
  private final PrintStream err;

  QuietDockerFailures(Thread.UncaughtExceptionHandler previous, PrintStream err) {
    this.previous = previous;
    this.err = err;
  }

  static synchronized void install() {
    if (!installed) {
      installed = true;
      Thread.setDefaultUncaughtExceptionHandler(
          new QuietDockerFailures(Thread.getDefaultUncaughtExceptionHandler(), System.err));
    }
  }

  @Override
  public void uncaughtException(Thread thread, Throwable e) {
    if (fromTestcontainers(e)) {
      err.println("WARN  Testcontainers (thread " + thread.getName() + ") failed: " + root(e));
      err.flush();
    } else if (previous != null) {
      previous.uncaughtException(thread, e);
    } else {
      err.print("Exception in thread \"" + thread.getName() + "\" ");
      e.printStackTrace(err);
    }
  }

  private static Throwable root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** Thrown by Testcontainers' or its Docker client's code (its own frames are on the stack). */
  static boolean fromTestcontainers(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.testcontainers.")) {
        return true;
      }
    }
    return false;
  }
}
