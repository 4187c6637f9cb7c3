package dev.rehearsal.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.cli.CapturedRun;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.seed.SchemaDdl;
import dev.rehearsal.harness.seed.SeedProgress;
import dev.rehearsal.harness.seed.Seeder;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The round trip of issue 19 at small scale: a source database Rehearsal did not seed (plain SQL:
 * skewed keys, NULLs, text of varying lengths, a foreign key with uneven fan-out, an enum, a
 * partial and a GIN index), ANALYZEd, under a known query mix with pg_stat_statements preloaded;
 * profiled; the scenario seeded into a second database; both compared statistic by statistic.
 * And the profile's session provably writes nothing.
 */
class ProfileIT {

  static final String SOURCE_SQL = """
      SELECT setseed(0.42);
      CREATE TYPE order_status AS ENUM ('placed', 'paid', 'shipped', 'delivered', 'cancelled');
      CREATE TABLE customers (
        id bigint PRIMARY KEY,
        email text NOT NULL UNIQUE,
        country text NOT NULL,
        nickname text,
        score integer NOT NULL CHECK (score >= 0),
        created_at timestamptz NOT NULL
      );
      CREATE TABLE orders (
        id bigint PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers (id),
        status order_status NOT NULL,
        total_cents integer NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX orders_customer ON orders (customer_id);
      CREATE INDEX orders_open ON orders (created_at) WHERE status IN ('placed', 'paid');
      CREATE INDEX orders_note_words ON orders USING gin (to_tsvector('simple', coalesce(note, '')));
      INSERT INTO customers
      SELECT g, 'user' || g || '@example.com',
             CASE WHEN g % 100 < 40 THEN 'DE' WHEN g % 100 < 65 THEN 'FR' WHEN g % 100 < 80 THEN 'GB'
                  WHEN g % 100 < 90 THEN 'US' ELSE 'C' || (g % 20) END,
             CASE WHEN g % 10 < 3 THEN NULL ELSE repeat('x', 3 + g % 17) || g END,
             (g * 37) % 1000,
             timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'
      FROM generate_series(1, {customers}) g;
      INSERT INTO orders
      SELECT g, 1 + floor({customers} * power(random(), 3))::int,
             (ARRAY['placed', 'paid', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled'])[1 + (g % 7)]::order_status,
             (random() * 50000)::int,
             CASE WHEN random() < 0.5 THEN NULL ELSE substr(repeat(md5(g::text), 3), 1, 5 + g % 60) END,
             timestamptz '2024-06-01 00:00:00+00' + g * interval '10 minutes'
      FROM generate_series(1, {orders}) g;
      ANALYZE customers;
      ANALYZE orders;
      """;

  /**
   * Rows of customers and orders: 5,000 and 30,000, times {@code -Dprofile.it.scale} (default 1).
   * At the default ANALYZE reads every row, so both sides' statistics are exact; a larger scale
   * (benchmarks/scripts/profile-roundtrip.sh) makes both sample 30,000 rows, as in production.
   */
  static final int SCALE = Integer.getInteger("profile.it.scale", 1);
  static final int CUSTOMERS = 5_000 * SCALE;
  static final int ORDERS = 30_000 * SCALE;

  /** The known query mix: statement, calls per second. */
  static final double[] RATES = {40, 30, 10, 20};

  static PostgresServer server;
  static ScratchDatabase source;
  static final List<ScratchDatabase> copies = new ArrayList<>();

  @BeforeAll
  static void start() throws SQLException {
    // -Dprofile.it.major=17 runs it on another major whose binaries are at hand
    server = new EmbeddedProvider(Integer.getInteger("profile.it.major", EmbeddedBinaries.DEFAULT_MAJOR))
        .start(Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "top"));
    source = ScratchDatabase.create(server);
    try (Connection c = ScratchDatabase.connect(source.target(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION pg_stat_statements");
      st.execute(SOURCE_SQL.replace("{customers}", String.valueOf(CUSTOMERS))
          .replace("{orders}", String.valueOf(ORDERS)));
    }
  }

  @AfterAll
  static void stop() {
    copies.forEach(ScratchDatabase::close);
    if (source != null) {
      source.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static String url(DatabaseTarget target) {
    return target.jdbcUrl() + (target.jdbcUrl().contains("?") ? "&" : "?") + "user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
  }

  @Test
  void roundTripReproducesTheStatisticsAndTheQueryMix() throws Exception {
    Profiler.Result profile;
    AtomicLong[] calls = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
    ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
    List<Connection> sessions = new ArrayList<>();
    try {
      drive(load, calls, sessions);
      Thread.sleep(1000); // past the first calls, so the sample sees a steady rate
      profile = new Profiler(new ProfileOptions(url(source.target()), List.of(), Duration.ofSeconds(4), 20, false, 1.0,
          ProfileOptions.Workload.REQUIRED), Console.silent()).run();
    } finally {
      load.shutdownNow();
      load.awaitTermination(10, TimeUnit.SECONDS);
      for (Connection c : sessions) {
        c.close(); // their backends flush their statistics as they exit: none left for the read-only proof
      }
    }
    System.out.println(profile.yaml());
    Scenario scenario = ScenarioLoader.parse(profile.yaml(), "profile.yaml", null);

    // privacy: no source text value in the file
    assertThat(profile.yaml()).doesNotContain("@example.com").doesNotContain("xxxx").doesNotContain("'DE'")
        .doesNotContainPattern("\\bDE\\b").doesNotContainPattern("[0-9a-f]{12}");

    // the workload: every statement of the mix, at its rate
    List<OperationSpec> ops = scenario.workload().operations();
    assertThat(ops).hasSize(4);
    double total = 0;
    for (double r : RATES) {
      total += r;
    }
    assertThat(scenario.workload().ratePerSecond()).isBetween(total * 0.9, total * 1.1);
    double weights = ops.stream().mapToDouble(OperationSpec::weight).sum();
    String[] shapes = {"FROM orders WHERE customer_id", "FROM customers WHERE id", "UPDATE orders", "created_at >"};
    for (int i = 0; i < shapes.length; i++) {
      String shape = shapes[i];
      OperationSpec op = ops.stream().filter(o -> o.statements().get(0).sql().contains(shape)).findFirst().orElseThrow(
          () -> new AssertionError("no operation for " + shape));
      System.out.printf("workload: %-32s weight share %.3f, driven share %.3f%n", shape, op.weight() / weights,
          RATES[i] / total);
      assertThat(op.weight() / weights).isBetween(RATES[i] / total * 0.9, RATES[i] / total * 1.1);
    }

    // seed the profile into a second database, ANALYZE, compare
    ScratchDatabase copy = ScratchDatabase.create(server);
    copies.add(copy);
    SchemaDdl.apply(scenario, copy.target());
    new Seeder(copy.target(), 1, 1, SeedProgress.lines(line -> { }, 60)).seed(scenario.dataset());
    try (Connection c = ScratchDatabase.connect(copy.target(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("ANALYZE");
    }
    List<FidelityCheck.Row> rows = FidelityCheck.compare(url(source.target()), url(copy.target()));
    System.out.print(FidelityCheck.table(rows));
    assertThat(rows.stream().filter(r -> !r.ok()).toList()).isEmpty();

    // every operation runs on the copy, its params bound as the load generator would bind them
    try (Connection c = ScratchDatabase.connect(copy.target(), "profile-it")) {
      c.setAutoCommit(false);
      for (OperationSpec op : ops) {
        try (PreparedStatement ps = c.prepareStatement(op.statements().get(0).sql())) {
          List<String> names = op.statements().get(0).paramNames();
          for (int i = 0; i < names.size(); i++) {
            ps.setObject(i + 1, sample(op.params().get(names.get(i))));
          }
          ps.execute();
        }
        c.rollback();
      }
    }

    // the command line says the same: --check exits 0 with the table
    CapturedRun check = CapturedRun.of("profile", "--check", url(source.target()), url(copy.target()));
    assertThat(check.exit()).as(check.stderr()).isZero();
    assertThat(check.stdout()).contains("every figure within its threshold");
  }

  /** A value of the param's kind, typed as the load generator binds it. */
  private static Object sample(dev.rehearsal.scenario.ParamSpec p) {
    return switch (p.kind()) {
      case "existingKey" -> 1L;
      case "newKey" -> 10_000_000L;
      case "uniform" -> p.min();
      case "text" -> "abc";
      case "choice" -> p.values().get(0) instanceof String text ? text : ((Number) p.values().get(0)).longValue();
      default -> throw new AssertionError("unexpected param kind " + p.kind());
    };
  }

  /** Runs the four statements of the mix at their rates, until {@code load} is shut down. */
  private static void drive(ScheduledExecutorService load, AtomicLong[] calls, List<Connection> sessions)
      throws SQLException {
    String[] sql = {
        "SELECT id, status, total_cents FROM orders WHERE customer_id = ?",
        "SELECT email, country FROM customers WHERE id = ?",
        "UPDATE orders SET total_cents = total_cents + 1 WHERE id = ? RETURNING id, total_cents",
        "SELECT id FROM orders WHERE created_at > ? ORDER BY created_at LIMIT 10"};
    for (int i = 0; i < sql.length; i++) {
      int q = i;
      Connection c = ScratchDatabase.connect(source.target(), "profile-it-load");
      sessions.add(c);
      PreparedStatement ps = c.prepareStatement(sql[q]);
      load.scheduleAtFixedRate(() -> {
        try {
          ThreadLocalRandom r = ThreadLocalRandom.current();
          if (q == 3) {
            ps.setTimestamp(1, Timestamp.from(Instant.parse("2024-06-01T00:00:00Z").plusSeconds(r.nextInt(18_000_000))));
          } else {
            ps.setLong(1, 1 + r.nextInt(CUSTOMERS));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              // read it all, as an application would
            }
          }
          calls[q].incrementAndGet();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }, 0, Math.round(1_000_000 / RATES[q]), TimeUnit.MICROSECONDS);
    }
  }

  /** Types and shapes beyond the round trip's: each profiled so that the scenario validates and seeds. */
  @Test
  void otherTypesAndShapesProfileIntoAScenarioThatSeeds() throws Exception {
    ScratchDatabase db = ScratchDatabase.create(server);
    copies.add(db);
    try (Connection c = ScratchDatabase.connect(db.target(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("""
          CREATE SCHEMA sales;
          CREATE DOMAIN sales.positive AS integer CHECK (VALUE > 0);
          CREATE TABLE sales.events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            serial_no bigserial,
            code varchar(3) NOT NULL,
            amount numeric(10,2),
            ratio double precision,
            quantity sales.positive,
            flag boolean NOT NULL,
            happened_on date,
            payload jsonb,
            tags text[],
            source inet,
            "Mixed Case" text,
            parent_id bigint REFERENCES sales.events (id),
            total numeric(12,2) GENERATED ALWAYS AS (amount * 2) STORED
          );
          CREATE INDEX events_code_day ON sales.events (code, happened_on) WHERE happened_on IS NOT NULL;
          CREATE TABLE sales.untouched (id int);
          INSERT INTO sales.events (code, amount, ratio, quantity, flag, happened_on, payload, tags, source, "Mixed Case")
          SELECT (ARRAY['AB', 'CDE', 'F'])[1 + g % 3], round((g % 977) * 1.37, 2), g / 7.0, 1 + g % 50, g % 4 = 0,
                 date '2025-01-01' + (g % 365), jsonb_build_object('n', g), ARRAY['t' || (g % 5)],
                 ('10.0.' || (g % 200) || '.' || (g % 250))::inet, CASE WHEN g % 3 = 0 THEN NULL ELSE 'v' || g END
          FROM generate_series(1, 3000) g;
          UPDATE sales.events SET parent_id = id - 1 WHERE id % 10 = 0;
          ANALYZE sales.events;
          """);
    }
    Profiler.Result profile = new Profiler(new ProfileOptions(url(db.target()), List.of(), Duration.ofSeconds(1), 20,
        false, 0.5, ProfileOptions.Workload.NONE), Console.silent()).run();
    System.out.println(profile.yaml());
    assertThat(profile.notes()).anyMatch(n -> n.contains("never analyzed: sales.untouched"));
    assertThat(profile.yaml()).doesNotContain("10.0.").doesNotContain("\"n\"").doesNotContain("'CDE'");
    Scenario scenario = ScenarioLoader.parse(profile.yaml(), "profile.yaml", null);
    assertThat(scenario.dataset().tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(1500));
    ScratchDatabase copy = ScratchDatabase.create(server);
    copies.add(copy);
    SchemaDdl.apply(scenario, copy.target());
    new Seeder(copy.target(), 1, 1, SeedProgress.lines(line -> { }, 60)).seed(scenario.dataset());
    try (Connection c = ScratchDatabase.connect(copy.target(), "profile-it"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT code), count(\"Mixed Case\") FROM sales.events")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1500);
      assertThat(rs.getLong(2)).isEqualTo(3);
      assertThat(rs.getLong(3)).isBetween(950L, 1050L);
    }
    // --check of the half-size copy: rows against the source's times 0.5; the table never analyzed
    // is a row that says so and does not fail
    try (Connection c = ScratchDatabase.connect(copy.target(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("ANALYZE");
    }
    List<FidelityCheck.Row> rows = FidelityCheck.compare(url(db.target()), url(copy.target()), 0.5);
    System.out.print(FidelityCheck.table(rows));
    assertThat(rows).contains(new FidelityCheck.Row("sales.events", "", "rows (x0.5)", "1,500", "1,500", true));
    assertThat(rows).filteredOn(r -> r.table().equals("sales.untouched")).extracting(FidelityCheck.Row::figure)
        .containsExactly("not profiled", "indexes", "constraints");
    assertThat(rows).filteredOn(r -> r.table().equals("sales.untouched")).allMatch(FidelityCheck.Row::ok);
  }

  @Test
  void theProfiledDatabaseIsOnlyRead() throws Exception {
    Thread.sleep(1500); // whatever ran before has flushed its statistics
    long[] before = activity();
    String catalogBefore = catalog();
    Profiler.Result profile = new Profiler(new ProfileOptions(url(source.target()), List.of(), Duration.ofSeconds(1), 20,
        false, 1.0, ProfileOptions.Workload.AUTO), Console.silent()).run();
    assertThat(profile.yaml()).contains("CREATE TABLE orders");
    Thread.sleep(1500); // statistics are flushed by each backend within a second
    long[] after = activity();
    System.out.printf("read-only: xact_commit %d -> %d, tup_inserted %d -> %d, tup_updated %d -> %d, tup_deleted %d -> %d%n",
        before[0], after[0], before[1], after[1], before[2], after[2], before[3], after[3]);
    assertThat(after[0]).isGreaterThan(before[0]);
    assertThat(new long[] {after[1], after[2], after[3]}).containsExactly(before[1], before[2], before[3]);
    assertThat(catalog()).isEqualTo(catalogBefore);
  }

  @Test
  void whatTheUserMustFixIsExitTwoWithTheFixAndNothingWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path out = dir.resolve("scenario.yaml");
    // unreachable
    CapturedRun unreachable = CapturedRun.of("profile", "jdbc:postgresql://127.0.0.1:1/app?user=nobody",
        "--out", out.toString());
    assertThat(unreachable.exit()).isEqualTo(2);
    assertThat(unreachable.stderr()).contains("cannot connect").contains("fix:");
    // a role without SELECT on the tables
    try (Connection c = ScratchDatabase.connect(source.target(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN "
          + "CREATE ROLE reader LOGIN PASSWORD 'reader'; END IF; END $$");
      st.execute("GRANT CONNECT ON DATABASE " + source.name() + " TO reader");
    }
    String reader = source.target().jdbcUrl() + "?user=reader&password=reader";
    CapturedRun denied = CapturedRun.of("profile", reader, "--out", out.toString());
    assertThat(denied.exit()).as(denied.stderr()).isEqualTo(2);
    assertThat(denied.stderr()).contains("may not SELECT customers, orders").contains("GRANT SELECT ON customers, orders TO reader");
    // no tables, and no pg_stat_statements
    ScratchDatabase empty = ScratchDatabase.create(server);
    copies.add(empty);
    CapturedRun none = CapturedRun.of("profile", url(empty.target()), "--out", out.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.stderr()).contains("no table to profile").contains("fix:");
    assertThat(out).doesNotExist();
    try (Connection c = ScratchDatabase.connect(empty.target(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g;"
          + " ANALYZE t");
    }
    CapturedRun required = CapturedRun.of("profile", url(empty.target()), "--workload", "required", "--out",
        out.toString());
    assertThat(required.exit()).isEqualTo(2);
    assertThat(required.stderr()).contains("pg_stat_statements is not installed").contains("shared_preload_libraries");
    assertThat(out).doesNotExist();
    CapturedRun auto = CapturedRun.of("profile", url(empty.target()), "--out", out.toString());
    assertThat(auto.exit()).as(auto.stderr()).isZero();
    assertThat(auto.stderr()).contains("warning: the workload part is a placeholder");
    CapturedRun valid = CapturedRun.of("validate", out.toString());
    assertThat(valid.exit()).as(valid.stderr()).isZero();
  }

  private static long[] activity() throws SQLException {
    try (Connection c = ScratchDatabase.connect(server.adminTarget(), "profile-it"); Statement st = c.createStatement()) {
      st.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs = st.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted "
          + "FROM pg_stat_database WHERE datname = '" + source.name() + "'")) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
      }
    }
  }

  private static String catalog() throws SQLException {
    try (Connection c = ScratchDatabase.connect(source.target(), "profile-it"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT md5(string_agg(oid || ':' || relname || ':' || relfilenode || ':' "
            + "|| relkind::text, ',' ORDER BY oid)) FROM pg_class")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
