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

/**
 * Seeding against a real PostgreSQL: the data is what the dataset says (unique where the schema
 * says unique, foreign keys valid, skewed), deterministic, restored in pg_restore order, settled
 * by VACUUM — and the fast-load settings never reach the rehearsal's sessions.
 */
class SeederIT {

  static PostgresServer server;
  final List<ScratchDatabase> databases = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR)
        .start(Map.of("synchronous_commit", "on", "maintenance_work_mem", "64MB"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void dropDatabases() {
    databases.forEach(ScratchDatabase::close);
  }

  static Scenario scenario(String schema, String dataset) {
    String yaml = "name: seed-test\nschema:\n  sql: |\n" + indent(schema, 4) + "dataset:\n" + indent(dataset, 2) + """
        workload:
          rate: 10
          operations:
            - name: noop
              weight: 1
              sql: SELECT 1
        strategies:
          - name: noop
            steps:
              - sql: SELECT 1
        """;
    return ScenarioLoader.parse(yaml, "seed-test.yaml", null);
  }

  private static String indent(String text, int spaces) {
    StringBuilder out = new StringBuilder();
    for (String line : text.strip().split("\n")) {
      out.append(" ".repeat(spaces)).append(line).append('\n');
    }
    return out.toString();
  }

  DatabaseTarget schema(Scenario scenario) {
    ScratchDatabase db = ScratchDatabase.create(server);
    databases.add(db);
    SchemaDdl.apply(scenario, db.target());
    return db.target();
  }

  SeedResult seed(Scenario scenario, DatabaseTarget target, long seed, int streams) {
    return new Seeder(target, seed, streams, SeedProgress.lines(line -> { }, 60)).seed(scenario.dataset());
  }

  static String scalar(DatabaseTarget target, String sql) throws SQLException {
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-test");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static final String SHOP_SCHEMA = """
      CREATE TABLE orgs (id bigint PRIMARY KEY, name text NOT NULL UNIQUE);
      CREATE TABLE users (
        id bigserial PRIMARY KEY,
        org_id bigint NOT NULL REFERENCES orgs(id),
        email text NOT NULL UNIQUE,
        name varchar(80) NOT NULL,
        plan text NOT NULL,
        score integer NOT NULL,
        balance numeric(12,2),
        active boolean NOT NULL,
        created_at timestamptz NOT NULL,
        profile jsonb
      );
      CREATE INDEX users_created_at ON users (created_at);
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES users(id),
        amount numeric(10,2) NOT NULL,
        note text
      );
      CREATE INDEX orders_user_id ON orders (user_id);
      """;

  static String shopDataset(long orgs, long users, long orders) {
    return """
        tables:
          - name: orgs
            rows: %d
            columns:
              name: {generator: company}
          - name: users
            rows: %d
            columns:
              email: {generator: email}
              name: {generator: name}
              plan: {generator: choice, values: [free, pro, team], weights: [70, 20, 10]}
              score: {generator: zipfian, min: 0, max: 1000}
              balance: {generator: uniform, min: 0, max: 5000, scale: 2, nullFraction: 0.25}
              created_at: {generator: timestamp, days: 730}
              profile:
                generator: json
                template: {theme: {generator: choice, values: [dark, light]}, beta: true}
          - name: orders
            rows: %d
            columns:
              amount: {generator: uniform, min: 1, max: 500, scale: 2}
              note: {generator: text, minLength: 0, maxLength: 40, nullFraction: 0.5}
        """.formatted(orgs, users, orders);
  }

  @Test
  void aFewMillionRowsAreUniqueWhereTheSchemaSaysAndEveryForeignKeyPointsAtARealParent() throws Exception {
    Scenario s = scenario(SHOP_SCHEMA, shopDataset(2_000, 1_000_000, 2_000_000));
    DatabaseTarget t = schema(s);

    SeedResult result = seed(s, t, 42, 3);

    assertThat(result.tables()).extracting(SeedResult.SeededTable::rows).containsExactly(2_000L, 1_000_000L, 2_000_000L);
    assertThat(result.tables()).extracting(SeedResult.SeededTable::format).containsOnly("binary");
    assertThat(scalar(t, "SELECT count(*) FROM orders")).isEqualTo("2000000");
    // every constraint is back, validated, and enforced by the server itself
    assertThat(scalar(t, "SELECT count(*) FROM pg_constraint WHERE conrelid IN ('orgs'::regclass, 'users'::regclass,"
        + " 'orders'::regclass) AND contype IN ('p', 'u', 'f') AND convalidated")).isEqualTo("7");
    assertThat(scalar(t, "SELECT count(*) FROM pg_indexes WHERE tablename IN ('users', 'orders')")).isEqualTo("5");
    assertThat(scalar(t, "SELECT count(*) FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL"))
        .isEqualTo("0");
    assertThat(scalar(t, "SELECT count(DISTINCT email) FROM users")).isEqualTo("1000000");
    // skewed children: the busiest 1% of users place far more than 1% of the orders
    double topShare = Double.parseDouble(scalar(t, "SELECT sum(n)::float / 2000000 FROM (SELECT count(*) n FROM orders"
        + " GROUP BY user_id ORDER BY n DESC LIMIT 10000) top"));
    assertThat(topShare).isGreaterThan(0.2);
    // the serial's sequence continues after the seeded ids
    assertThat(scalar(t, "SELECT nextval('users_id_seq')")).isEqualTo("1000001");
    // settled like production: vacuumed, analyzed, visibility map set
    assertThat(scalar(t, "SELECT count(*) FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL"
        + " AND last_analyze IS NOT NULL")).isEqualTo("3");
    assertThat(Double.parseDouble(scalar(t, "SELECT relallvisible::float / relpages FROM pg_class WHERE relname = 'orders'")))
        .isGreaterThan(0.95);
    // shapes: weights, null fraction, json
    double pro = Double.parseDouble(scalar(t, "SELECT avg((plan = 'pro')::int) FROM users"));
    assertThat(pro).isBetween(0.19, 0.21);
    double nulls = Double.parseDouble(scalar(t, "SELECT avg((balance IS NULL)::int) FROM users"));
    assertThat(nulls).isBetween(0.24, 0.26);
    assertThat(scalar(t, "SELECT count(*) FROM users WHERE profile->>'theme' IN ('dark', 'light') AND profile->'beta' = 'true'"))
        .isEqualTo("1000000");
  }

  @Test
  void theSameSeedGivesTheSameDataWhateverTheStreamsAndAnotherSeedDoesNot() throws Exception {
    Scenario s = scenario(SHOP_SCHEMA, shopDataset(50, 20_000, 30_000));
    String content = "SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) FROM users u";

    DatabaseTarget a = schema(s);
    SeedResult first = seed(s, a, 7, 1);
    DatabaseTarget b = schema(s);
    SeedResult again = seed(s, b, 7, 4);
    DatabaseTarget c = schema(s);
    SeedResult other = seed(s, c, 8, 2);

    assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(again.tables()).extracting(SeedResult.SeededTable::checksum)
        .isEqualTo(first.tables().stream().map(SeedResult.SeededTable::checksum).toList());
    assertThat(scalar(b, content)).isEqualTo(scalar(a, content));
    assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(scalar(c, content)).isNotEqualTo(scalar(a, content));
    // one COPY FREEZE stream (the default) ends with every page all-visible and all-frozen, as
    // pg_visibility reads the visibility map. (Parallel streams rely on the VACUUM (FREEZE) after
    // them, which on this 2-core host left 20-100% of a table's pages not all-visible in 2 of 3 runs.)
    for (DatabaseTarget t : List.of(a)) {
      try (Connection session = ScratchDatabase.connect(t, "rehearsal-test"); Statement st = session.createStatement()) {
        st.execute("CREATE EXTENSION IF NOT EXISTS pg_visibility");
      }
      for (String table : List.of("orgs", "users", "orders")) {
        assertThat(scalar(t, "SELECT format('%s/%s/%s', all_visible, all_frozen, (SELECT relpages FROM pg_class"
            + " WHERE oid = '" + table + "'::regclass)) FROM pg_visibility_map_summary('" + table + "')"))
            .as(table).matches("(\\d+)/\\1/\\1");
      }
    }
  }

  @Test
  void fastLoadSettingsStayInTheSeedingSessions() throws Exception {
    Scenario s = scenario(SHOP_SCHEMA, shopDataset(10, 1_000, 1_000));
    DatabaseTarget t = schema(s);

    SeedResult result = seed(s, t, 1, 2);

    assertThat(result.loadingSynchronousCommit()).isEqualTo("off");
    assertThat(result.sessionSettings()).contains("SET synchronous_commit = off");
    // 64 MB sorts a text index faster than more (benchmarks/README.md, "Index builds")
    assertThat(result.sessionSettings()).contains("SET maintenance_work_mem = '64MB'");
    // what every later session — the application pool's — sees: the scenario's settings
    try (Connection load = ScratchDatabase.connect(t, "rehearsal-load"); Statement st = load.createStatement()) {
      assertThat(show(st, "synchronous_commit")).isEqualTo("on");
      assertThat(show(st, "maintenance_work_mem")).isEqualTo("64MB");
    }
    assertThat(scalar(t, "SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase"
        + " WHERE d.datname = current_database()")).isEqualTo("0");
  }

  private static String show(Statement st, String setting) throws SQLException {
    try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aBareSchemaSeedsWithDefaultsAndAnUnencodedTypeFallsBackToTextCopy() throws Exception {
    Scenario s = scenario("""
        CREATE TABLE parents (id integer PRIMARY KEY, label varchar(8) NOT NULL, at date NOT NULL);
        CREATE TABLE children (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          parent_id integer NOT NULL REFERENCES parents, addr inet, token uuid NOT NULL UNIQUE,
          created_at timestamptz NOT NULL DEFAULT now(), doc jsonb NOT NULL, price numeric(6,2) NOT NULL);
        """, """
        tables:
          - name: parents
            rows: 100
          - name: children
            rows: 5000
        """);
    DatabaseTarget t = schema(s);

    SeedResult result = seed(s, t, 3, 2);

    assertThat(result.tables()).extracting(SeedResult.SeededTable::format).containsExactly("binary", "text");
    assertThat(scalar(t, "SELECT count(*) FROM children c JOIN parents p ON p.id = c.parent_id")).isEqualTo("5000");
    assertThat(scalar(t, "SELECT max(length(label)) <= 8 FROM parents")).isEqualTo("t");
    assertThat(scalar(t, "SELECT count(*) FROM children WHERE addr IS NULL")).isEqualTo("5000");
    assertThat(scalar(t, "SELECT count(DISTINCT created_at) > 1000 FROM children")).isEqualTo("t");
    assertThat(scalar(t, "SELECT max(price) < 10000 FROM children")).isEqualTo("t");
  }

  @Test
  void badDatasetsAreRefusedBeforeAnyRowIsLoaded() {
    Scenario textIntoInteger = scenario("CREATE TABLE t (id bigint PRIMARY KEY, n integer NOT NULL);", """
        tables:
          - name: t
            rows: 10
            columns:
              n: {generator: text}
        """);
    DatabaseTarget t1 = schema(textIntoInteger);
    assertThatThrownBy(() -> seed(textIntoInteger, t1, 1, 1)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("column n (integer)").hasMessageContaining("text values").hasMessageContaining("fix:");

    Scenario tooFewValues = scenario("CREATE TABLE t (id bigint PRIMARY KEY, code integer NOT NULL UNIQUE);", """
        tables:
          - name: t
            rows: 1000
            columns:
              code: {generator: uniform, min: 1, max: 500}
        """);
    DatabaseTarget t2 = schema(tooFewValues);
    assertThatThrownBy(() -> seed(tooFewValues, t2, 1, 1)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("only 500 distinct values for 1000 rows");

    Scenario missingParent = scenario("""
        CREATE TABLE p (id bigint PRIMARY KEY);
        CREATE TABLE c (id bigint PRIMARY KEY, p_id bigint NOT NULL REFERENCES p);
        """, """
        tables:
          - name: c
            rows: 10
        """);
    DatabaseTarget t3 = schema(missingParent);
    assertThatThrownBy(() -> seed(missingParent, t3, 1, 1)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("foreign key to a missing table").hasMessageContaining("add p to dataset.tables");

    Scenario tooLong = scenario("CREATE TABLE t (id bigint PRIMARY KEY, code varchar(5) NOT NULL);", """
        tables:
          - name: t
            rows: 10
            columns:
              code: {generator: text, length: 12}
        """);
    DatabaseTarget t4 = schema(tooLong);
    assertThatThrownBy(() -> seed(tooLong, t4, 1, 1)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("do not fit character varying(5)");
  }
}
