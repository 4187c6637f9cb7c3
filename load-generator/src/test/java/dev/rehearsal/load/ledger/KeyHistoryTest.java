package dev.rehearsal.load.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHistoryTest {

  private static final List<String> COLUMNS = List.of("email", "login_count");

  private static KeyHistory.Entry write(long start, long end, int[] columns, String... values) {
    long[] hashes = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      hashes[i] = ValueHash.of(values[i]);
    }
    return new KeyHistory.Entry(start, end, false, columns, hashes);
  }

  private static long[] row(String email, String logins) {
    return new long[] {ValueHash.of(email), ValueHash.of(logins)};
  }

  @Test
  void theLastWriteOfEachColumnMustBeThere() {
    KeyHistory h = new KeyHistory();
    h.add(write(0, 10, new int[] {0, 1}, "a@x", "0"));
    h.add(write(20, 30, new int[] {1}, "1"));
    h.add(write(40, 50, new int[] {1}, "2"));
    // the insert's email is still current; its login_count was overwritten twice
    assertThat(h.size()).isEqualTo(2);
    assertThat(h.check(row("a@x", "2"), COLUMNS)).isNull();
    assertThat(h.check(row("a@x", "1"), COLUMNS)).contains("login_count");
    assertThat(h.check(row("b@x", "2"), COLUMNS)).contains("email");
    assertThat(h.check(null, COLUMNS)).isEqualTo("row missing");
  }

  @Test
  void overlappingWritesMayHaveCommittedInEitherOrder() {
    KeyHistory h = new KeyHistory();
    h.add(write(0, 30, new int[] {1}, "5"));
    h.add(write(10, 20, new int[] {1}, "6"));
    assertThat(h.check(row(null, "5"), COLUMNS)).isNull();
    assertThat(h.check(row(null, "6"), COLUMNS)).isNull();
    assertThat(h.check(row(null, "4"), COLUMNS)).isNotNull();
    // a later write that started after both ended settles it
    h.add(write(40, 50, new int[] {1}, "7"));
    assertThat(h.size()).isEqualTo(1);
    assertThat(h.check(row(null, "6"), COLUMNS)).isNotNull();
  }

  @Test
  void anAcknowledgedDeleteMeansTheRowMustBeGone() {
    KeyHistory h = new KeyHistory();
    h.add(write(0, 10, new int[] {0, 1}, "a@x", "0"));
    h.add(new KeyHistory.Entry(20, 30, true, new int[0], new long[0]));
    assertThat(h.check(null, COLUMNS)).isNull();
    assertThat(h.check(row("a@x", "0"), COLUMNS)).contains("deletion");
    // written again after the delete: the row is back
    h.add(write(40, 50, new int[] {0, 1}, "b@x", "0"));
    assertThat(h.check(row("b@x", "0"), COLUMNS)).isNull();
    assertThat(h.check(null, COLUMNS)).isEqualTo("row missing");
  }

  @Test
  void hashesTellNullFromEmptyAndCharactersApart() {
    assertThat(ValueHash.of(null)).isNotEqualTo(ValueHash.of(""));
    assertThat(ValueHash.of("ab")).isNotEqualTo(ValueHash.of("ba"));
    assertThat(ValueHash.of("\u0100")).isNotEqualTo(ValueHash.of("\u0001"));
  }
}
