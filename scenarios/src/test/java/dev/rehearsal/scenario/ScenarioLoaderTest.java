package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  /** The smallest valid scenario: everything optional is left out. */
  static final String MINIMAL = """
      name: minimal
      schema:
        sql: CREATE TABLE t (id bigint PRIMARY KEY);
      workload:
        rate: 10
        operations:
          - name: read
            weight: 1
            sql: SELECT 1
      strategies:
        - name: naive
          steps:
            - sql: ALTER TABLE t ADD COLUMN x int
      """;

  @Test
  void builtInsAreTheDemoTheCatalogueAndThePgbenchScripts() {
    assertThat(ScenarioLoader.builtinNames()).containsExactly(BUILTINS.toArray(String[]::new));
  }

  @Test
  void everyBuiltInLoadsWithAtLeastTwoStrategiesOrIsAPgbenchAnchor() {
    for (String name : ScenarioLoader.builtinNames()) {
      Scenario s = ScenarioLoader.builtin(name);
      assertThat(s.name()).isEqualTo(name);
      if (!name.startsWith("pgbench")) {
        assertThat(s.strategies()).as(name).hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.budgets()).as(name).isNotEmpty().allSatisfy(b -> assertThat(b.action()).isNotBlank());
      }
    }
  }

  /** The built-in scenarios in index.txt's order. */
  static final java.util.List<String> BUILTINS = java.util.List.of("demo", "add-column-not-null", "create-index", "add-foreign-key", "set-not-null", "change-column-type", "rename-column", "lock-queue", "lock-queue-instances", "backfill-batch-size", "unique-constraint", "pgbench", "pgbench-tpcb");

  @Test
  void demoParsesWithItsValues() {
    Scenario demo = ScenarioLoader.builtin("demo");

    assertThat(demo.name()).isEqualTo("demo");
    assertThat(demo.source()).isEqualTo("builtin:demo");
    assertThat(demo.baseDirectory()).isNull();
    assertThat(demo.description())
        .startsWith("An application's users table").endsWith("(the lock queue).");
    assertThat(demo.server().settings()).containsExactly(
        entry("shared_buffers", "128MB"),
        entry("max_connections", "100"),
        entry("fsync", "on"),
        entry("synchronous_commit", "on"),
        entry("deadlock_timeout", "1s"));
    assertThat(demo.schema().sql()).startsWith("CREATE TABLE users (");
    assertThat(demo.schema().file()).isNull();

    TableSpec users = demo.dataset().tables().get(0);
    assertThat(users.name()).isEqualTo("users");
    assertThat(users.rows()).isEqualTo(200_000);
    assertThat(users.columns()).containsOnlyKeys(
        "id", "email", "name", "plan", "login_count", "created_at", "verified_at");
    assertThat(users.columns().get("plan").values())
        .containsExactly("free", "pro", "team", "enterprise");
    assertThat(users.columns().get("login_count"))
        .isEqualTo(new ColumnSpec("uniform", 0L, 5000L, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null));
    assertThat(users.columns().get("verified_at").nullFraction()).isEqualTo(0.3);

    WorkloadSpec workload = demo.workload();
    assertThat(workload.ratePerSecond()).isEqualTo(200.0);
    assertThat(workload.stages()).isEmpty();
    assertThat(workload.arrival()).isEqualTo(Arrival.CONSTANT);
    assertThat(workload.closed()).isFalse();
    assertThat(workload.maxInFlight()).isEqualTo(256);
    assertThat(workload.pool()).isEqualTo(new PoolSpec(10, Duration.ofSeconds(2), null));
    assertThat(workload.healthCheck()).isEqualTo(
        new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1), Duration.ofSeconds(1), "pool"));
    assertThat(workload.operations()).extracting(OperationSpec::name)
        .containsExactly("read-user", "update-login", "signup", "monthly-report");
    assertThat(workload.operations()).extracting(OperationSpec::weight)
        .containsExactly(70, 20, 10, null);
    assertThat(workload.operations()).extracting(OperationSpec::ledger)
        .containsExactly(null, "users", "users", null);
    assertThat(workload.operations().get(0).params()).containsExactly(
        entry("1", new ParamSpec("existingKey", "users", null, null, null, "zipfian", 1.0)));
    OperationSpec updateLogin = workload.operations().get(1);
    assertThat(updateLogin.statements()).containsExactly(new StatementSpec(
        "UPDATE users SET login_count = login_count + 1 WHERE id = ? RETURNING id, login_count",
        List.of("1")));
    assertThat(updateLogin.params()).containsExactly(
        entry("1", new ParamSpec("existingKey", "users", null, null, null, "uniform", null)));
    OperationSpec signup = workload.operations().get(2);
    assertThat(signup.transaction()).isFalse();
    assertThat(signup.statements()).singleElement().satisfies(statement -> {
      assertThat(statement.sql()).endsWith("VALUES (?, ?, ?, 'free', 0, now()) "
          + "RETURNING id, email, name");
      assertThat(statement.paramNames()).containsExactly("1", "2", "3");
    });
    assertThat(signup.params()).containsExactly(
        entry("1", new ParamSpec("newKey", "users", null, null, null, null, null)),
        entry("2", new ParamSpec("text", null, null, null, 24, null, null)),
        entry("3", new ParamSpec("text", null, null, null, 10, null, null)));
    OperationSpec report = workload.operations().get(3);
    assertThat(report.periodic()).isTrue();
    assertThat(report.every()).isEqualTo(Duration.ofSeconds(60));
    assertThat(report.startAfter()).isEqualTo(Duration.ofSeconds(12));
    assertThat(report.holdFor()).isNull();
    assertThat(report.params()).isEmpty();
    assertThat(report.statements()).singleElement()
        .extracting(StatementSpec::paramNames).asList().isEmpty();

    assertThat(demo.phases())
        .isEqualTo(new PhasesSpec(Duration.ofSeconds(15), Duration.ofSeconds(15)));
    assertThat(demo.strategies()).hasSize(2).first().satisfies(strategy -> {
      assertThat(strategy.name()).isEqualTo("add-column-default");
      assertThat(strategy.steps()).containsExactly(StepSpec.sql(
          "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active'"));
      assertThat(strategy.down()).isEmpty();
    });
    assertThat(demo.strategies().get(1).name()).isEqualTo("lock-timeout-retry");
    assertThat(demo.strategies().get(1).steps().get(0).retry())
        .isEqualTo(new RetrySpec(Duration.ofMillis(200), 20, Duration.ofMillis(500), 1.0));
    assertThat(demo.budgets()).extracting(BudgetSpec::metric)
        .containsExactly("peakP99Ms", "poolTimeouts", "lostWrites", "migrationErrors");
    assertThat(demo.budgets().get(0).warn()).isEqualTo(1000.0);
    assertThat(demo.budgets().get(0).critical()).isNull();
    assertThat(demo.budgets().get(0).owner()).isEqualTo("migration author");
  }

  @Test
  void resolveFindsTheBuiltInByName() {
    assertThat(ScenarioLoader.resolve("demo").source()).isEqualTo("builtin:demo");
  }

  @Test
  void minimalScenarioGetsEveryDefault() {
    Scenario scenario = ScenarioLoader.parse(MINIMAL, "minimal.yaml", null);

    assertThat(scenario.source()).isEqualTo("minimal.yaml");
    assertThat(scenario.description()).isNull();
    assertThat(scenario.server().settings()).isEmpty();
    assertThat(scenario.server().version()).isNull();
    assertThat(scenario.dataset().tables()).isEmpty();
    assertThat(scenario.workload().maxInFlight()).isEqualTo(256);
    assertThat(scenario.workload().pool()).isEqualTo(new PoolSpec(10, Duration.ofSeconds(2), null));
    assertThat(scenario.workload().ratePerSecond()).isEqualTo(10.0);
    assertThat(scenario.workload().stages()).isEmpty();
    assertThat(scenario.workload().arrival()).isEqualTo(Arrival.CONSTANT);
    assertThat(scenario.workload().closedLoop()).isNull();
    assertThat(scenario.workload().healthCheck()).isEqualTo(
        new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1), Duration.ofSeconds(1), "pool"));
    assertThat(scenario.workload().operations()).containsExactly(
        new OperationSpec("read", List.of(new StatementSpec("SELECT 1", List.of())), false, 1,
            null, null, null, Map.of(), null));
    assertThat(scenario.phases())
        .isEqualTo(new PhasesSpec(Duration.ofSeconds(10), Duration.ofSeconds(10)));
    assertThat(scenario.strategies()).containsExactly(new StrategySpec("naive", null,
        List.of(StepSpec.sql("ALTER TABLE t ADD COLUMN x int")), List.of()));
    assertThat(scenario.budgets())
        .extracting(BudgetSpec::metric, BudgetSpec::warn, BudgetSpec::critical)
        .containsExactly(
            tuple("lostWrites", null, 1.0),
            tuple("poolTimeouts", null, 1.0),
            tuple("droppedOperations", null, 1.0),
            tuple("healthCheckFailures", null, 1.0),
            tuple("migrationErrors", null, 1.0),
            tuple("longestWaitMs", 1000.0, null),
            tuple("spikeSeconds", 3.0, null));
    assertThat(scenario.budgets()).noneMatch(BudgetSpec::isStrict);
    assertThat(scenario.budgets()).allSatisfy(budget -> assertThat(budget.action()).isNotBlank());
  }

  @Test
  void serverVersionPinsProductionsMajor() {
    Scenario scenario = ScenarioLoader.parse(MINIMAL + "server:\n  version: 15\n", "s.yaml", null);
    assertThat(scenario.server().version()).isEqualTo(15);
    assertThat(scenario.server().settings()).isEmpty();

    Scenario quoted = ScenarioLoader.parse(MINIMAL + "server:\n  version: \"17\"\n  settings: {work_mem: 8MB}\n",
        "s.yaml", null);
    assertThat(quoted.server().version()).isEqualTo(17);
    assertThat(quoted.server().settings()).containsEntry("work_mem", "8MB");
  }

  @Test
  void settingsKeepTheirOrderAndSpelling() {
    Scenario scenario = ScenarioLoader.parse(MINIMAL + """
        server:
          settings:
            random_page_cost: 1.10
            fsync: off
            jit: true
            work_mem: 64MB
            pg_stat_statements.max: 5000
        """, "s.yaml", null);

    assertThat(scenario.server().settings()).containsExactly(
        entry("random_page_cost", "1.10"),
        entry("fsync", "off"),
        entry("jit", "on"),
        entry("work_mem", "64MB"),
        entry("pg_stat_statements.max", "5000"));
  }

  @Test
  void periodicOperationStartsAfterOnePeriodByDefault() {
    Scenario scenario = ScenarioLoader.parse(MINIMAL.replace("      sql: SELECT 1\n", """
              sql: SELECT 1
            - name: report
              every: 1.5s
              sql: SELECT pg_sleep(1)
        """), "s.yaml", null);

    OperationSpec report = scenario.workload().operations().get(1);
    assertThat(report.every()).isEqualTo(Duration.ofMillis(1500));
    assertThat(report.startAfter()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void modelIsImmutable() {
    Scenario scenario = ScenarioLoader.builtin("demo");

    assertThatThrownBy(() -> scenario.server().settings().put("fsync", "off"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> scenario.strategies().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aStrictBudgetIsBreachedOnlyAboveItsThreshold() {
    Scenario scenario = ScenarioLoader.parse(MINIMAL + """
        budgets:
          - {metric: errors.lockTimeout, critical: 5, strict: true, action: retry later, owner: dba}
          - {metric: peakP99Ms, warn: 500}
        """, "strict.yaml", null);
    assertThat(scenario.budgets())
        .extracting(BudgetSpec::metric, BudgetSpec::critical, BudgetSpec::isStrict, BudgetSpec::owner)
        .containsExactly(tuple("errors.lockTimeout", 5.0, true, "dba"), tuple("peakP99Ms", null, false, null));
  }
}
