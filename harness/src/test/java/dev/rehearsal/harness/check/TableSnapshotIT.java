package dev.rehearsal.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.check.SnapshotComparison.Result;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of a real PostgreSQL, compared across a "migration" done by hand: only what the SQL
 * texts do not declare written may be reported, and all of that must be.
 */
class TableSnapshotIT {

  static final List<String> TABLES = List.of("users", "Accounts", "missing");

  static PostgresServer server;
  ScratchDatabase db;
  Connection connection;

  @BeforeAll
  static void start() {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void seed() throws SQLException {
    db = ScratchDatabase.create(server);
    connection = ScratchDatabase.connect(db.target(), "rehearsal-test");
    execute("""
        CREATE TABLE users (id integer PRIMARY KEY, email text, name varchar(50), score numeric(8, 2));
        INSERT INTO users SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'u' || g || '@example.com' END,
          'name ' || g, g / 7.0 FROM generate_series(1, 5000) g;
        CREATE TABLE "Accounts" ("Id" bigint, "Balance" bigint);
        INSERT INTO "Accounts" SELECT g, g * 100 FROM generate_series(1, 100) g;
        CREATE TABLE empty (x int);
        """);
  }

  @AfterEach
  void drop() throws SQLException {
    connection.close();
    db.close();
  }

  void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  TableSnapshot snapshot() throws SQLException {
    return TableSnapshot.take(connection, TABLES);
  }

  static WrittenColumns written(String... sql) {
    return WrittenColumns.of(List.of(sql));
  }

  @Test
  void untouchedTablesCompareEqualAndAbsentOnesAreRecorded() throws SQLException {
    TableSnapshot before = TableSnapshot.take(connection, List.of("users", "Accounts", "missing", "empty"));
    assertThat(before.table("users").rowCount()).isEqualTo(5000);
    assertThat(before.table("users").columns().keySet()).containsExactly("id", "email", "name", "score");
    assertThat(before.table("users").columns().get("name").type()).isEqualTo("character varying(50)");
    assertThat(before.table("Accounts").rowCount()).isEqualTo(100);
    assertThat(before.table("missing").exists()).isFalse();
    assertThat(before.table("empty").columns().get("x").checksum()).isZero();
    execute("VACUUM FULL users"); // a rewrite moves every row but changes no value

    Result result = SnapshotComparison.compare(before,
        TableSnapshot.take(connection, List.of("users", "Accounts", "missing", "empty")), written());
    assertThat(result.differences()).isEmpty();
    assertThat(result.unchanged()).isTrue();
    assertThat(result.tablesCompared()).isEqualTo(3);
    assertThat(result.columnsCompared()).isEqualTo(4 + 2 + 1);
    assertThat(result.tablesGone()).isEmpty();
  }

  @Test
  void anUndeclaredUpdateIsReportedButADeclaredOneIsNot() throws SQLException {
    WrittenColumns written = written("UPDATE users SET name = :name WHERE id = :id",
        "UPDATE \"Accounts\" SET \"Balance\" = \"Balance\" + 1 WHERE \"Id\" = ?");
    TableSnapshot before = snapshot();
    execute("UPDATE users SET name = 'renamed' WHERE id < 100");
    execute("UPDATE \"Accounts\" SET \"Balance\" = 0");
    execute("UPDATE users SET email = '' WHERE id = 10"); // NULL -> '' must show
    execute("UPDATE \"Accounts\" SET \"Id\" = \"Id\" + 1 WHERE \"Id\" = 100");

    Result result = SnapshotComparison.compare(before, snapshot(), written);
    assertThat(result.differences()).containsExactly(
        "users.email: checksum changed (neither the workload nor the migration writes it)",
        "Accounts.Id: checksum changed (neither the workload nor the migration writes it)");
    assertThat(result.columnsCompared()).isEqualTo(3 + 1);
  }

  @Test
  void aWideningTypeChangeStillComparesEqual() throws SQLException {
    TableSnapshot before = snapshot();
    execute("ALTER TABLE users ALTER COLUMN id TYPE bigint, ALTER COLUMN name TYPE text");

    Result result = SnapshotComparison.compare(before, snapshot(),
        written("ALTER TABLE users ALTER COLUMN id TYPE bigint"));
    assertThat(result.differences()).isEmpty();
    assertThat(result.typesChanged()).containsExactly("users.id: integer -> bigint",
        "users.name: character varying(50) -> text");
    assertThat(result.columnsCompared()).isEqualTo(4 + 2);
  }

  @Test
  void aTypeChangeThatAltersValuesIsReportedWithTheTypes() throws SQLException {
    TableSnapshot before = snapshot();
    execute("ALTER TABLE users ALTER COLUMN score TYPE numeric(8, 1)");

    Result result = SnapshotComparison.compare(before, snapshot(), written());
    assertThat(result.differences()).containsExactly("users.score: checksum changed (type numeric(8,2) -> "
        + "numeric(8,1); neither the workload nor the migration writes it)");
  }

  @Test
  void aDeletedRowInATableNobodyDeletesFromIsARowCountDifference() throws SQLException {
    TableSnapshot before = snapshot();
    execute("DELETE FROM users WHERE id = 42");
    execute("INSERT INTO \"Accounts\" VALUES (101, 0)");

    Result result = SnapshotComparison.compare(before, snapshot(), written("UPDATE users SET name = 'x'"));
    assertThat(result.differences()).containsExactly(
        "users: 5000 rows before, 4999 after (nothing in the workload or migration deletes from users)",
        "Accounts: 100 rows before, 101 after (nothing in the workload or migration inserts into Accounts)");
    assertThat(result.columnsCompared()).isZero(); // the row count already explains every checksum
  }

  @Test
  void rowsWrittenByTheWorkloadAreNotCompared() throws SQLException {
    TableSnapshot before = snapshot();
    execute("DELETE FROM users WHERE id > 4000");

    Result result = SnapshotComparison.compare(before, snapshot(), written("DELETE FROM users WHERE id = ?"));
    assertThat(result.differences()).isEmpty();
    assertThat(result.tablesCompared()).isEqualTo(1); // Accounts only
    assertThat(result.columnsCompared()).isEqualTo(2);
  }

  @Test
  void columnsAddedOrDroppedByTheMigrationAreListedNotCompared() throws SQLException {
    String migration = """
        ALTER TABLE users ADD COLUMN email_lower text;
        UPDATE users SET email_lower = lower(email);
        ALTER TABLE users DROP COLUMN score;
        ALTER TABLE "Accounts" RENAME COLUMN "Balance" TO balance;
        """;
    TableSnapshot before = snapshot();
    execute(migration);

    Result result = SnapshotComparison.compare(before, snapshot(), written(migration));
    assertThat(result.differences()).isEmpty();
    assertThat(result.columnsAdded()).containsExactly("users.email_lower", "Accounts.balance");
    assertThat(result.columnsDropped()).containsExactly("users.score", "Accounts.Balance");
    assertThat(result.columnsCompared()).isEqualTo(3 + 1);
  }

  @Test
  void aDroppedTableIsGoneAndACreatedOneIsNotCompared() throws SQLException {
    TableSnapshot before = snapshot();
    execute("DROP TABLE \"Accounts\"; CREATE TABLE missing (x int)");

    TableSnapshot after = snapshot();
    assertThat(after.table("missing").exists()).isTrue();
    Result result = SnapshotComparison.compare(before, after, written());
    assertThat(result.differences()).isEmpty();
    assertThat(result.tablesGone()).containsExactly("Accounts");
    assertThat(result.tablesCompared()).isEqualTo(1);
  }

  @Test
  void theConnectionIsLeftAsItWasFound() throws SQLException {
    execute("SET TimeZone = 'America/New_York'");
    snapshot();
    assertThat(connection.getAutoCommit()).isTrue();
    assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    try (Statement st = connection.createStatement(); var rs = st.executeQuery("SHOW TimeZone")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("America/New_York");
    }
  }

  // ---------------------------------------------------------------- a large table, sampled by key ranges

  static final KeySample.Sizing SMALL = new KeySample.Sizing(10_000, 8, 500);

  TableSnapshot sampled(TableSnapshot like) throws SQLException {
    return TableSnapshot.take(connection, List.of("big", "users"), like, SMALL);
  }

  void createBig() throws SQLException {
    // a text key in an order unrelated to the rows' physical order, as a uuid or a natural key would be
    execute("""
        CREATE TABLE big (k text PRIMARY KEY, v integer, note text);
        INSERT INTO big SELECT md5(g::text), g, 'note ' || g FROM generate_series(1, 50000) g;
        ANALYZE big, users;
        """);
  }

  @Test
  void aTableAboveTheBoundIsReadOnKeyRangesTheSameBeforeAndAfterARewrite() throws SQLException {
    createBig();
    TableSnapshot before = sampled(null);
    KeySample sample = before.table("big").sample();
    assertThat(sample).isNotNull();
    assertThat(sample.keyColumn()).isEqualTo("k");
    assertThat(sample.ranges()).hasSizeBetween(2, 8);
    assertThat(before.table("big").rowCount()).isBetween(500L, 8 * 500L);
    assertThat(before.table("users").sample()).as("5,000 rows: under the bound, read whole").isNull();
    assertThat(before.table("users").rowCount()).isEqualTo(5000);

    execute("VACUUM FULL big; CLUSTER big USING big_pkey"); // every row moves, no value changes
    TableSnapshot after = sampled(before);
    assertThat(after.table("big").rowCount()).isEqualTo(before.table("big").rowCount());
    Result result = SnapshotComparison.compare(before, after, written());
    assertThat(result.differences()).isEmpty();
    assertThat(result.columnsCompared()).isEqualTo(3 + 4);
    assertThat(result.sampled()).singleElement().asString()
        .matches("big: [0-9,]+ of ~50,000 rows, in [2-8] ranges of k");
  }

  @Test
  void anIntegerKeysRangesHoldTheirRowsInNumericOrder() throws SQLException {
    // squares from 1 to 25,000,000: keys of every digit count, so text order (100 before 99) differs from the key's
    execute("CREATE TABLE squares (id bigint PRIMARY KEY, v integer);"
        + " INSERT INTO squares SELECT g * g, g FROM generate_series(1, 5000) g; ANALYZE squares");
    TableSnapshot before = TableSnapshot.take(connection, List.of("squares"), null, new KeySample.Sizing(1_000, 8, 100));
    KeySample sample = before.table("squares").sample();
    assertThat(sample).isNotNull();
    for (KeySample.Range range : sample.ranges()) {
      if (range.hi() != null) {
        assertThat(queryLong("SELECT count(*) FROM squares WHERE id BETWEEN " + range.lo() + " AND " + range.hi()))
            .as(range.toString()).isEqualTo(100);
      }
    }
    assertThat(before.table("squares").rowCount()).isBetween(100L, 8 * 100L);
  }

  long queryLong(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aSampledTableStillShowsAnUndeclaredChangeInsideItsRanges() throws SQLException {
    createBig();
    TableSnapshot before = sampled(null);
    String inside = before.table("big").sample().ranges().get(0).lo();
    execute("UPDATE big SET note = 'changed' WHERE k = '" + inside + "'");

    Result result = SnapshotComparison.compare(before, sampled(before), written());
    assertThat(result.differences()).containsExactly(
        "big.note: checksum changed (neither the workload nor the migration writes it)");
  }

  @Test
  void aSampleWhoseKeyTheMigrationDroppedIsNotComparedAndSaysWhy() throws SQLException {
    createBig();
    TableSnapshot before = sampled(null);
    execute("ALTER TABLE big DROP COLUMN k");

    Result result = SnapshotComparison.compare(before, sampled(before), written());
    assertThat(result.differences()).isEmpty();
    assertThat(result.sampled()).containsExactly(
        "big: not compared (the migration removed k, the key its sample was taken by)");
  }
}
