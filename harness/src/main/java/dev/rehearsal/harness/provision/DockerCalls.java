package dev.rehearsal.harness.provision;

import com.github.dockerjava.api.exception.DockerException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Docker API calls with a time limit. A daemon that has stopped fails a call at once (no socket),
 * but one that hangs would hang the caller: every call the container provider makes after the
 * container started goes through here, on a daemon thread, so a rehearsal never waits on Docker
 * for longer than the limit, and a JVM exit never waits on it at all. The caller's interrupt (a
 * stop request) does not cut the wait short: it would be taken for a daemon that does not answer.
 */
final class DockerCalls {

  private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "rehearsal-docker-call");
    t.setDaemon(true);
    return t;
  });

  private DockerCalls() {}

  /** The daemon did not answer: no socket, a broken connection, or no reply within the limit. */
  static final class NoAnswer extends RuntimeException {
    private final boolean timedOut;

    NoAnswer(String message, Throwable cause, boolean timedOut) {
      super(message, cause);
      this.timedOut = timedOut;
    }

    /** The daemon may be there but hung (rather than gone: no socket, connection refused). */
    boolean timedOut() {
      return timedOut;
    }
  }

  /**
   * @return what {@code call} returned
   * @throws DockerException the daemon answered with an error (404 for a container that is gone, ...)
   * @throws NoAnswer the daemon did not answer within {@code limit}
   */
  static <T> T call(Duration limit, Supplier<T> call) {
    CompletableFuture<T> answer = CompletableFuture.supplyAsync(call, CALLS);
    long deadline = System.nanoTime() + limit.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (TimeoutException e) {
      answer.cancel(true);
      String within = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
      throw new NoAnswer("no answer within " + within, e, true);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DockerException answered) {
        throw answered;
      }
      throw new NoAnswer(rootMessage(cause), cause, false);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs {@code action} within {@code limit}; see {@link #call}. */
  static void run(Duration limit, Runnable action) {
    call(limit, () -> {
      action.run();
      return null;
    });
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
