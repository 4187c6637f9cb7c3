package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rehearsal.harness.cli.RehearseCommand;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's project as it is, end to end through the command line: the schema built by Flyway (or
 * Liquibase) from the team's history up to production's version, the pending migrations rehearsed
 * under load, each SQL statement its own row nested under its migration, in the tool's own
 * transactions, with its history table updated as the tool would (a last SQL step checks it).
 */
class OwnProjectIT {

  private static final Path PROJECTS = Path.of("src", "test", "resources", "own-project").toAbsolutePath();
  private static PostgresServer server;
  private static String url;

  @TempDir
  Path dir;

  private String stderr;

  @BeforeAll
  static void startServer() {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
    url = server.adminTarget().jdbcUrl() + "?user=" + server.adminTarget().user();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private RehearsalReport run(String project, String out) throws Exception {
    String[] args = {"run", PROJECTS.resolve(project).resolve("scenario.yaml").toString(), "--postgres", url,
        "--out", dir.resolve(out).toString()};
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = RehearseCommand.execute(args);
    } finally {
      System.setErr(original);
      stderr = captured.toString(StandardCharsets.UTF_8);
    }
    // the pending migration holds orders for a second: the default budgets may fail it, which is exit 1
    assertThat(exit).as(stderr).isIn(0, 1);
    RehearsalReport report = ReportJson.read(dir.resolve(out).resolve("report.json"));
    assertThat(report.complete()).as(stderr).isTrue();
    return report;
  }

  @Test
  void validateSaysWhatIsPendingWithoutAServer() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = RehearseCommand.execute("validate", PROJECTS.resolve("flyway").resolve("scenario.yaml").toString());
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains(
        "strategy pending, step 1: 2 Flyway migrations pending: V11__index_end_time.sql, V11_1__status_code.sql",
        "strategy fixed, step 1: 2 Flyway migrations pending: V11__index_end_time.sql, V11_1__status_code.sql");
  }

  @Test
  void flywayPendingMigrationsAreRehearsedStatementByStatement() throws Exception {
    RehearsalReport report = run("flyway", "first");

    assertThat(stderr).contains("schema: Flyway applied", "up to version 10.1")
        .doesNotContain("INFO", "Successfully applied", "Migrating schema");
    List<StatementResult> statements = report.statements();
    assertThat(statements).extracting(StatementResult::kind, StatementResult::origin, StatementResult::line,
            StatementResult::inTransaction)
        .containsExactly(
            tuple("flyway", "V11__index_end_time.sql", 2, false),
            tuple("flyway", "V11_1__status_code.sql", 2, true),
            tuple("flyway", "V11_1__status_code.sql", 3, true),
            tuple("flyway", "V11_1__status_code.sql", 5, true),
            tuple("sql", "history", 1, true));
    assertThat(statements).extracting(StatementResult::sql).startsWith(
        "CREATE INDEX CONCURRENTLY orders_end_time ON orders (end_time)",
        "ALTER TABLE orders ADD COLUMN status_code smallint",
        "UPDATE orders SET status_code = CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 ELSE 3 END",
        "SELECT pg_sleep(1.0)");
    assertThat(statements).allMatch(s -> s.error() == null && s.durationMs() > 0);
    StatementResult alter = statements.get(1);
    StatementResult update = statements.get(2);
    StatementResult sleep = statements.get(3);
    assertThat(update.rowsAffected()).isEqualTo(20_000L);
    assertThat(sleep.durationMs()).isGreaterThanOrEqualTo(1_000);
    // one transaction for the migration: the ALTER's lock is held by every statement after it, and Flyway's own
    // history table is not listed among the migration's locks
    assertThat(alter.locks()).contains(new Lock("orders", "AccessExclusiveLock"));
    assertThat(sleep.locks()).contains(new Lock("orders", "AccessExclusiveLock"));
    assertThat(statements.subList(0, 4)).flatMap(StatementResult::locks).extracting(Lock::relation)
        .doesNotContain("flyway_schema_history");
    // the application waited on orders for the second the transaction held it: charged to the ALTER that took
    // the lock, not to the sleep that was running
    assertThat(alter.blocked()).isNotNull();
    assertThat(alter.blocked().blockedSessionSeconds()).isPositive();
    assertThat(sleep.blocked() == null || sleep.blocked().blockedSessionSeconds() == 0).isTrue();
    // each statement on the console as it finished, nested under its migration, in the harness's voice
    assertThat(stderr).contains("up statement 3 (step 1, V11_1__status_code.sql) done in", "20,000 rows");

    // a second rehearsal finds the same pending set on top of the same history
    RehearsalReport again = run("flyway", "second");
    assertThat(again.statements()).extracting(StatementResult::origin, StatementResult::sql)
        .isEqualTo(statements.stream().map(s -> tuple(s.origin(), s.sql())).toList());
  }

  @Test
  void aFixedCopyOfTheFolderSeesTheSameHistoryAndIsComparedOnIdenticalData() throws Exception {
    Path out = dir.resolve("compare");
    int exit = RehearseCommand.execute("compare", PROJECTS.resolve("flyway").resolve("scenario.yaml").toString(),
        "--postgres", url, "--out", out.toString());
    assertThat(exit).isIn(0, 1);

    RehearsalReport pending = ReportJson.read(out.resolve("pending").resolve("report.json"));
    RehearsalReport fixed = ReportJson.read(out.resolve("fixed").resolve("report.json"));
    assertThat(fixed.seed().fingerprint()).isEqualTo(pending.seed().fingerprint());
    // only the fixed copy's own pending migrations ran (the applied ones are not in its folder), then the backfill
    assertThat(fixed.statements()).extracting(StatementResult::kind, StatementResult::origin).containsExactly(
        tuple("flyway", "V11__index_end_time.sql"), tuple("flyway", "V11_1__status_code.sql"),
        tuple("backfill", "step 2"), tuple("sql", "history"));
    assertThat(fixed.statements()).allMatch(st -> st.error() == null);
    assertThat(fixed.statements().get(2).rowsAffected()).isEqualTo(20_000L);
    assertThat(fixed.summary().blockedSessionSeconds()).isLessThan(pending.summary().blockedSessionSeconds());
  }

  @Test
  void liquibasePendingChangesetsAreRehearsedStatementByStatement() throws Exception {
    RehearsalReport report = run("liquibase", "liquibase");

    assertThat(stderr).contains("schema: Liquibase applied").doesNotContain("UPDATE SUMMARY", "Liquibase:");
    List<StatementResult> statements = report.statements();
    assertThat(statements).extracting(StatementResult::kind, StatementResult::origin)
        .containsExactly(
            tuple("liquibase", "5::bob"), tuple("liquibase", "5::bob"), tuple("liquibase", "5::bob"),
            tuple("liquibase", "6::alice"), tuple("liquibase", "6::alice"),
            tuple("sql", "history"));
    assertThat(statements.get(0).sql()).isEqualTo("ALTER TABLE orders ADD COLUMN status_code smallint");
    // formatted SQL is placed at its lines in changes/005-status-code.sql; SQL Liquibase generated has none
    assertThat(statements).extracting(StatementResult::line).containsExactly(4, 5, 6, null, null, 1);
    assertThat(statements.get(1).rowsAffected()).isEqualTo(20_000L);
    // the SQL Liquibase generated for addColumn and createIndex, each measured
    assertThat(statements.get(3).sql()).containsIgnoringCase("ALTER TABLE").containsIgnoringCase("end_time");
    assertThat(statements.get(4).sql()).containsIgnoringCase("CREATE INDEX").contains("orders_end_time");
    assertThat(statements.get(4).locks()).extracting(Lock::relation).contains("orders");
    assertThat(statements).allMatch(s -> s.error() == null && s.inTransaction());
    assertThat(statements.subList(0, 5)).flatMap(StatementResult::locks).extracting(Lock::relation)
        .doesNotContain("databasechangelog", "databasechangeloglock");
    StatementResult alter = statements.get(0);
    assertThat(alter.blocked()).isNotNull();
    assertThat(alter.blocked().blockedSessionSeconds()).isPositive();
  }
}
