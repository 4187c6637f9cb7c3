package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements of a ledgered operation are writes whose RETURNING rows are recorded. */
class OperationRunnerTest {

  @Test
  void writesAreRecognisedPastCommentsAndInDataModifyingCtes() {
    assertThat(OperationRunner.isWrite("INSERT INTO t VALUES (1) RETURNING id")).isTrue();
    assertThat(OperationRunner.isWrite("  update t SET a = 1 RETURNING id")).isTrue();
    assertThat(OperationRunner.isWrite("-- bump\nUPDATE t SET a = 1 RETURNING id")).isTrue();
    assertThat(OperationRunner.isWrite("/* c */ DELETE FROM t RETURNING id")).isTrue();
    assertThat(OperationRunner.isWrite("WITH d AS (DELETE FROM t RETURNING id) SELECT id FROM d")).isTrue();
    assertThat(OperationRunner.isWrite("SELECT abalance FROM pgbench_accounts WHERE aid = ?")).isFalse();
    assertThat(OperationRunner.isWrite("WITH x AS (SELECT 1) SELECT * FROM x")).isFalse();
    assertThat(OperationRunner.isDelete("/* c */ delete FROM t RETURNING id")).isTrue();
  }
}
