package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.PostgresProcesses;
import dev.rehearsal.harness.provision.DockerProbe;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs: one test, or one named row of a table, per distinct bad input —
 * and the count matters (the issue asks for at least 20; a newly found bad input gets its case
 * here). Each case drives the real command line ({@link RehearseCommand#execute} in-process;
 * Docker's absence in a child process) and checks the contract of exit code 2: the message says
 * what was wrong, where (file:line:column, the option, the server, the statement and its
 * SQLSTATE) and how to fix it ("fix:"); it shows no stack trace and echoes no password; and
 * nothing is left running — no PostgreSQL server started here, no scratch database or session
 * of the harness on the shared server.
 *
 * <p>The cases that need a server share one embedded PostgreSQL, which the harness is given as
 * an existing server by JDBC URL; the others fail before any server would start, and start none.
 */
class BadInputCasesIT {

  /** A role that must give a password (scram-sha-256), and may create databases. */
  private static final String PASSWORD_ROLE = "rehearsal_pw";
  /** A role that must give a password, and may not create databases. */
  private static final String NO_CREATEDB_ROLE = "rehearsal_nocreate";
  private static final String RIGHT_PASSWORD = "Right-pa55-plugh";
  private static final String WRONG_PASSWORD = "Wr0ng-pa55-xyzzy";

  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");
  /** An exception's class name, qualified or not (PSQLException, java.io.IOException, ...). */
  private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[A-Z][\\w.$]*(Exception|Error)\\b");

  /** This JVM, and the child processes a case starts: whoever may start a server here. */
  private static final Set<Long> LAUNCHERS = new HashSet<>(Set.of(ProcessHandle.current().pid()));

  private static PostgresServer server;

  @TempDir
  Path dir;

  private Set<Long> serversBefore;

  @BeforeAll
  static void startSharedServer() throws Exception {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
    // the check that nothing is left running sees the servers this JVM starts, or it proves nothing
    assertThat(PostgresProcesses.postmastersStartedBy(LAUNCHERS)).as("the shared server, as started here").isNotEmpty();
    try (Connection c = superuser(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + PASSWORD_ROLE + " LOGIN CREATEDB PASSWORD '" + RIGHT_PASSWORD + "'");
      st.execute("CREATE ROLE " + NO_CREATEDB_ROLE + " LOGIN PASSWORD '" + RIGHT_PASSWORD + "'");
      Path hba;
      try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
        rs.next();
        hba = Path.of(rs.getString(1));
      }
      // the embedded server trusts local connections; these two roles must authenticate
      String roles = PASSWORD_ROLE + "," + NO_CREATEDB_ROLE;
      Files.writeString(hba, "host all " + roles + " 127.0.0.1/32 scram-sha-256\n"
          + "host all " + roles + " ::1/128 scram-sha-256\n" + Files.readString(hba));
      st.execute("SELECT pg_reload_conf()");
    }
    DatabaseTarget withoutPassword = new DatabaseTarget(server.adminTarget().jdbcUrl(), PASSWORD_ROLE, null);
    for (int i = 0; ; i++) {
      try (Connection c = ScratchDatabase.connect(withoutPassword, "bad-input-check")) {
        assertThat(i).as("pg_hba.conf reloaded: a password is required").isLessThan(50);
      } catch (SQLException expected) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  @AfterAll
  static void stopSharedServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void rememberServers() {
    serversBefore = PostgresProcesses.postmastersStartedBy(LAUNCHERS);
  }

  @AfterEach
  void nothingLeftRunning() throws Exception {
    PostgresProcesses.assertNoServerBeyond(serversBefore, LAUNCHERS, "after bad input");
    List<String> left = List.of();
    for (int i = 0; i < 50; i++) {
      left = leftOnSharedServer();
      if (left.isEmpty()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertThat(left).as("left on the shared server after bad input").isEmpty();
  }

  /** Scratch databases and sessions of the harness on the shared server. */
  private static List<String> leftOnSharedServer() throws SQLException {
    List<String> left = new ArrayList<>();
    try (Connection c = superuser(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 'database ' || datname FROM pg_database WHERE datname LIKE 'rehearsal%'"
            + " UNION ALL SELECT 'session ' || application_name || ' pid ' || pid FROM pg_stat_activity"
            + " WHERE application_name LIKE 'rehearsal%'")) {
      while (rs.next()) {
        left.add(rs.getString(1));
      }
    }
    return left;
  }

  private static Connection superuser() throws SQLException {
    return ScratchDatabase.connect(server.adminTarget(), "bad-input-check");
  }

  /** The shared server's URL for {@code database}, with {@code query} appended. */
  private static String url(String database, String query) {
    return server.target(database).jdbcUrl() + "?" + query;
  }

  // ---------------------------------------------------------------- what every case checks

  private static CapturedRun rehearse(String... args) {
    CapturedRun run = CapturedRun.of(args);
    System.err.print(run.all()); // in the test's own log, for whoever reads a failure
    return run;
  }

  /**
   * Exit code 2, an error with a fix, no stack trace and no exception's name; returns an
   * assertion on stderr for the what and the where of the case.
   */
  private static AbstractStringAssert<?> assertBadInput(CapturedRun run) {
    assertThat(run.exit()).as("exit code; printed:%n%s", run.all()).isEqualTo(2);
    assertThat(run.stderr()).as("the message").contains("error: ").containsPattern("\n  fix: \\S");
    assertThat(run.all()).as("no stack trace")
        .doesNotContainPattern(STACK_FRAME).doesNotContain("Caused by:").doesNotContainPattern(EXCEPTION_CLASS);
    return assertThat(run.stderr());
  }

  /** {@code secret} appears in nothing printed and in no file written under the test's directory. */
  private void assertNowhere(String secret, CapturedRun run) throws IOException {
    assertThat(run.all()).as("printed output").doesNotContain(secret);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(secret);
      }
    }
  }

  private String out() {
    return dir.resolve("out").toString();
  }

  // ---------------------------------------------------------------- the command line

  /** Name, arguments (run and load get --out too), and what the message must say. */
  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of("unknown command", List.of("rehears", "demo"),
            List.of("error: unknown command 'rehears'", "fix: use one of list, validate, run, compare")),
        Arguments.of("unknown option", List.of("run", "demo", "--postgress", "embedded"),
            List.of("Unknown option", "'--postgress'", "fix: did you mean --postgres? see 'rehearse run --help'")),
        Arguments.of("scenario argument missing", List.of("run"),
            List.of("Missing required parameter: 'SCENARIO'", "fix: see 'rehearse run --help'")),
        Arguments.of("unknown built-in scenario", List.of("run", "add-colum-not-null", "--postgres", "embedded"),
            List.of("error: add-colum-not-null: scenario file not found", "built-in scenarios: demo, add-column-not-null")),
        Arguments.of("unknown strategy", List.of("run", "demo", "--strategy", "nope", "--postgres", "embedded"),
            List.of("--strategy nope: scenario demo has no such strategy", "fix: choose one of [add-column-default, lock-timeout-retry]")),
        Arguments.of("--rollback without down steps", List.of("run", "demo", "--rollback", "--postgres", "embedded"),
            List.of("--rollback: strategy add-column-default of demo declares no down steps")),
        Arguments.of("--rate 0", List.of("run", "demo", "--rate", "0"),
            List.of("'--rate'", "'0': the rate must be greater than 0")),
        Arguments.of("a list of rates outside sweep", List.of("run", "demo", "--rate", "100,500", "--postgres", "embedded"),
            List.of("--rate 100,500: this command takes one value", "rehearse sweep SCENARIO --rate A,B,...")),
        Arguments.of("--rows not a number", List.of("run", "demo", "--rows", "lots"),
            List.of("'--rows'", "'lots' is not a row count (examples: 50000, 200k, 10M)")),
        Arguments.of("--rows negative", List.of("run", "demo", "--rows", "-5"),
            List.of("'--rows'", "'-5': the row count must be at least 1")),
        Arguments.of("--rows and --scale together", List.of("run", "demo", "--rows", "10k", "--scale", "2", "--postgres", "embedded"),
            List.of("--rows and --scale both given")),
        // until this case, 0 (or -3) was quietly taken as 1
        Arguments.of("--streams 0", List.of("run", "demo", "--streams", "0", "--postgres", "embedded"),
            List.of("'--streams'", "'0': seeding needs at least 1 stream per table")),
        Arguments.of("--postgres provider unknown", List.of("run", "demo", "--postgres", "docker"),
            List.of("--postgres docker: unknown provider")),
        Arguments.of("--pg-version without binaries", List.of("run", "demo", "--postgres", "embedded", "--pg-version", "9"),
            List.of("--pg-version 9: PostgreSQL 9 has no embedded binaries", "fix: choose --pg-version 15, 16, 17 or 18")),
        Arguments.of("load --duration unparsable", List.of("load", "demo", "--duration", "soon", "--postgres", "embedded"),
            List.of("'--duration'", "'soon' is not a duration")),
        Arguments.of("load --max with --rate", List.of("load", "demo", "--max", "--rate", "100", "--postgres", "embedded"),
            List.of("--max and --rate both set the pace")),
        Arguments.of("seed of an unknown dataset", List.of("seed", "--dataset", "tpcc"),
            List.of("--dataset tpcc: unknown built-in dataset", "--dataset pgbench")),
        Arguments.of("diff baseline missing", List.of("diff", "no-such-baseline", "no-such-current"),
            List.of("error: BASELINE no-such-baseline: no such file or directory", "fix: pass a report.json")),
        Arguments.of("diff --tolerance on an unknown metric", List.of("diff", "a", "b", "--tolerance", "p99=50%"),
            List.of("--tolerance p99=50%: unknown metric 'p99'", "fix: name one of blockedSessionSeconds")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void commandLine(String name, List<String> args, List<String> message) {
    List<String> all = new ArrayList<>(args);
    if (args.get(0).equals("run") || args.get(0).equals("load")) {
      all.addAll(List.of("--out", out()));
    }
    assertBadInput(rehearse(all.toArray(String[]::new))).contains(message);
  }

  @Test
  void outputDirectoryNotWritable() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    String out = file.resolve("reports").toString();
    assertBadInput(rehearse("run", "demo", "--postgres", "embedded", "--out", out))
        .contains("--out " + out + ": cannot write reports there", "fix: choose a writable directory");
  }

  @Test
  void diffOfAFileThatIsNoReport() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertBadInput(rehearse("diff", notes.toString(), notes.toString()))
        .contains("error: BASELINE " + notes + ": not a Rehearsal report", "fix: pass a report.json written by rehearse");
  }

  @Test
  void malformedPostgresUrl() throws IOException {
    CapturedRun run = rehearse("run", "demo", "--postgres", "jdbc:postgresql://:5432/app?password=" + WRONG_PASSWORD, "--out", out());
    assertBadInput(run).contains("--postgres jdbc:postgresql://:5432/app?password=***: malformed JDBC URL");
    assertNowhere(WRONG_PASSWORD, run);
  }

  @Test
  void userAndPasswordBeforeTheHost() throws IOException {
    CapturedRun run = rehearse("run", "demo", "--postgres", "jdbc:postgresql://alice:" + WRONG_PASSWORD + "@localhost/app",
        "--out", out());
    assertBadInput(run).contains("--postgres jdbc:postgresql://alice:***@localhost/app: USER:PASSWORD@ before the host"
        + " is not read by PostgreSQL's JDBC driver");
    assertNowhere(WRONG_PASSWORD, run);
  }

  @Test
  void dockerRequestedButAbsent() throws Exception {
    List<String> command = new ArrayList<>();
    if (canHideRun()) {
      // a private mount namespace with an empty /run: no Docker socket where Testcontainers looks,
      // even on a machine where Docker runs
      command.addAll(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
          "mount -t tmpfs none /run && exec \"$@\"", "sh"));
    } else {
      // Testcontainers falls back from a DOCKER_HOST that points nowhere to a local socket that works
      Assumptions.assumeFalse(DockerProbe.available(Duration.ofSeconds(10)), "Docker answers on this machine and its "
          + "socket cannot be hidden (unshare --mount failed), so 'Docker requested but absent' cannot be staged here");
    }
    Path home = Files.createDirectories(dir.resolve("home"));
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + home, "-jar", Path.of("target", "rehearse.jar").toAbsolutePath().toString(),
        "run", "demo", "--postgres", "container", "--out", out()));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE");
    pb.environment().remove("TESTCONTAINERS_HOST_OVERRIDE");
    Process process = pb.start();
    LAUNCHERS.add(process.pid());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("rehearse ended").isTrue();
    CapturedRun run = new CapturedRun(process.exitValue(), Files.readString(dir.resolve("stdout.txt")),
        Files.readString(dir.resolve("stderr.txt")));
    System.err.print(run.all());
    assertBadInput(run).contains("--postgres container: Docker does not answer on this machine",
        "fix: start Docker (or set DOCKER_HOST), or use --postgres embedded");
  }

  /** Whether this machine lets a child process run with an empty /run of its own. */
  private static boolean canHideRun() {
    try {
      Process p = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
          "mount -t tmpfs none /run").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ---------------------------------------------------------------- scenario files

  /** The stop-test scenario with {@code from} replaced by {@code to}, as bad.yaml. */
  private Path scenarioWith(String from, String to) throws IOException {
    String yaml = Files.readString(Path.of("src", "test", "resources", "scenarios", "stop-test.yaml"));
    assertThat(yaml).contains(from);
    return Files.writeString(dir.resolve("bad.yaml"), yaml.replace(from, to));
  }

  /** {@code file:line:column} of {@code value} on the first line of {@code file} containing {@code lineMarker}. */
  private static String positionOf(Path file, String lineMarker, String value) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(lineMarker)) {
        int column = lines.get(i).indexOf(value, lines.get(i).indexOf(lineMarker));
        assertThat(column).as("%s on line %d", value, i + 1).isNotNegative();
        return file + ":" + (i + 1) + ":" + (column + 1);
      }
    }
    throw new AssertionError(lineMarker + " not in " + file);
  }

  /**
   * Name; the edit to the stop-test scenario; the line (a marker on it) and the value the
   * message must point at; the problem it must state.
   */
  static Stream<Arguments> scenarioEdits() {
    return Stream.of(
        Arguments.of("unknown key", "  maxInFlight: 256\n", "  maxInFlight: 256\n  ratee: 300\n",
            "ratee", "ratee", "unknown key 'ratee' in workload\n  fix: allowed keys here: rate, stages"),
        Arguments.of("value of the wrong type", "rows: 20000", "rows: many",
            "rows: many", "many", "rows must be a whole number, got 'many'\n  fix: write digits only"),
        Arguments.of("negative row count", "rows: 20000", "rows: -5",
            "rows: -5", "-5", "rows must be at least 1, got -5\n  fix: use 1 or more"),
        Arguments.of("zero rate", "  rate: 200\n", "  rate: 0\n",
            "  rate: 0", "0", "rate must be greater than 0, got 0\n  fix: rate is the number of weighted operations"),
        Arguments.of("unparsable duration", "warmup: 4s", "warmup: soon",
            "warmup: soon", "soon", "warmup must be a duration like 500ms, 10s or 2m, got 'soon'\n"
                + "  fix: write a number and a unit, ms, s, m or h"),
        Arguments.of("migration file missing", "      - sql: SELECT pg_sleep(60)", "      - file: migrations/missing.sql",
            "- file:", "migrations/missing.sql", "step file 'migrations/missing.sql' not found\n  fix: looked for "),
        Arguments.of("budget on an unknown metric", "  - metric: peakP99Ms", "  - metric: p99",
            "metric: p99", "p99", "unknown metric 'p99'\n  fix: known metrics: baselineP99Ms"));
  }

  @ParameterizedTest(name = "scenario: {0}")
  @MethodSource("scenarioEdits")
  void scenario(String name, String from, String to, String lineMarker, String value, String problem) throws IOException {
    Path file = scenarioWith(from, to);
    assertBadInput(rehearse("run", file.toString(), "--postgres", "embedded", "--out", out()))
        .contains("error: " + positionOf(file, lineMarker, value) + ": " + problem);
  }

  @Test
  void scenarioFileMissing() {
    String missing = dir.resolve("no-such-scenario.yaml").toString();
    assertBadInput(rehearse("run", missing, "--postgres", "embedded", "--out", out()))
        .contains("error: " + missing + ": scenario file not found", "fix: check the path; built-in scenarios: demo");
  }

  @Test
  void scenarioFileNotYaml() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "name: broken\nthis is: not: yaml\n");
    assertBadInput(rehearse("run", file.toString(), "--postgres", "embedded", "--out", out()))
        .contains("error: " + positionOf(file, "this is", ": yaml") + ": not valid YAML", "fix: indent with spaces");
  }

  @Test
  void concurrentIndexInsideATransactionBlock() throws IOException {
    Path file = scenarioWith("      - sql: SELECT pg_sleep(60)",
        "      - sql: |\n          BEGIN;\n          CREATE INDEX CONCURRENTLY users_plan ON users (plan);\n          COMMIT;");
    assertBadInput(rehearse("run", file.toString(), "--postgres", "embedded", "--out", out()))
        .contains("step 2, line 2: 'CREATE INDEX CONCURRENTLY users_plan ON users (plan)' cannot run inside a transaction block",
            "fix: give it a step of its own");
  }

  // ---------------------------------------------------------------- a server that will not do

  @Test
  void unreachableServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again before the rehearsal tries it
    }
    CapturedRun run = rehearse("run", "demo", "--postgres",
        "jdbc:postgresql://127.0.0.1:" + port + "/app?password=" + WRONG_PASSWORD, "--out", out());
    assertBadInput(run).contains("jdbc:postgresql://127.0.0.1:" + port + "/app: cannot connect", "fix: check host and port");
    assertNowhere(WRONG_PASSWORD, run);
  }

  @Test
  void wrongPassword() throws IOException {
    CapturedRun run = rehearse("run", "demo", "--postgres",
        url("postgres", "user=" + PASSWORD_ROLE + "&password=" + WRONG_PASSWORD), "--out", out());
    assertBadInput(run).contains(server.target("postgres").jdbcUrl() + ": authentication failed for user " + PASSWORD_ROLE,
        "fix: check the user, and the password");
    assertNowhere(WRONG_PASSWORD, run);
  }

  @Test
  void passwordRequiredButNoneGiven() {
    Assumptions.assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD is set");
    assertBadInput(rehearse("run", "demo", "--postgres", url("postgres", "user=" + PASSWORD_ROLE), "--out", out()))
        .contains(server.target("postgres").jdbcUrl() + ": the server asks user " + PASSWORD_ROLE
            + " for a password, and none was given", "fix: set PGPASSWORD, or add the password to ~/.pgpass");
  }

  @Test
  void databaseInTheUrlMissing() {
    assertBadInput(rehearse("run", "demo", "--postgres", url("no_such_db", "user=postgres"), "--out", out()))
        .contains(server.target("no_such_db").jdbcUrl() + ": database does not exist", "fix: name an existing database");
  }

  @Test
  void userMayNotCreateDatabases() throws IOException {
    CapturedRun run = rehearse("run", "demo", "--postgres",
        url("postgres", "user=" + NO_CREATEDB_ROLE + "&password=" + RIGHT_PASSWORD), "--out", out());
    assertBadInput(run).contains(server.target("postgres").jdbcUrl() + ": user " + NO_CREATEDB_ROLE
        + " may not create databases", "fix: connect as a role with CREATEDB");
    assertNowhere(RIGHT_PASSWORD, run);
  }

  @Test
  void schemaDdlErrorDuringSeeding() throws IOException {
    Path file = scenarioWith("login_count integer NOT NULL,", "login_count integr NOT NULL,");
    assertBadInput(rehearse("run", file.toString(), "--postgres", url("postgres", "user=postgres"), "--out", out()))
        .contains(file + " schema.sql:6: schema DDL failed: ERROR: type \"integr\" does not exist (SQLSTATE 42704), "
            + "in the statement 'CREATE TABLE users ('", "fix: correct the schema");
  }

  @Test
  void moreRowsThanTheDiskHolds() {
    assertBadInput(rehearse("run", "demo", "--postgres", url("postgres", "user=postgres"), "--rows", "50000000000",
        "--out", out()))
        .containsPattern("the dataset needs about [0-9.]+ GB on the server's disk \\(its copies and the WAL written while loading\\), but only [0-9.]+ [GM]B is free at /")
        .contains("fix: lower --rows or --scale");
  }
}
