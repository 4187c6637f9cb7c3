package dev.rehearsal.harness.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, within a time limit (Testcontainers' own probe can hang). */
public final class DockerProbe {

  /**
   * {@code -Drehearsal.docker=absent} makes the probe answer "no" without asking: how a test (or a
   * user checking the embedded fallback) sees what happens on a machine without Docker on one that
   * has it.
   */
  public static final String ABSENT_PROPERTY = "rehearsal.docker";

  private static volatile Boolean cached;

  private DockerProbe() {}

  public static boolean available(Duration within) {
    if ("absent".equals(System.getProperty(ABSENT_PROPERTY))) {
      return false;
    }
    Boolean known = cached;
    if (known != null) {
      return known;
    }
    boolean answer = probe(within);
    cached = answer;
    return answer;
  }

  private static boolean probe(Duration within) {
    String host = System.getenv("DOCKER_HOST");
    // no socket and no DOCKER_HOST: do not wait for Testcontainers to try every strategy
    if ((host == null || host.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock"))
        && !Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
      return false;
    }
    CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> {
      try {
        return DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException e) {
        return false;
      }
    });
    try {
      return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      answer.cancel(true);
      return false;
    }
  }
}
