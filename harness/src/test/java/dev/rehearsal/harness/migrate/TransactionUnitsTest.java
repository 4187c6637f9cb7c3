package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.sql.SqlSplitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.TransactionMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A step's statements grouped into the units that run and are retried as a whole. */
class TransactionUnitsTest {

  private static final String ORIGIN = "V7__accounts.sql";

  /** The statements of a script, one per line (line numbers as SqlSplitter gives them). */
  private static List<PlannedStatement> script(String... sql) {
    List<PlannedStatement> statements = new ArrayList<>();
    for (int i = 0; i < sql.length; i++) {
      statements.add(new PlannedStatement(sql[i], ORIGIN, i + 1));
    }
    return statements;
  }

  private static Unit inTransaction(PlannedStatement... statements) {
    return new Unit(List.of(statements), true, false);
  }

  private static Unit bare(PlannedStatement statement) {
    return new Unit(List.of(statement), false, false);
  }

  @Nested
  class Auto {

    private List<Unit> group(List<PlannedStatement> s) {
      return TransactionUnits.group(s, TransactionMode.AUTO);
    }

    @Test
    void eachStatementRunsInATransactionOfItsOwn() {
      List<PlannedStatement> s = script(
          "ALTER TABLE accounts ADD COLUMN note text",
          "UPDATE accounts SET note = ''",
          "ALTER TABLE accounts ALTER COLUMN note SET NOT NULL");
      assertThat(group(s)).containsExactly(inTransaction(s.get(0)), inTransaction(s.get(1)), inTransaction(s.get(2)));
    }

    @Test
    void aBeginCommitBlockIsOneUnitWithoutTheBeginAndCommit() {
      List<PlannedStatement> s = script(
          "SET lock_timeout = '2s'",
          "BEGIN",
          "LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE",
          "SELECT pg_sleep(2)",
          "COMMIT",
          "ANALYZE accounts");
      assertThat(group(s)).containsExactly(
          inTransaction(s.get(0)),
          inTransaction(s.get(2), s.get(3)),
          inTransaction(s.get(5)));
    }

    @Test
    void aBlockEndingInRollbackIsRunThenRolledBack() {
      List<PlannedStatement> s = script("BEGIN", "DELETE FROM accounts", "ROLLBACK");
      assertThat(group(s)).containsExactly(new Unit(List.of(s.get(1)), true, true));
      List<PlannedStatement> abort = script("begin", "DELETE FROM accounts", "abort");
      assertThat(group(abort)).containsExactly(new Unit(List.of(abort.get(1)), true, true));
    }

    @Test
    void startTransactionAndEndAreBeginAndCommit() {
      List<PlannedStatement> s = script(
          "START TRANSACTION ISOLATION LEVEL READ COMMITTED",
          "ALTER TABLE a ADD COLUMN x int",
          "ALTER TABLE b ADD COLUMN y int",
          "END");
      assertThat(group(s)).containsExactly(inTransaction(s.get(1), s.get(2)));
    }

    @Test
    void savepointsStayInsideTheirBlock() {
      List<PlannedStatement> s = script(
          "BEGIN",
          "SAVEPOINT before_alter",
          "ALTER TABLE accounts ADD COLUMN note text",
          "ROLLBACK TO SAVEPOINT before_alter",
          "COMMIT");
      assertThat(group(s)).containsExactly(inTransaction(s.get(1), s.get(2), s.get(3)));
    }

    @Test
    void anEmptyBlockIsNoUnit() {
      List<PlannedStatement> s = script("BEGIN", "COMMIT", "SELECT 1");
      assertThat(group(s)).containsExactly(inTransaction(s.get(2)));
    }

    @Test
    void statementsThatRefuseATransactionBlockAreSentBareInAutocommit() {
      List<PlannedStatement> s = script(
          "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)",
          "VACUUM ANALYZE accounts",
          "REINDEX INDEX CONCURRENTLY accounts_pkey",
          "DROP INDEX CONCURRENTLY accounts_old_idx",
          "ALTER SYSTEM SET work_mem = '64MB'",
          "CREATE INDEX accounts_name_idx ON accounts (name)");
      assertThat(group(s)).containsExactly(
          bare(s.get(0)), bare(s.get(1)), bare(s.get(2)), bare(s.get(3)), bare(s.get(4)), inTransaction(s.get(5)));
    }

    @Test
    void concurrentlyInsideABlockIsRefusedWithItsOriginLineAndAFix() {
      List<PlannedStatement> s = script(
          "SELECT 1",
          "BEGIN",
          "ALTER TABLE accounts ADD COLUMN email text",
          "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)",
          "COMMIT");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 4: ")
          .hasMessageContaining("'CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)'")
          .hasMessageContaining("cannot run inside a transaction block")
          .hasMessageContaining("BEGIN block that starts at line 2")
          .hasMessageContaining("fix: ")
          .hasMessageContaining("move it outside BEGIN ... COMMIT");
    }

    @Test
    void vacuumInsideABlockIsRefusedToo() {
      List<PlannedStatement> s = script("BEGIN", "vacuum accounts", "COMMIT");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: 'vacuum accounts' cannot run inside a transaction block");
    }

    @Test
    void aLongStatementIsQuotedByItsFirstLineCut() {
      String sql = "CREATE INDEX CONCURRENTLY a_very_long_index_name_for_the_accounts_table_email_and_name_idx"
          + " ON accounts (email, name)\n  WHERE deleted_at IS NULL";
      List<PlannedStatement> s = script("BEGIN", sql, "COMMIT");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("'" + sql.substring(0, 77) + "...'")
          .hasMessageNotContaining("WHERE deleted_at");
    }

    @Test
    void beginWithoutCommitIsRefusedAtTheBegin() {
      List<PlannedStatement> s = script("SELECT 1", "BEGIN", "ALTER TABLE accounts ADD COLUMN note text");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: BEGIN without a COMMIT")
          .hasMessageContaining("fix: end the block with COMMIT");
    }

    @Test
    void commitWithoutBeginIsRefused() {
      List<PlannedStatement> s = script("ALTER TABLE accounts ADD COLUMN note text", "COMMIT");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: COMMIT or ROLLBACK without a BEGIN")
          .hasMessageContaining("fix: ");
      assertThatThrownBy(() -> group(script("ROLLBACK"))).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 1: COMMIT or ROLLBACK without a BEGIN");
    }

    @Test
    void aNestedBeginIsRefusedNamingTheFirstBlock() {
      List<PlannedStatement> s = script("BEGIN", "SELECT 1", "BEGIN", "SELECT 2", "COMMIT", "COMMIT");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 3: BEGIN inside a transaction block that began at line 1")
          .hasMessageContaining("fix: end the first block with COMMIT");
    }

    @Test
    void commentsStringsAndCaseDoNotFoolTheKeywordReading() {
      List<PlannedStatement> s = script(
          "-- begin: the new column\nbegin",
          "ALTER TABLE accounts ADD COLUMN note text -- concurrently? no, it is instant",
          "create index \"concurrently_idx\" on accounts (note)",
          "INSERT INTO audit (note) VALUES ('vacuum later')",
          "/* then commit */ Commit",
          "-- COMMIT is above\nSELECT 'rollback'");
      assertThat(group(s)).containsExactly(inTransaction(s.get(1), s.get(2), s.get(3)), inTransaction(s.get(5)));
    }

    @Test
    void anEmptyStepHasNoUnits() {
      assertThat(group(List.of())).isEmpty();
    }
  }

  @Nested
  class Single {

    private List<Unit> group(List<PlannedStatement> s) {
      return TransactionUnits.group(s, TransactionMode.SINGLE);
    }

    @Test
    void theWholeStepIsOneTransaction() {
      List<PlannedStatement> s = script(
          "ALTER TABLE accounts ADD COLUMN note text",
          "UPDATE accounts SET note = ''",
          "CREATE INDEX accounts_note_idx ON accounts (note)");
      assertThat(group(s)).containsExactly(new Unit(s, true, false));
    }

    @Test
    void beginInsideIsRefused() {
      List<PlannedStatement> s = script("SELECT 1", "BEGIN", "SELECT 2", "COMMIT");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: BEGIN/COMMIT/ROLLBACK in a step with transaction: single")
          .hasMessageContaining("fix: remove them, or use transaction: auto");
    }

    @Test
    void commitOrRollbackInsideIsRefused() {
      assertThatThrownBy(() -> group(script("SELECT 1", "COMMIT"))).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: BEGIN/COMMIT/ROLLBACK");
      assertThatThrownBy(() -> group(script("SELECT 1", "rollback"))).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: BEGIN/COMMIT/ROLLBACK");
    }

    @Test
    void createIndexConcurrentlyIsRefused() {
      List<PlannedStatement> s = script(
          "ALTER TABLE accounts ADD COLUMN email text",
          "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)");
      assertThatThrownBy(() -> group(s))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(ORIGIN + ", line 2: 'CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)'"
              + " cannot run inside a transaction block, and transaction: single runs the whole step in one transaction")
          .hasMessageContaining("fix: give it a step of its own");
    }

    @Test
    void aCommentedConcurrentlyIsNotRefused() {
      List<PlannedStatement> s = script("CREATE INDEX accounts_email_idx ON accounts (email) -- concurrently later");
      assertThat(group(s)).containsExactly(new Unit(s, true, false));
    }
  }

  @Nested
  class None {

    @Test
    void everyStatementIsSentBareAsWrittenBeginAndCommitIncluded() {
      List<PlannedStatement> s = script(
          "BEGIN",
          "ALTER TABLE accounts ADD COLUMN note text",
          "COMMIT",
          "CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note)",
          "UPDATE accounts SET note = ''");
      assertThat(TransactionUnits.group(s, TransactionMode.NONE))
          .containsExactly(bare(s.get(0)), bare(s.get(1)), bare(s.get(2)), bare(s.get(3)), bare(s.get(4)));
    }

    @Test
    void unbalancedBlocksAreLeftToTheServer() {
      List<PlannedStatement> s = script("COMMIT", "BEGIN", "BEGIN");
      assertThat(TransactionUnits.group(s, TransactionMode.NONE)).hasSize(3).allMatch(u -> !u.transaction());
    }
  }

  @Test
  void reindexSchemaIsSentBare() {
    List<PlannedStatement> s = script("REINDEX SCHEMA public");
    assertThat(TransactionUnits.group(s, TransactionMode.AUTO)).containsExactly(bare(s.get(0)));
  }

  @Test
  void commitPreparedIsSentBare() {
    List<PlannedStatement> s = script("COMMIT PREPARED 'migration-1'");
    assertThat(TransactionUnits.group(s, TransactionMode.AUTO)).containsExactly(bare(s.get(0)));
  }
}
