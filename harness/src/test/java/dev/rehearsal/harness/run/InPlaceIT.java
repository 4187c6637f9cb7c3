package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.cli.RehearseCommand;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing database ("shop", on a server the test starts and the harness treats as someone
 * else's): left alone unless --in-place is given and confirmed, and never dropped even then.
 */
class InPlaceIT {

  private static final Path SCENARIO = Path.of("src", "test", "resources", "scenarios", "in-place.yaml");
  private static PostgresServer server;
  private static String shopUrl;

  @TempDir
  Path dir;

  private String stderr;

  @BeforeAll
  static void startServer() {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
    shopUrl = server.adminTarget().jdbcUrl().replaceFirst("/postgres$", "/shop") + "?user=" + server.adminTarget().user();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void freshShop() throws SQLException {
    try (Connection c = ScratchDatabase.connect(server.adminTarget(), "in-place-it");
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS shop WITH (FORCE)");
      st.execute("CREATE DATABASE shop");
    }
    try (Connection c = ScratchDatabase.connect(server.target("shop"), "in-place-it");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, balance integer NOT NULL)");
      st.execute("INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 2000) g");
      st.execute("ANALYZE accounts");
    }
  }

  private int run(String... extra) {
    List<String> args = new ArrayList<>(List.of("run", SCENARIO.toString(), "--postgres", shopUrl, "--out",
        dir.resolve("out").toString()));
    args.addAll(List.of(extra));
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

  private static List<String> query(String database, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ScratchDatabase.connect(server.target(database), "in-place-it");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static List<String> shopColumns() throws SQLException {
    return query("shop", "SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY 1");
  }

  private static List<String> databases() throws SQLException {
    return query("postgres", "SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1");
  }

  @Test
  void withoutInPlaceTheNamedDatabaseIsOnlyWhereItConnects() throws Exception {
    int exit = run();

    assertThat(exit).as(stderr).isZero();
    assertThat(stderr).contains("shop is only where the harness connects", "--in-place --confirm-database shop");
    // the migration ran in a scratch database, now dropped; shop is as it was
    assertThat(shopColumns()).containsExactly("balance", "id");
    assertThat(query("shop", "SELECT sum(balance) FROM accounts")).containsExactly("200000");
    assertThat(databases()).containsExactlyInAnyOrder("postgres", "shop");
  }

  @Test
  void inPlaceWithoutConfirmationIsRefusedBeforeAnythingRuns() throws Exception {
    int exit = run("--in-place");

    assertThat(exit).isEqualTo(2);
    assertThat(stderr).contains("inside database shop", "does not undo them", "fix: if that is intended, confirm with"
        + " --confirm-database shop");
    assertThat(run("--in-place", "--confirm-database", "shop2")).isEqualTo(2);
    assertThat(stderr).contains("--confirm-database shop2 does not match the database in --postgres (shop)");
    assertThat(run("--confirm-database", "shop")).isEqualTo(2);
    assertThat(stderr).contains("confirms --in-place, which is not given");
    assertThat(run("--in-place", "--confirm-database", "shop", "--rows", "10k")).isEqualTo(2);
    assertThat(stderr).contains("seeds nothing");
    assertThat(shopColumns()).containsExactly("balance", "id");
    assertThat(databases()).containsExactlyInAnyOrder("postgres", "shop");
  }

  @Test
  void inPlaceConfirmedRehearsesInTheDatabaseAndNeverDropsIt() throws Exception {
    int exit = run("--in-place", "--confirm-database", "shop");

    assertThat(exit).as(stderr).isZero();
    assertThat(stderr).contains("rehearsal database shop (in place)", "nothing seeded, nothing will be dropped",
        "accounts ≈ 2,000 rows");
    // the migration stayed where it ran; the load's acknowledged payments are all there
    assertThat(shopColumns()).containsExactly("balance", "id", "note");
    assertThat(Long.parseLong(query("shop", "SELECT sum(balance) FROM accounts").get(0))).isGreaterThan(200_000);
    assertThat(databases()).containsExactlyInAnyOrder("postgres", "shop");
    String report = Files.readString(dir.resolve("out").resolve("report.json"));
    assertThat(report).contains("\"lostWrites\": 0", "\"complete\": true", "\"copyFormat\": \"existing\"");
  }

  @Test
  void inPlaceInADatabaseWithoutTheScenariosTablesSaysWhichAreMissing() throws Exception {
    try (Connection c = ScratchDatabase.connect(server.target("shop"), "in-place-it");
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE accounts RENAME TO customers");
    }
    int exit = run("--in-place", "--confirm-database", "shop");

    assertThat(exit).isEqualTo(2);
    assertThat(stderr).contains("database shop has no table accounts", "fix:");
    assertThat(query("shop", "SELECT count(*) FROM customers")).containsExactly("2000");
  }

  @Test
  void aServerTheHarnessStartsHasNothingToRunInPlace() {
    assertThat(RehearseCommand.execute("run", SCENARIO.toString(), "--postgres", "embedded", "--in-place",
        "--confirm-database", "shop", "--out", dir.resolve("out").toString())).isEqualTo(2);
  }
}
