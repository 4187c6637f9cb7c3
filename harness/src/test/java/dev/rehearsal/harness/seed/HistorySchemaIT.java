package dev.rehearsal.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema as the team's history up to production's version, on a real PostgreSQL through real
 * Flyway and Liquibase (test resources under {@code history/}): only what production has applied
 * is there, the tools' history tables are their own, seeding works on top, and nothing the tools
 * say reaches the console.
 */
class HistorySchemaIT {

  static PostgresServer server;
  final List<ScratchDatabase> databases = new ArrayList<>();
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void dropDatabases() {
    databases.forEach(ScratchDatabase::close);
  }

  @Test
  void flywayHistoryUpToTheTarget() throws Exception {
    Scenario scenario = ScenarioLoader.load(resource("history/flyway/scenario.yaml"));
    List<String> said = new ArrayList<>();
    DatabaseTarget target = schema(scenario, said);

    assertThat(said).containsExactly("schema: Flyway applied 9 migrations up to version 8 from db/migration, "
        + "db/migration_data (flyway_schema_history)");
    assertThat(rows(target, "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"))
        .containsExactly("1 t", "2 t", "3 t", "4 t", "5 t", "5.1 t", "6 t", "7 t", "8 t");
    assertThat(rows(target, "SELECT to_regclass('audit_log') IS NULL, to_regclass('orders_customer') IS NOT NULL,"
        + " (SELECT count(*) FROM statuses)")).containsExactly("t t 4");

    SeedResult seed = new Seeder(target, 7, 1, SeedProgress.lines(line -> { }, 60)).seed(scenario.dataset());

    assertThat(seed.tables()).extracting(SeedResult.SeededTable::name).containsExactly("customers", "orders");
    assertThat(rows(target, "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM orders),"
        + " (SELECT count(*) FROM flyway_schema_history)")).containsExactly("200 300 9");
  }

  @Test
  void liquibaseHistoryUpToTheTag() throws Exception {
    Scenario scenario = ScenarioLoader.load(resource("history/liquibase/scenario.yaml"));
    List<String> said = new ArrayList<>();
    DatabaseTarget target = schema(scenario, said);

    assertThat(said).containsExactly(
        "schema: Liquibase applied 4 changesets up to tag v17 from db/changelog.xml (databasechangelog)");
    // identities relative to the changelog's directory: a fixed copy of the folder sees the same history
    assertThat(rows(target, "SELECT id, author, filename, coalesce(tag, '-') FROM databasechangelog ORDER BY orderexecuted"))
        .containsExactly("1 team changelog.xml -", "2 team changes/002-orders.sql -", "3 team changelog.xml -",
            "v17 team changelog.xml v17");
    assertThat(rows(target, "SELECT to_regclass('audit_log') IS NULL, to_regclass('orders_customer') IS NOT NULL"))
        .containsExactly("t t");

    new Seeder(target, 7, 1, SeedProgress.lines(line -> { }, 60)).seed(scenario.dataset());

    assertThat(rows(target, "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM orders)"))
        .containsExactly("200 300");
  }

  @Test
  void theToolsSayNothingOnTheConsole() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true)) {
      System.setOut(capture);
      System.setErr(capture);
      schema(ScenarioLoader.load(resource("history/liquibase/scenario.yaml")), new ArrayList<>());
      schema(ScenarioLoader.load(resource("history/flyway/scenario.yaml")), new ArrayList<>());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(captured.toString()).isEmpty();
  }

  @Test
  void aFailingMigrationNamesItsFileAndLine() throws IOException {
    write("db/migration/V1__customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
    write("db/migration/V2__broken.sql", "-- a typo\nALTER TABLE customers\n  ADD COLUMN email txet;\n");
    Scenario scenario = ScenarioLoader.parse("""
        name: broken
        schema: {flyway: {locations: db/migration}}
        workload: {rate: 1, operations: [{name: read, weight: 1, sql: SELECT 1}]}
        strategies: [{name: s, steps: [{sql: SELECT 1}]}]
        """, "broken.yaml", dir);

    assertThatThrownBy(() -> schema(scenario, new ArrayList<>())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("db/migration/V2__broken.sql:3: schema migration failed: ERROR: type "
            + "\"txet\" does not exist (SQLSTATE 42704)")
        .hasMessageContaining("fix:");
  }

  @Test
  void aFailingChangesetNamesItsFileAndHeader() throws IOException {
    write("db/changelog.yaml", """
        databaseChangeLog:
          - include: {file: changes/001.sql, relativeToChangelogFile: true}
        """);
    write("db/changes/001.sql", "--liquibase formatted sql\n\n--changeset team:1\nCREATE TABLE t (id nosuchtype);\n");
    Scenario scenario = ScenarioLoader.parse("""
        name: broken
        schema: {liquibase: {changelog: db/changelog.yaml}}
        workload: {rate: 1, operations: [{name: read, weight: 1, sql: SELECT 1}]}
        strategies: [{name: s, steps: [{sql: SELECT 1}]}]
        """, "broken.yaml", dir);

    assertThatThrownBy(() -> schema(scenario, new ArrayList<>())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("db/changes/001.sql:3: schema changeset 1::team failed: ERROR: type "
            + "\"nosuchtype\" does not exist (SQLSTATE 42704)");
  }

  @Test
  void aTagMissingFromTheChangelogIsRefused() throws Exception {
    Scenario tagged = ScenarioLoader.load(resource("history/liquibase/scenario.yaml"));
    Path copy = dir.resolve("liquibase");
    copyTree(tagged.baseDirectory(), copy);
    Files.writeString(copy.resolve("scenario.yaml"),
        Files.readString(copy.resolve("scenario.yaml")).replace("toTag: v17", "toTag: v18"));
    Scenario scenario = ScenarioLoader.load(copy.resolve("scenario.yaml"));

    assertThatThrownBy(() -> schema(scenario, new ArrayList<>())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("schema: toTag 'v18' is not tagged in db/changelog.xml; tags there: v17");
  }

  private DatabaseTarget schema(Scenario scenario, List<String> said) {
    ScratchDatabase db = ScratchDatabase.create(server);
    databases.add(db);
    SchemaDdl.apply(scenario, db.target(), said::add);
    return db.target();
  }

  /** Each row's columns joined by a space. */
  private static List<String> rows(DatabaseTarget target, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-test");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(rs.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(HistorySchemaIT.class.getClassLoader().getResource(name).toURI());
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
