package dev.rehearsal.scenario.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.scenario.sql.SqlSplitter.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

  @Test
  void splitsAtTopLevelSemicolonsAndKeepsLines() {
    List<SqlStatement> s = SqlSplitter.split("ALTER TABLE a ADD b int;\n\n  CREATE INDEX i ON a (b);\n");
    assertThat(s).containsExactly(
        new SqlStatement("ALTER TABLE a ADD b int", 1),
        new SqlStatement("CREATE INDEX i ON a (b)", 3));
  }

  @Test
  void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
    String script = """
        INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'; slash');
        SELECT "odd;name" FROM t; -- trailing; comment
        /* block; /* nested; */ still comment; */ SELECT 2;
        """;
    List<SqlStatement> s = SqlSplitter.split(script);
    assertThat(s).extracting(SqlStatement::sql).containsExactly(
        "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'; slash')",
        "SELECT \"odd;name\" FROM t",
        "-- trailing; comment\n/* block; /* nested; */ still comment; */ SELECT 2");
    assertThat(s).extracting(SqlStatement::line).containsExactly(1, 2, 2);
  }

  @Test
  void dollarQuotedBodiesStayWhole() {
    String script = """
        CREATE FUNCTION f() RETURNS trigger AS $body$
        BEGIN
          NEW.x := 1; RETURN NEW;
        END $body$ LANGUAGE plpgsql;
        DO $$ BEGIN PERFORM 1; END $$;
        SELECT $1;
        """;
    List<SqlStatement> s = SqlSplitter.split(script);
    assertThat(s).hasSize(3);
    assertThat(s.get(0).sql()).endsWith("END $body$ LANGUAGE plpgsql").contains("RETURN NEW;");
    assertThat(s.get(1)).isEqualTo(new SqlStatement("DO $$ BEGIN PERFORM 1; END $$", 5));
    assertThat(s.get(2).sql()).isEqualTo("SELECT $1");
  }

  @Test
  void commentOnlyAndEmptyPiecesAreDropped() {
    assertThat(SqlSplitter.split(";;  -- nothing\n;/* none */")).isEmpty();
  }

  @Test
  void explicitTransactionBlocksStayAsSeparateStatements() {
    assertThat(SqlSplitter.split("BEGIN; SET LOCAL lock_timeout = '1s'; ALTER TABLE t ADD c int; COMMIT;"))
        .extracting(SqlStatement::sql)
        .containsExactly("BEGIN", "SET LOCAL lock_timeout = '1s'", "ALTER TABLE t ADD c int", "COMMIT");
  }
}
