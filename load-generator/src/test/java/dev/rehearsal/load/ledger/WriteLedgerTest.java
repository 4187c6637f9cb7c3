package dev.rehearsal.load.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger kept on disk: read back in partitions, it tells the same story as the writes. */
class WriteLedgerTest {

  private static long[] hashes(String value) {
    return new long[] {ValueHash.of(value)};
  }

  @Test
  void partitionsTogetherHoldEveryKeyOnceWithItsLatestValue() throws Exception {
    try (WriteLedger ledger = new WriteLedger()) {
      TableLedger users = ledger.table("users");
      int[] columns = users.shape(List.of("id", "name"));
      long t = 0;
      for (int round = 0; round < 4; round++) {
        for (long key = 1; key <= 300; key++) {
          users.record(key, columns, hashes("v" + round + "-" + key), false, t, t + 5);
          t += 10; // no overlap: each write supersedes the previous one of its key
        }
      }
      users.record(42, columns, hashes("late"), true, t, t + 5); // and one deletion

      assertThat(users.acknowledgedWrites()).isEqualTo(1_201);
      assertThat(users.passes()).isEqualTo(1);
      for (int passes : new int[] {1, 3, 7}) {
        Set<Long> seen = new HashSet<>();
        for (int pass = 0; pass < passes; pass++) {
          Map<Long, KeyHistory> rows = users.rows(pass, passes);
          for (Map.Entry<Long, KeyHistory> row : rows.entrySet()) {
            assertThat(seen.add(row.getKey())).as("key %d in two partitions", row.getKey()).isTrue();
            long key = row.getKey();
            if (key == 42) {
              assertThat(row.getValue().check(null, List.of("name"))).isNull();
            } else {
              assertThat(row.getValue().size()).isEqualTo(1); // superseded writes forgotten on replay
              assertThat(row.getValue().check(hashes("v3-" + key), List.of("name"))).isNull();
              assertThat(row.getValue().check(hashes("v2-" + key), List.of("name"))).contains("name");
            }
          }
        }
        assertThat(seen).hasSize(300);
      }
    }
  }

  @Test
  void closingDeletesTheFiles() throws Exception {
    WriteLedger ledger = new WriteLedger();
    TableLedger orders = ledger.table("orders");
    orders.record(1, orders.shape(List.of("id", "total")), hashes("9.99"), false, 0, 1);
    Path directory = ledger.directory();
    assertThat(directory.resolve("1.writes")).exists();
    ledger.close();
    assertThat(directory).doesNotExist();
  }
}
