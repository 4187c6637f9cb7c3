package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientThreadsTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(ClientThreads.PROPERTY);
  }

  @Test
  void virtualExactlyWhereTheRuntimeHasVirtualThreads() {
    assertThat(ClientThreads.virtual()).isEqualTo(Runtime.version().feature() >= 21);
    Thread t = ClientThreads.unstarted("rehearsal-load-client-1", () -> { });
    assertThat(t.getName()).isEqualTo("rehearsal-load-client-1");
    assertThat(t.isDaemon()).isTrue(); // a client never keeps the JVM alive, on either kind
    assertThat(t.toString().contains("VirtualThread")).isEqualTo(ClientThreads.virtual());
  }

  @Test
  void platformThreadsWhenAskedFor() {
    System.setProperty(ClientThreads.PROPERTY, "platform");
    assertThat(ClientThreads.virtual()).isFalse();
    Thread t = ClientThreads.unstarted("rehearsal-load-client-2", () -> { });
    assertThat(t.toString()).doesNotContain("VirtualThread");
    assertThat(t.isDaemon()).isTrue();
  }

  @Test
  void wakeEndsAParkWithoutInterruptingAVirtualThread() throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch parked = new CountDownLatch(1);
    Thread t = ClientThreads.unstarted("rehearsal-load-client-3", () -> {
      parked.countDown();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long wait;
      while (running.get() && (wait = until - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      interrupted.set(Thread.currentThread().isInterrupted());
    });
    t.start();
    assertThat(parked.await(5, TimeUnit.SECONDS)).isTrue();
    running.set(false);
    ClientThreads.wake(t);
    t.join(5_000);
    assertThat(t.isAlive()).as("woken out of a 30 s park").isFalse();
    // a platform thread is interrupted (as before); a virtual one must not be: an interrupt would
    // close the socket of a query in flight
    assertThat(interrupted.get()).isEqualTo(!ClientThreads.virtual());
  }
}
