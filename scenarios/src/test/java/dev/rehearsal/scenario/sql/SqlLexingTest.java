package dev.rehearsal.scenario.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lexical pieces every SQL reader here skips whole. */
class SqlLexingTest {

  @Test
  void wordsKeepTheirDollarSigns() {
    String sql = "SELECT a$b$c FROM t";
    assertThat(sql.substring(7, SqlLexing.afterWord(sql, 7))).isEqualTo("a$b$c");
  }

  @Test
  void quotedTextEndsAtItsClosingQuoteNotADoubledOne() {
    String sql = "'it''s' rest";
    assertThat(SqlLexing.afterQuoted(sql, 0, '\'', false)).isEqualTo(7);
    String escaped = "'a\\'b' rest"; // E'a\'b'
    assertThat(SqlLexing.afterQuoted(escaped, 0, '\'', true)).isEqualTo(6);
    assertThat(SqlLexing.afterQuoted("'never closed", 0, '\'', false)).isEqualTo(13);
    assertThat(SqlLexing.afterQuoted("\"My \"\"Table\"\"\" x", 0, '"', false)).isEqualTo(14);
  }

  @Test
  void dollarQuotesHaveTagsAndPositionalParametersDoNot() {
    assertThat(SqlLexing.dollarTag("$$ body $$", 0)).isEqualTo("$$");
    assertThat(SqlLexing.dollarTag("$fn$ body $fn$", 0)).isEqualTo("$fn$");
    assertThat(SqlLexing.dollarTag("$1 + $2", 0)).isNull();
    assertThat(SqlLexing.dollarTag("$ alone", 0)).isNull();
    String nested = "$outer$ SELECT $$inner;$$ $outer$;";
    assertThat(SqlLexing.afterDollarQuoted(nested, 0, "$outer$")).isEqualTo(nested.length() - 1);
    assertThat(SqlLexing.afterDollarQuoted("$$$$;", 0, "$$")).isEqualTo(4); // an empty body
  }

  @Test
  void blockCommentsNest() {
    String sql = "/* a /* b */ c */ SELECT 1";
    assertThat(SqlLexing.afterBlockComment(sql, 0)).isEqualTo(17);
    assertThat(SqlLexing.afterBlockComment("/* open", 0)).isEqualTo(7);
  }
}
