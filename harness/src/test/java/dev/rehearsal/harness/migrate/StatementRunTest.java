package dev.rehearsal.harness.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.BlockedTime.HeldLock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StatementRunTest {

  /**
   * The lock reader's thread may still be adding a statement's locks when the runner reports the statement (a read
   * slower than the runner's few-millisecond wait, as on a loaded CI host). Copying the set while it grew threw
   * ArrayIndexOutOfBoundsException from the copy; every snapshot must be whole.
   */
  @Test
  void anOutcomeTakenWhileLocksAreStillBeingReadIsAWholeSnapshot() {
    for (int round = 0; round < 200; round++) {
      StatementRun run = new StatementRun(1, "up", "step 1", "sql",
          new PlannedStatement("CREATE INDEX i ON t (c)", "step 1", 1), true);
      CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 50; i++) {
          run.held(List.of(new HeldLock("t" + i, "ShareLock", null)));
        }
      });
      while (!reader.isDone()) {
        List<HeldLock> seen = run.outcome().locks();
        assertThat(seen).allSatisfy(lock -> assertThat(lock.mode()).isEqualTo("ShareLock"));
      }
      assertThat(run.outcome().locks()).hasSize(50);
    }
  }
}
