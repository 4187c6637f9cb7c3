package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DockerCallsTest {

  @Test
  void answersPassThrough() {
    assertThat(DockerCalls.call(Duration.ofSeconds(5), () -> "pong")).isEqualTo("pong");
  }

  @Test
  void aHungDaemonIsNoAnswerAfterTheLimit() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> DockerCalls.call(Duration.ofMillis(200), () -> {
      sleep(10_000);
      return null;
    })).isInstanceOfSatisfying(DockerCalls.NoAnswer.class, e -> {
      assertThat(e.timedOut()).isTrue();
      assertThat(e.getMessage()).isEqualTo("no answer within 200 ms");
    });
    assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void aMissingSocketIsNoAnswerWithTheRootCause() {
    assertThatThrownBy(() -> DockerCalls.call(Duration.ofSeconds(5), () -> {
      throw new RuntimeException(new UncheckedIOException(new SocketException("No such file or directory")));
    })).isInstanceOfSatisfying(DockerCalls.NoAnswer.class, e -> {
      assertThat(e.timedOut()).isFalse();
      assertThat(e.getMessage()).isEqualTo("No such file or directory");
    });
  }

  @Test
  void errorsTheDaemonAnsweredWithAreRethrownAsThey() {
    assertThatThrownBy(() -> DockerCalls.call(Duration.ofSeconds(5), () -> {
      throw new NotFoundException("No such container: abc");
    })).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theCallersInterruptDoesNotCutTheWaitShortAndIsKept() {
    Thread.currentThread().interrupt();
    try {
      assertThat(DockerCalls.call(Duration.ofSeconds(5), () -> {
        sleep(200);
        return "answered";
      })).isEqualTo("answered");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
