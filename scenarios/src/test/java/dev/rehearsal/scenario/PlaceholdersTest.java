package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
      "SELECT $$ why? $$, ?                                 | 1",
      "SELECT $fn$ a ? $$ still ? $fn$, ?                   | 1",
      "SELECT $1, ?                                         | 1",
      "SELECT E'it\\'s ?', ?                                | 1",
      "SELECT a$b$c, ? FROM t                               | 1",
      "SELECT :id, x::int FROM t                            | 0",
  })
  void countsOnlyRealPlaceholders(String sql, int expected) {
    assertThat(Placeholders.count(sql.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @ParameterizedTest
  // sql | the rewritten sql | the names, comma-separated
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "SELECT 1                            | SELECT 1                         | ``",
      "SELECT * FROM t WHERE id = :id      | SELECT * FROM t WHERE id = ?     | id",
      "SELECT :a + :b                      | SELECT ? + ?                     | a,b",
      "SELECT :aid, :aid                   | SELECT ?, ?                      | aid,aid",
      "SELECT x::int, :n::text             | SELECT x::int, ?::text           | n",
      "SELECT ':no', \":no\"               | SELECT ':no', \":no\"            | ``",
      "SELECT 1 -- :no\\n + :yes           | SELECT 1 -- :no\\n + ?           | yes",
      "SELECT /* :no */ :yes               | SELECT /* :no */ ?               | yes",
      "SELECT $$ :no $$, $t$ :no $t$, :yes | SELECT $$ :no $$, $t$ :no $t$, ? | yes",
      "SELECT E'\\' :no', :yes             | SELECT E'\\' :no', ?             | yes",
      "SELECT data ?? 'k', :k              | SELECT data ?? 'k', ?            | k",
      "SELECT :_x1, :x_2y                  | SELECT ?, ?                      | _x1,x_2y",
      "SELECT :1, : x, :-y                 | SELECT :1, : x, :-y              | ``",
      "SELECT f(a := 1), arr[1:2]          | SELECT f(a := 1), arr[1:2]       | ``",
      "SELECT :end                         | SELECT ?                         | end",
  })
  void rewritesNamedParameters(String sql, String rewritten, String names) {
    Placeholders.Rewritten result = Placeholders.rewriteNamed(sql.replace("\\n", "\n"));

    assertThat(result.sql()).isEqualTo(rewritten.replace("\\n", "\n"));
    assertThat(result.names())
        .isEqualTo(names.isEmpty() ? List.of() : Arrays.asList(names.split(",")));
  }

  @Test
  void rewritingKeepsPositionalPlaceholders() {
    assertThat(Placeholders.rewriteNamed("SELECT ?, :a").sql()).isEqualTo("SELECT ?, ?");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "INSERT INTO t VALUES (1) RETURNING id           | true",
      "update t set x = 1 returning id, x              | true",
      "INSERT INTO t VALUES ('RETURNING')              | false",
      "INSERT INTO t VALUES (1) -- RETURNING id        | false",
      "INSERT INTO t VALUES (1) /* RETURNING */        | false",
      "INSERT INTO t (returning_id) VALUES (1)         | false",
      "INSERT INTO t (\"returning\") VALUES (1)        | false",
      "SELECT $$ RETURNING $$                          | false",
  })
  void findsKeywordsOutsideStringsAndComments(String sql, boolean expected) {
    assertThat(Placeholders.containsKeyword(sql, "RETURNING")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "BEGIN                               | begin",
      "  -- start\\n /* x */ Commit;       | commit",
      "(SELECT 1)                          | select",
      "-- nothing                          | ``",
  })
  void firstKeyword(String sql, String expected) {
    assertThat(Placeholders.firstKeyword(sql.replace("\\n", "\n")))
        .isEqualTo(expected.isEmpty() ? null : expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"aid", "_x", "user_id2", "Ä"})
  void parameterNames(String name) {
    assertThat(Placeholders.isParameterName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "user-id", "a b", "a$"})
  void notParameterNames(String name) {
    assertThat(Placeholders.isParameterName(name)).isFalse();
  }

  @Test
  void writeKeyword() {
    assertThat(Placeholders.writeKeyword("SELECT id FROM users WHERE id = ?")).isNull();
    assertThat(Placeholders.writeKeyword("SELECT 'update' AS \"delete\" -- insert")).isNull();
    assertThat(Placeholders.writeKeyword("SELECT updated_at, share FROM users")).isNull();
    assertThat(Placeholders.writeKeyword("WITH d AS (DELETE FROM t RETURNING id) SELECT * FROM d")).isEqualTo("DELETE");
    assertThat(Placeholders.writeKeyword("select * from t where id = 1 for no key update")).isEqualTo("UPDATE");
    assertThat(Placeholders.writeKeyword("SELECT * FROM t FOR KEY SHARE")).isEqualTo("FOR SHARE");
    assertThat(Placeholders.writeKeyword("SELECT nextval('s')")).isEqualTo("NEXTVAL");
    assertThat(Placeholders.writeKeyword("MERGE INTO t USING s ON true WHEN MATCHED THEN DO NOTHING"))
        .isEqualTo("MERGE");
  }
}
