package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietDockerFailuresTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Throwable> delegated = new ArrayList<>();
  private final QuietDockerFailures handler = new QuietDockerFailures((t, e) -> delegated.add(e),
      new PrintStream(out, true, StandardCharsets.UTF_8));

  @Test
  void testcontainersExitCleanUpWithoutDockerIsOneLine() {
    RuntimeException e = new RuntimeException(new SocketException("No such file or directory"));
    e.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("com.github.dockerjava.zerodep.ApacheDockerHttpClientImpl", "execute", null, 193),
        new StackTraceElement("org.testcontainers.utility.JVMHookResourceReaper", "prune", null, 45),
        new StackTraceElement("java.lang.Thread", "run", null, 840)});
    handler.uncaughtException(new Thread("Thread-1"), e);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).isEqualTo("WARN  Testcontainers (thread Thread-1) failed: "
        + "java.net.SocketException: No such file or directory" + System.lineSeparator());
    assertThat(delegated).isEmpty();
  }

  @Test
  void anythingElseGoesToThePreviousHandler() {
    IllegalStateException e = new IllegalStateException("a bug of ours");
    handler.uncaughtException(new Thread("worker"), e);
    assertThat(delegated).containsExactly(e);
    assertThat(out.size()).isZero();
  }

  @Test
  void withoutAPreviousHandlerItPrintsAsTheJvmWould() {
    QuietDockerFailures alone = new QuietDockerFailures(null, new PrintStream(out, true, StandardCharsets.UTF_8));
    alone.uncaughtException(new Thread("worker"), new IllegalStateException("a bug of ours"));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: a bug of ours")
        .contains("\tat ");
  }
}
