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
        Set<Object> seen = new HashSet<>();
        for (int pass = 0; pass < passes; pass++) {
          Map<Object, KeyHistory> rows = users.rows(pass, passes);
          for (Map.Entry<Object, KeyHistory> row : rows.entrySet()) {
            assertThat(seen.add(row.getKey())).as("key %s in two partitions", row.getKey()).isTrue();
            long key = (Long) row.getKey();
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

  @Test
  void textAndUuidKeysAreReadBackAsWritten() throws Exception {
    try (WriteLedger ledger = new WriteLedger()) {
      TableLedger tags = ledger.table("tags");
      int[] columns = tags.shape(List.of("code", "label"));
      List<String> codes = List.of("rh-1", "été-ß", "a".repeat(70_000));
      for (String code : codes) {
        tags.record(code, columns, hashes(code), false, 0, 1);
      }
      assertThat(tags.keyType()).isEqualTo("text");
      assertThat(tags.rows(0, 1)).containsOnlyKeys(codes.toArray());

      TableLedger devices = ledger.table("devices");
      java.util.UUID id = java.util.UUID.randomUUID();
      devices.record(id, devices.shape(List.of("id")), new long[0], false, 0, 1);
      assertThat(devices.keyType()).isEqualTo("uuid");
      assertThat(devices.rows(0, 1)).containsOnlyKeys(id);
    }
  }

  @Test
  void integerKeysOfAnyWidthAreOneKey() throws Exception {
    try (WriteLedger ledger = new WriteLedger()) {
      TableLedger users = ledger.table("users");
      int[] columns = users.shape(List.of("id", "name"));
      users.record(7, columns, hashes("a"), false, 0, 1);
      users.record(7L, columns, hashes("b"), false, 10, 11);
      assertThat(users.keyType()).isEqualTo("bigint");
      assertThat(users.rows(0, 1)).containsOnlyKeys(7L);
      users.inDoubt(new Object[] {7, "x"});
      assertThat(users.inDoubt(7L)).isTrue();
      assertThat(users.inDoubt("x")).isTrue();
    }
  }
}
