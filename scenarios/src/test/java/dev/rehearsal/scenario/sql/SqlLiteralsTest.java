package dev.rehearsal.scenario.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

  @Test
  void aNormalizedStatementHoldsNoValues() {
    String sql = "SELECT \"Name\", email FROM users WHERE id = $1 AND note::varchar(20) <> $2 LIMIT $3";
    assertThat(SqlLiterals.holdsStringLiterals(sql)).isFalse();
    assertThat(SqlLiterals.mask(sql)).isEqualTo(sql);
  }

  @Test
  void everyKindOfStringLiteralIsMasked() {
    assertThat(SqlLiterals.mask("SET app.user = 'bob@example.com'")).isEqualTo("SET app.user = '?'");
    assertThat(SqlLiterals.mask("SELECT 'it''s', E'a\\'b', e'x' FROM t"))
        .isEqualTo("SELECT '?', '?', '?' FROM t");
    assertThat(SqlLiterals.mask("DO $body$ BEGIN PERFORM 'secret'; END $body$")).isEqualTo("DO '?'");
    assertThat(SqlLiterals.mask("SELECT $$alice$$, U&'d\\0061t', X'1F'")).isEqualTo("SELECT '?', U&'?', X'?'");
    assertThat(SqlLiterals.holdsStringLiterals("COPY users FROM '/srv/export/users.csv'")).isTrue();
  }

  @Test
  void commentsAreMaskedTooForTheyMayCarryValuesAndCanBeDropped() {
    String tagged = "SELECT 1 /* user='bob' */ -- trace 42\nFROM t";
    assertThat(SqlLiterals.mask(tagged)).isEqualTo("SELECT 1 /*?*/ /*?*/\nFROM t");
    assertThat(SqlLiterals.holdsStringLiterals(tagged)).as("a value in a comment is no literal").isFalse();
    assertThat(SqlLiterals.withoutComments("/*controller='orders'*/ SELECT 'x' FROM t -- end"))
        .isEqualTo("SELECT 'x' FROM t");
  }

  @Test
  void wordsEndingInEAndDollarNamesAreNotStrings() {
    String sql = "SELECT name$1, price FROM line WHERE code = $1";
    assertThat(SqlLiterals.holdsStringLiterals(sql)).isFalse();
    assertThat(SqlLiterals.mask("SELECT type 'x'")).isEqualTo("SELECT type '?'");
  }
}
