package dev.rehearsal.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededKeysTest {

  @Test
  void aTableNoLargerThanTheSampleIsReadWhole() {
    assertThat(SeededKeys.sampleSql("tags", "\"code\"", 3_000, 7, 1_000_000))
        .isEqualTo("SELECT \"code\" FROM tags WHERE \"code\" IS NOT NULL ORDER BY 1 LIMIT 1000000");
  }

  @Test
  void aLargerTableIsSampledByPagesRepeatablyWithAMarginAndABound() {
    assertThat(SeededKeys.sampleSql("devices", "\"id\"", 10_000_000, 42, 1_000_000))
        .isEqualTo("SELECT k FROM (SELECT \"id\" AS k FROM devices TABLESAMPLE SYSTEM (11.000000) REPEATABLE (42)"
            + " WHERE \"id\" IS NOT NULL LIMIT 1000000) s ORDER BY 1");
  }

  @Test
  void identifiersAreQuoted() {
    assertThat(SeededKeys.quote("Weird\"Name")).isEqualTo("\"Weird\"\"Name\"");
  }
}
