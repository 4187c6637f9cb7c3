package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.cli.RehearseCommand;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that are not integers, end to end through the command line: a varchar and a uuid primary
 * key drawn by existingKey, made by newKey (with a ledger), backfilled in batches; and a key
 * backfill cannot batch, refused right after the schema is built, before any row is seeded.
 */
class KeysIT {

  private static final Path SCENARIO = Path.of("src", "test", "resources", "scenarios", "text-uuid-keys.yaml");
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

  private int run(Path scenario) {
    List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--postgres", url, "--out",
        dir.resolve("out").toString()));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return RehearseCommand.execute(args.toArray(String[]::new));
    } finally {
      System.setErr(original);
      stderr = captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void textAndUuidKeysAreDrawnMadeAndBackfilledWithNoWriteLost() throws Exception {
    int exit = run(SCENARIO);

    assertThat(exit).as(stderr).isZero();
    assertThat(stderr).contains("keys of tags: a sample of 3,000 of 3,000 text keys; new keys rh-1, rh-2, ..."
        + " (at most 40 characters)", "keys of devices: a sample of 3,000 of 3,000 uuid keys; new keys random v4 uuids");
    RehearsalReport report = ReportJson.read(dir.resolve("out").resolve("report.json"));
    assertThat(report.complete()).isTrue();
    // every read found its row (a missing one divides by zero), every insert of a new key went in
    assertThat(report.summary().errors()).as(stderr).isZero();
    assertThat(report.summary().operations()).isGreaterThan(100);
    assertThat(report.integrity().acknowledgedWrites()).isPositive();
    assertThat(report.integrity().lostWrites()).isZero();
    assertThat(report.integrity().rowsChecked()).isPositive();
    assertThat(report.integrity().examples()).isEmpty();

    List<StatementResult> statements = report.statements();
    assertThat(statements).allSatisfy(s -> assertThat(s.error()).as(s.sql()).isNull());
    StatementResult tags = statements.get(0);
    assertThat(tags.kind()).isEqualTo("backfill");
    assertThat(tags.sql()).isEqualTo("UPDATE tags SET n = n + 1 WHERE code > ? AND code <= ? AND (n IS NOT NULL)");
    assertThat(tags.rowsAffected()).isEqualTo(3000L); // the load's new rows have n NULL: not backfilled
    assertThat(tags.batches()).isBetween(12, 13);
    StatementResult devices = statements.get(1);
    assertThat(devices.sql()).isEqualTo("UPDATE devices SET n = n + 1 WHERE id > ? AND id <= ? AND (n IS NOT NULL)");
    assertThat(devices.rowsAffected()).isEqualTo(3000L);
    assertThat(devices.batches()).isBetween(12, 13);
    // and the check that each seeded row was updated exactly once passed (it divides by zero otherwise)
    assertThat(statements).hasSize(4);
  }

  @Test
  void aKeyBackfillCannotBatchIsRefusedBeforeAnyRowIsSeeded() throws Exception {
    String yaml = Files.readString(SCENARIO)
        .replace("      n     integer\n    );\n    CREATE TABLE devices",
            "      n     integer,\n      doc   jsonb\n    );\n    CREATE TABLE devices")
        .replace("backfill: {table: tags, key: code,", "backfill: {table: tags, key: doc,");
    Path scenario = dir.resolve("jsonb-key.yaml");
    Files.writeString(scenario, yaml);

    int exit = run(scenario);

    assertThat(exit).as(stderr).isEqualTo(2);
    assertThat(stderr).contains("strategy backfill-both, steps[0] (backfill of tags): backfill cannot batch by"
        + " tags.doc (jsonb)", "integer (smallint, integer, bigint), text/varchar or uuid key",
        "fix: set key: to such a column, usually the primary key (tags's primary key: code character varying(40))");
    assertThat(stderr).doesNotContain("vacuumed", "Load:");
  }

  @Test
  void aPrimaryKeyExistingKeyCannotDrawIsRefusedBeforeAnyRowIsSeeded() throws Exception {
    String yaml = Files.readString(SCENARIO).replace("code  varchar(40) PRIMARY KEY", "code  char(12) PRIMARY KEY");
    Path scenario = dir.resolve("char-key.yaml");
    Files.writeString(scenario, yaml);

    int exit = run(scenario);

    assertThat(exit).as(stderr).isEqualTo(2);
    assertThat(stderr).contains("operation read-tag, param code (existingKey of tags): the primary key tags.code"
        + " (character(12)) is not a key existingKey can draw", "fix: key tags by such a column");
    assertThat(stderr).doesNotContain("vacuumed", "Load:");
  }
}
