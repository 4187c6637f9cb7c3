package dev.rehearsal.harness.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a statement is, as far as transactions go, read from its words and not from comments or strings. */
class StatementKindsTest {

  @ParameterizedTest
  @ValueSource(strings = {"BEGIN", "begin", "Begin Transaction", "BEGIN WORK", "BEGIN ISOLATION LEVEL SERIALIZABLE",
      "START TRANSACTION", "start transaction read write", "-- open the block\nBEGIN", "/* begin */ BEGIN"})
  void begins(String sql) {
    assertThat(StatementKinds.begins(sql)).isTrue();
    assertThat(StatementKinds.commits(sql)).isFalse();
    assertThat(StatementKinds.rollsBack(sql)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 'BEGIN'", "-- BEGIN\nSELECT 1", "START", "UPDATE t SET \"begin\" = 1",
      "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql", "", "-- only a comment"})
  void doesNotBegin(String sql) {
    assertThat(StatementKinds.begins(sql)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMMIT", "commit", "COMMIT WORK", "Commit Transaction", "END", "end transaction",
      "COMMIT -- and done", "/* the end */ COMMIT"})
  void commits(String sql) {
    assertThat(StatementKinds.commits(sql)).isTrue();
    assertThat(StatementKinds.begins(sql)).isFalse();
    assertThat(StatementKinds.rollsBack(sql)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 'commit'", "-- COMMIT\nSELECT 1", "INSERT INTO log VALUES ('end')"})
  void doesNotCommit(String sql) {
    assertThat(StatementKinds.commits(sql)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ROLLBACK", "rollback work", "ROLLBACK TRANSACTION", "ABORT", "abort transaction"})
  void rollsBack(String sql) {
    assertThat(StatementKinds.rollsBack(sql)).isTrue();
    assertThat(StatementKinds.commits(sql)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ROLLBACK TO SAVEPOINT before_alter", "rollback to before_alter", "SAVEPOINT a",
      "SELECT 'rollback'"})
  void staysInsideTheTransaction(String sql) {
    assertThat(StatementKinds.rollsBack(sql)).isFalse();
    assertThat(StatementKinds.commits(sql)).isFalse();
    assertThat(StatementKinds.begins(sql)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)",
      "create unique index concurrently if not exists i ON t (c)",
      "Create Index Concurrently i ON t (c)",
      "-- build it without blocking writes\nCREATE INDEX CONCURRENTLY i ON t (c)",
      "DROP INDEX CONCURRENTLY accounts_email_idx",
      "drop index concurrently if exists i",
      "VACUUM",
      "vacuum analyze accounts",
      "VACUUM (VERBOSE, ANALYZE) accounts",
      "REINDEX INDEX CONCURRENTLY accounts_pkey",
      "reindex table concurrently accounts",
      "REINDEX (CONCURRENTLY) TABLE accounts",
      "REINDEX DATABASE app",
      "REINDEX SYSTEM app",
      "ALTER SYSTEM SET work_mem = '64MB'",
      "alter system reset all",
      "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY",
      "CREATE DATABASE scratch",
      "DROP DATABASE scratch",
      "CREATE TABLESPACE fast LOCATION '/ssd'",
      "CLUSTER",
      "cluster verbose"})
  void refusesATransactionBlock(String sql) {
    assertThat(StatementKinds.refusesTransactionBlock(sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE INDEX accounts_email_idx ON accounts (email)",
      "CREATE INDEX i ON t (c) -- concurrently, next time",
      "CREATE INDEX /* not concurrently */ i ON t (c)",
      "create index \"concurrently_idx\" on t (c)",
      "create index concurrently_idx on t (c)",
      "INSERT INTO audit (note) VALUES ('vacuum')",
      "SELECT 'VACUUM'",
      "-- vacuum afterwards\nALTER TABLE accounts ADD COLUMN note text",
      "UPDATE jobs SET kind = 'reindex concurrently' WHERE id = 1",
      "DROP INDEX accounts_email_idx",
      "REINDEX TABLE accounts",
      "REINDEX INDEX accounts_pkey",
      "ALTER TABLE accounts ADD COLUMN note text",
      "ALTER TABLE events DETACH PARTITION events_2020",
      "CLUSTER accounts USING accounts_pkey",
      "ANALYZE accounts",
      "REFRESH MATERIALIZED VIEW CONCURRENTLY totals",
      "",
      "-- nothing but a comment"})
  void runsInATransactionBlock(String sql) {
    assertThat(StatementKinds.refusesTransactionBlock(sql)).isFalse();
  }

  @Test
  void reindexSchemaRefusesATransactionBlock() {
    assertThat(StatementKinds.refusesTransactionBlock("REINDEX SCHEMA public")).isTrue();
  }

  @Test
  void reindexWithOptionsRefusesATransactionBlock() {
    assertThat(StatementKinds.refusesTransactionBlock("REINDEX (VERBOSE) DATABASE app")).isTrue();
    assertThat(StatementKinds.refusesTransactionBlock("REINDEX (VERBOSE) SYSTEM app")).isTrue();
  }

  @Test
  void commitPreparedIsNotTheEndOfABlock() {
    assertThat(StatementKinds.commits("COMMIT PREPARED 'migration-1'")).isFalse();
    assertThat(StatementKinds.rollsBack("ROLLBACK PREPARED 'migration-1'")).isFalse();
    assertThat(StatementKinds.refusesTransactionBlock("COMMIT PREPARED 'migration-1'")).isTrue();
  }
}
