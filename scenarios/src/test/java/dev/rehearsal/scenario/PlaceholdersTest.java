package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {

  @ParameterizedTest
  // ` as the quote character: the SQL itself is full of ' and "
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "SELECT 1                                             | 0",
      "SELECT * FROM t WHERE id = ?                         | 1",
      "INSERT INTO t VALUES (?, ?, 'x')                     | 2",
      "SELECT '?', 'it''s ?' FROM t WHERE id = ?            | 1",
      "SELECT \"what?\" FROM t WHERE id = ?                 | 1",
      "SELECT 1 -- why?\\n FROM t WHERE id = ?               | 1",
      "SELECT /* a ? /* nested ? */ still ? */ ?            | 1",
      "SELECT data ?? 'key' FROM t WHERE id = ?             | 1",
      "SELECT 'unterminated ?                               | 0",
  })
  void countsOnlyRealPlaceholders(String sql, int expected) {
    assertThat(Placeholders.count(sql.replace("\\n", "\n"))).isEqualTo(expected);
  }
}
