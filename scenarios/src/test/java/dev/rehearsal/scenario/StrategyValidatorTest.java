package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code strategies:} section: steps of every kind, transaction modes, lock retries,
 * backfills and down steps; the spec each form gives with its defaults, and the message each
 * mistake gets, position included.
 *
 * <p>Every case appends the body of strategy {@code expand} (YAML at indentation 0, indented by
 * 4 here) to {@link #BASE}, so its first line is line 10 and its keys are in column 5. With
 * {@link #steps}, the first step is on line 11, its keys in column 9:
 *
 * <pre>
 *  1 name: s
 *  2 schema:
 *  3   sql: CREATE TABLE users (id bigint PRIMARY KEY, status text);
 *  4 workload:
 *  5   rate: 10
 *  6   operations:
 *  7     - {name: read, weight: 1, sql: SELECT 1}
 *  8 strategies:
 *  9   - name: expand
 * 10     steps:
 * 11       - sql: ...
 * </pre>
 *
 * <p>Scenarios are parsed with the temporary directory {@link #dir} as their base directory
 * (as if the scenario file were in it), except where a built-in scenario is imitated.
 */
class StrategyValidatorTest {

  private static final String BASE = """
      name: s
      schema:
        sql: CREATE TABLE users (id bigint PRIMARY KEY, status text);
      workload:
        rate: 10
        operations:
          - {name: read, weight: 1, sql: SELECT 1}
      strategies:
        - name: expand
      """;

  private static final String KIND_HINT = "a step does one thing: sql: (inline SQL), file: (a "
      + ".sql file or a directory of them), flyway: (Flyway locations), liquibase: (a changelog), "
      + "backfill: (a batched UPDATE) or pause: (wait with the load running); split it into several steps";

  private static final String TRANSACTION_HINT = "use one of: auto (each statement in a "
      + "transaction of its own, BEGIN ... COMMIT blocks kept together, the default), single "
      + "(the whole step in one transaction), none (statements sent as written, in autocommit)";

  private static final String BACKFILL_HINT = "a backfill updates a table in batches of keys, "
      + "e.g. backfill: {table: users, set: \"status = 'active'\", where: status IS NULL}";

  private static final String FLYWAY_HINT = "name the directory of Flyway migrations "
      + "(V1__name.sql, ...) relative to the scenario file, e.g. flyway: db/migration, or a "
      + "classpath location, e.g. flyway: classpath:db/migration";

  @TempDir Path dir;

  // ---------------------------------------------------------------- valid strategies

  @Test
  void everyKindWithEveryKey() throws IOException {
    write("migrations/002-index.sql", "CREATE INDEX CONCURRENTLY users_status ON users (status);");
    write("migrations/more/b.sql", "SELECT 2;");
    write("migrations/more/a.sql", "SELECT 1;");
    write("db/migration/V1__add_status.sql", "ALTER TABLE users ADD COLUMN status text;");
    write("migrations/down/01-drop.sql", "ALTER TABLE users DROP COLUMN status;");

    StrategySpec strategy = strategy("""
        description: >
          expand and contract
        steps:
          - name: add-column
            sql: ALTER TABLE users ADD COLUMN status text
            transaction: single
            retry: {lockTimeout: 100ms, attempts: 5, backoff: 500ms, growth: 2}
          - file: migrations/002-index.sql
            transaction: none
          - file: migrations/more
          - flyway: db/migration
            retry: {lockTimeout: 2s}
          - flyway: classpath:db/migration
          - name: backfill-status
            backfill:
              table: users
              set: status = 'active'
              where: status IS NULL
              key: user_id
              batchSize: 500
              pause: 50ms
            retry: {lockTimeout: 1s, attempts: 1, backoff: 0s, growth: 1.5}
          - pause: 30s
        down:
          - sql: ALTER TABLE users DROP COLUMN status
            retry: {lockTimeout: 50ms, attempts: 100, growth: 10}
          - file: migrations/down
            transaction: single
        """);

    assertThat(strategy.name()).isEqualTo("expand");
    assertThat(strategy.description()).isEqualTo("expand and contract");
    assertThat(strategy.steps()).containsExactly(
        new StepSpec("add-column", "ALTER TABLE users ADD COLUMN status text", null, null, null,
            null, null, TransactionMode.SINGLE,
            new RetrySpec(Duration.ofMillis(100), 5, Duration.ofMillis(500), 2.0)),
        new StepSpec(null, null, "migrations/002-index.sql", null, null, null, null,
            TransactionMode.NONE, null),
        new StepSpec(null, null, "migrations/more", null, null, null, null, TransactionMode.AUTO,
            null),
        new StepSpec(null, null, null, FlywaySpec.location("db/migration"), null, null, null, null,
            new RetrySpec(Duration.ofSeconds(2), 3, Duration.ofSeconds(1), 1.0)),
        new StepSpec(null, null, null, FlywaySpec.location("classpath:db/migration"), null, null, null, null,
            null),
        new StepSpec("backfill-status", null, null, null, null,
            new BackfillSpec("users", "status = 'active'", "status IS NULL", "user_id", 500,
                Duration.ofMillis(50)),
            null, null, new RetrySpec(Duration.ofSeconds(1), 1, Duration.ZERO, 1.5)),
        new StepSpec(null, null, null, null, null, null, Duration.ofSeconds(30), null, null));
    assertThat(strategy.steps()).extracting(StepSpec::kind).containsExactly(
        StepSpec.Kind.SQL, StepSpec.Kind.FILE, StepSpec.Kind.FILE, StepSpec.Kind.FLYWAY,
        StepSpec.Kind.FLYWAY, StepSpec.Kind.BACKFILL, StepSpec.Kind.PAUSE);
    assertThat(strategy.down()).containsExactly(
        new StepSpec(null, "ALTER TABLE users DROP COLUMN status", null, null, null, null, null,
            TransactionMode.AUTO,
            new RetrySpec(Duration.ofMillis(50), 100, Duration.ofSeconds(1), 10.0)),
        new StepSpec(null, null, "migrations/down", null, null, null, null, TransactionMode.SINGLE,
            null));
  }

  @Test
  void defaults() {
    StrategySpec strategy = steps("""
        - sql: SELECT 1
        - backfill: {table: users, set: status = 'active'}
          retry: {lockTimeout: 100ms}
        - pause: 1.5s
        """);

    assertThat(strategy.description()).isNull();
    assertThat(strategy.steps()).containsExactly(
        StepSpec.sql("SELECT 1"),
        new StepSpec(null, null, null, null, null,
            new BackfillSpec("users", "status = 'active'", null, "id", 10_000, Duration.ZERO),
            null, null, new RetrySpec(Duration.ofMillis(100), 3, Duration.ofSeconds(1), 1.0)),
        new StepSpec(null, null, null, null, null, null, Duration.ofMillis(1500), null, null));
    assertThat(strategy.down()).isEmpty();
  }

  @Test
  void retryLadderGrowsLockTimeoutAndBackoff() {
    RetrySpec retry = steps("""
        - sql: ALTER TABLE users ADD COLUMN x int
          retry: {lockTimeout: 100ms, attempts: 5, backoff: 500ms, growth: 2}
        """).steps().get(0).retry();

    assertThat(List.of(1, 2, 3, 4, 5)).map(retry::lockTimeout).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(800), Duration.ofMillis(1600));
    assertThat(List.of(1, 2, 3, 4)).map(retry::backoff).containsExactly(
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
  }

  @Test
  void aFlywayStepMayNameSeveralLocationsPlaceholdersAndATarget() throws IOException {
    write("db/migration/V18__index.sql", "CREATE INDEX i ON users (status);");
    write("db/migration_data/V18_1__backfill.sql", "UPDATE users SET status = 'x';");

    StepSpec step = steps("""
        - flyway:
            locations: [db/migration, db/migration_data]
            placeholders: {schema: public}
            target: "18.1"
        - flyway: {locations: db/migration}
        """).steps().get(0);

    assertThat(step.kind()).isEqualTo(StepSpec.Kind.FLYWAY);
    assertThat(step.flyway()).isEqualTo(new FlywaySpec(List.of("db/migration", "db/migration_data"), "18.1",
        Map.of("schema", "public")));
  }

  @Test
  void aFlywayStepNeedsLocationsThatExistAndATargetThatIsAVersion() throws IOException {
    write("db/migration/V18__index.sql", "CREATE INDEX i ON users (status);");
    assertThatThrownBy(() -> steps("- flyway: {locations: [db/migration, db/missing]}\n"))
        .hasMessageContaining("flyway directory 'db/missing' not found");
    assertThatThrownBy(() -> steps("- flyway: {locations: []}\n"))
        .hasMessageContaining("a flyway step needs at least one location");
    assertThatThrownBy(() -> steps("- flyway: {locations: [db/migration], target: next}\n"))
        .hasMessageContaining("flyway target must be a version, got 'next'");
    assertThatThrownBy(() -> steps("- flyway: {locations: [db/migration], baseline: 1}\n"))
        .hasMessageContaining("unknown key 'baseline'");
  }

  @Test
  void aLiquibaseStepNamesAChangelogThatExists() throws IOException {
    write("db/changelog.xml", "<databaseChangeLog/>");

    StrategySpec strategy = steps("""
        - liquibase: db/changelog.xml
        - liquibase: {changelog: db/changelog.xml, contexts: prod, labels: "!experimental"}
        """);

    assertThat(strategy.steps()).extracting(StepSpec::kind)
        .containsExactly(StepSpec.Kind.LIQUIBASE, StepSpec.Kind.LIQUIBASE);
    assertThat(strategy.steps().get(0).liquibase())
        .isEqualTo(new LiquibaseSpec("db/changelog.xml", null, null, null, null));
    assertThat(strategy.steps().get(1).liquibase())
        .isEqualTo(new LiquibaseSpec("db/changelog.xml", null, null, "prod", "!experimental"));
  }

  @Test
  void aLiquibaseStepIsRefusedWhatItCannotDo() throws IOException {
    write("db/changelog.xml", "<databaseChangeLog/>");
    assertThatThrownBy(() -> steps("- liquibase: db/nope.xml\n"))
        .hasMessageContaining("liquibase changelog 'db/nope.xml' not found");
    assertThatThrownBy(() -> steps("- liquibase: {changelog: db/changelog.xml, toTag: v2, count: 1}\n"))
        .hasMessageContaining("liquibase has both toTag and count; use one");
    assertThatThrownBy(() -> steps("- liquibase: db/changelog.xml\n  retry: {lockTimeout: 1s}\n"))
        .hasMessageContaining("retry does not apply to liquibase steps");
    assertThatThrownBy(() -> steps("- liquibase: db/changelog.xml\n  transaction: single\n"))
        .hasMessageContaining("transaction applies only to sql and file steps, not to liquibase steps");
    assertThatThrownBy(() -> ScenarioLoader.parse(strategyYaml(
            "steps: [{sql: SELECT 1}]\ndown: [{liquibase: db/changelog.xml}]\n"), "bad.yaml", dir))
        .hasMessageContaining("a down step cannot be a liquibase step");
  }

  @Test
  void flywayMigrationsMayBeInSubdirectories() throws IOException {
    write("db/migration/2024/V1__add_status.sql", "ALTER TABLE users ADD COLUMN status text;");

    assertThat(steps("- flyway: db/migration\n").steps().get(0).flyway())
        .isEqualTo(FlywaySpec.location("db/migration"));
  }

  @Test
  void builtInScenarioMayNameAClasspathFlywayLocation() {
    StrategySpec strategy = strategyOf(
        ScenarioLoader.parse(BASE + "    steps: [{flyway: classpath:db/migration}]\n",
            "builtin:x", null));

    assertThat(strategy.steps().get(0).flyway()).isEqualTo(FlywaySpec.location("classpath:db/migration"));
  }

  @Test
  void modelIsImmutable() {
    StrategySpec strategy = strategy("""
        steps: [{sql: SELECT 1}]
        down: [{sql: SELECT 2}]
        """);

    assertThatThrownBy(() -> strategy.steps().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> strategy.down().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- strategies and steps

  @Test
  void badStrategyName() {
    assertFails(BASE.replace("name: expand", "name: add column") + "    steps: [{sql: X}]\n", """
        bad.yaml:9:11: strategy name 'add column' may contain only letters, digits, '_', '.' \
        and '-', and must start with a letter or digit
          fix: the name is used in report file names and with --strategy""");
  }

  @Test
  void strategyWithoutSteps() {
    assertFails(strategyYaml("down: [{sql: SELECT 1}]\n"), """
        bad.yaml:9:5: missing required key 'steps'
          fix: list the migration's steps, e.g. steps: [{sql: ALTER TABLE ...}]""");
  }

  @Test
  void emptySteps() {
    assertFails(strategyYaml("steps: []\n"), """
        bad.yaml:10:12: strategy 'expand' needs at least one step
          fix: list the migration's steps, e.g. steps: [{sql: ALTER TABLE ...}]""");
  }

  @Test
  void stepOfNoKind() {
    assertFails(stepsYaml("- name: just-a-name\n  transaction: single\n"), """
        bad.yaml:11:9: step needs one of sql, file, flyway, liquibase, backfill or pause, found none
          fix: %s""".formatted(KIND_HINT));
  }

  @Test
  void stepOfTwoKinds() {
    assertFails(stepsYaml("- sql: SELECT 1\n  pause: 1s\n"), """
        bad.yaml:12:9: step has both sql and pause; use one
          fix: %s""".formatted(KIND_HINT));
  }

  @Test
  void stepOfThreeKinds() {
    assertFails(stepsYaml("- sql: SELECT 1\n  file: a.sql\n  backfill: {table: t, set: x = 1}\n"),
        """
        bad.yaml:12:9: step has sql, file and backfill; use one
          fix: %s""".formatted(KIND_HINT));
  }

  @Test
  void kindKeyWithoutValueStillCounts() {
    assertFails(stepsYaml("- sql:\n"), """
        bad.yaml:11:9: sql needs a value
          fix: give the SQL to run, or remove sql""");
    assertFails(stepsYaml("- sql:\n  pause: 1s\n"), """
        bad.yaml:12:9: step has both sql and pause; use one
          fix: %s""".formatted(KIND_HINT));
  }

  @Test
  void blankStepName() {
    assertFails(stepsYaml("- name: ' '\n  sql: SELECT 1\n"), """
        bad.yaml:11:15: name must not be blank
          fix: give the step a label for the reports, e.g. name: backfill-status, or remove \
        name""");
  }

  @Test
  void unknownStepKey() {
    assertFails(stepsYaml("- sql: SELECT 1\n  timeout: 5s\n"), """
        bad.yaml:12:9: unknown key 'timeout' in strategies[0].steps[0]
          fix: allowed keys here: name, sql, file, flyway, liquibase, backfill, pause, transaction, \
        retry""");
  }

  // ---------------------------------------------------------------- file

  @Test
  void fileNotFound() {
    assertFails(stepsYaml("- file: migrations/002.sql\n"), """
        bad.yaml:11:15: step file 'migrations/002.sql' not found
          fix: looked for %s; paths are relative to the scenario file"""
        .formatted(dir.resolve("migrations/002.sql")));
  }

  @Test
  void directoryWithoutSqlFiles() throws IOException {
    write("migrations/README.txt", "scripts go here");
    write("migrations/sub/001.sql", "SELECT 1;");

    assertFails(stepsYaml("- file: migrations\n"), """
        bad.yaml:11:15: step directory 'migrations' has no .sql files
          fix: a directory step runs each *.sql file directly in %s in name order; add them, \
        or name a single file""".formatted(dir.resolve("migrations")));
  }

  @Test
  void builtInScenarioFileIsAClasspathResource() {
    assertFailsBuiltIn(stepsYaml("- file: nothing.sql\n"), """
        bad.yaml:11:15: step file 'nothing.sql' not found
          fix: looked for classpath resource /dev/rehearsal/scenario/builtin/nothing.sql; \
        paths are relative to the scenario file""");
  }

  @Test
  void blankFile() {
    assertFails(stepsYaml("- file: ''\n"), """
        bad.yaml:11:15: file must not be blank
          fix: name a .sql file, or a directory of .sql files run in name order; paths are \
        relative to the scenario file""");
  }

  // ---------------------------------------------------------------- flyway

  @Test
  void flywayDirectoryNotFound() {
    assertFails(stepsYaml("- flyway: db/migration\n"), """
        bad.yaml:11:17: flyway directory 'db/migration' not found
          fix: looked for %s; paths are relative to the scenario file"""
        .formatted(dir.resolve("db/migration")));
  }

  @Test
  void flywayDirectoryWithoutVersionedMigrations() throws IOException {
    write("db/migration/001_add_status.sql", "SELECT 1;");
    write("db/migration/v2__lower_case.sql", "SELECT 1;");
    write("db/migration/R__repeatable.sql", "SELECT 1;");

    assertFails(stepsYaml("- flyway: db/migration\n"), """
        bad.yaml:11:17: flyway directory 'db/migration' has no versioned migrations
          fix: Flyway applies files named V<version>__<description>.sql, e.g. \
        V2__add_status.sql; put them in %s""".formatted(dir.resolve("db/migration")));
  }

  @Test
  void flywayFileIsNotADirectory() throws IOException {
    write("db/V1__add.sql", "SELECT 1;");

    assertFails(stepsYaml("- flyway: db/V1__add.sql\n"), """
        bad.yaml:11:17: flyway location 'db/V1__add.sql' is a file, not a directory
          fix: Flyway applies every versioned migration in a directory; name the directory \
        the file is in""");
  }

  @Test
  void flywayClasspathWithoutFolder() {
    assertFails(stepsYaml("- flyway: 'classpath:'\n"), """
        bad.yaml:11:17: flyway location 'classpath:' names no classpath folder
          fix: %s""".formatted(FLYWAY_HINT));
  }

  @Test
  void flywayFilesystemPrefix() {
    assertFails(stepsYaml("- flyway: filesystem:/srv/db\n"), """
        bad.yaml:11:17: write the flyway directory without 'filesystem:', got \
        'filesystem:/srv/db'
          fix: a directory is written as a path relative to the scenario file (or absolute), \
        e.g. flyway: db/migration""");
  }

  @Test
  void flywayDirectoryInBuiltInScenario() {
    assertFailsBuiltIn(stepsYaml("- flyway: db/migration\n"), """
        bad.yaml:11:17: flyway location 'db/migration' is a directory, but a built-in scenario \
        has no directory to resolve it against
          fix: name the migrations on the classpath, e.g. flyway: classpath:db/migration""");
  }

  @Test
  void flywayInDown() {
    assertFails(strategyYaml("""
        steps:
          - sql: SELECT 1
        down:
          - flyway: classpath:db/migration
        """), """
        bad.yaml:13:9: a down step cannot be a flyway step: it applies what is pending, and undoing \
        is not a pending change
          fix: write the down steps as sql: (or file:) steps that reverse the change, e.g. \
        sql: ALTER TABLE users DROP COLUMN status""");
  }

  // ---------------------------------------------------------------- transaction

  @Test
  void unknownTransactionMode() {
    assertFails(stepsYaml("- sql: SELECT 1\n  transaction: Single\n"), """
        bad.yaml:12:22: unknown transaction mode 'Single'
          fix: %s""".formatted(TRANSACTION_HINT));
  }

  @Test
  void transactionWithoutValue() {
    assertFails(stepsYaml("- sql: SELECT 1\n  transaction:\n"), """
        bad.yaml:12:9: transaction needs a value
          fix: %s""".formatted(TRANSACTION_HINT));
  }

  @Test
  void transactionOnBackfill() {
    assertFails(stepsYaml("- backfill: {table: users, set: x = 1}\n  transaction: single\n"), """
        bad.yaml:12:9: transaction applies only to sql and file steps, not to backfill steps
          fix: remove transaction; each batch of a backfill is a transaction of its own""");
  }

  @Test
  void transactionOnFlyway() {
    assertFails(stepsYaml("- flyway: classpath:db/migration\n  transaction: none\n"), """
        bad.yaml:12:9: transaction applies only to sql and file steps, not to flyway steps
          fix: remove transaction; Flyway runs each migration in a transaction of its own""");
  }

  @Test
  void transactionOnPause() {
    assertFails(stepsYaml("- pause: 1s\n  transaction: auto\n"), """
        bad.yaml:12:9: transaction applies only to sql and file steps, not to pause steps
          fix: remove transaction; a pause runs no SQL""");
  }

  // ---------------------------------------------------------------- retry

  @Test
  void retryOnPause() {
    assertFails(stepsYaml("- pause: 1s\n  retry: {lockTimeout: 1s}\n"), """
        bad.yaml:12:9: retry does not apply to pause steps
          fix: remove retry; a pause takes no locks""");
  }

  @Test
  void retryWithoutLockTimeout() {
    assertFails(stepsYaml("- sql: SELECT 1\n  retry: {attempts: 5}\n"), """
        bad.yaml:12:9: missing required key 'lockTimeout'
          fix: give how long each attempt may wait for a lock before giving up, e.g. \
        retry: {lockTimeout: 100ms, attempts: 5, backoff: 500ms, growth: 2}""");
  }

  @Test
  void retryWithoutValue() {
    assertFails(stepsYaml("- sql: SELECT 1\n  retry:\n"), """
        bad.yaml:12:9: retry needs a value
          fix: retry the step's units when they give up waiting for a lock, e.g. \
        retry: {lockTimeout: 100ms, attempts: 5, backoff: 500ms, growth: 2}""");
  }

  @Test
  void zeroLockTimeout() {
    assertFails(stepsYaml("- sql: SELECT 1\n  retry: {lockTimeout: 0s}\n"), """
        bad.yaml:12:30: lockTimeout must be at least 1ms, got '0s'
          fix: PostgreSQL's lock_timeout counts whole milliseconds and 0 means wait forever; \
        give how long each attempt may wait for a lock, e.g. lockTimeout: 100ms""");
  }

  @Test
  void attemptsOutOfRange() {
    for (String attempts : List.of("0", "101")) {
      assertFails(stepsYaml("- sql: SELECT 1\n  retry: {lockTimeout: 1s, attempts: " + attempts
          + "}\n"), """
          bad.yaml:12:44: attempts must be between 1 and 100, got %s
            fix: attempts counts every try, the first one included; 1 means no retry"""
          .formatted(attempts));
    }
  }

  @Test
  void fractionalAttempts() {
    assertFails(stepsYaml("- sql: SELECT 1\n  retry: {lockTimeout: 1s, attempts: 1.5}\n"), """
        bad.yaml:12:44: attempts must be a whole number, got 1.5
          fix: write digits only, with no quotes, unit or decimal point, e.g. 1000""");
  }

  @Test
  void growthOutOfRange() {
    for (String growth : List.of("0.5", "11")) {
      assertFails(stepsYaml("- sql: SELECT 1\n  retry: {lockTimeout: 1s, growth: " + growth
          + "}\n"), """
          bad.yaml:12:42: growth must be between 1 and 10, got %s
            fix: growth multiplies lockTimeout and backoff after each failed attempt: 1 keeps \
          them constant, 2 doubles them""".formatted(growth));
    }
  }

  @Test
  void unknownRetryKey() {
    assertFails(stepsYaml("- sql: SELECT 1\n  retry: {lockTimeout: 1s, timeout: 2s}\n"), """
        bad.yaml:12:34: unknown key 'timeout' in strategies[0].steps[0].retry
          fix: allowed keys here: lockTimeout, attempts, backoff, growth""");
  }

  // ---------------------------------------------------------------- backfill

  @Test
  void backfillWithoutTable() {
    assertFails(stepsYaml("- backfill: {set: x = 1}\n"), """
        bad.yaml:11:9: missing required key 'table'
          fix: %s""".formatted(BACKFILL_HINT));
  }

  @Test
  void backfillWithBlankSet() {
    assertFails(stepsYaml("- backfill: {table: users, set: ''}\n"), """
        bad.yaml:11:39: set must not be blank
          fix: give the assignments of the UPDATE, e.g. set: "status = 'active'\"""");
  }

  @Test
  void backfillWithoutValue() {
    assertFails(stepsYaml("- backfill:\n"), """
        bad.yaml:11:9: backfill needs a value
          fix: %s""".formatted(BACKFILL_HINT));
  }

  @Test
  void backfillBatchSizeZero() {
    assertFails(stepsYaml("- backfill: {table: users, set: x = 1, batchSize: 0}\n"), """
        bad.yaml:11:57: batchSize must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void backfillWithBlankWhereOrKey() {
    assertFails(stepsYaml("- backfill: {table: users, set: x = 1, where: ' '}\n"), """
        bad.yaml:11:53: where must not be blank
          fix: give a condition rows must also meet, e.g. where: status IS NULL, or remove \
        where""");
    assertFails(stepsYaml("- backfill: {table: users, set: x = 1, key: ''}\n"), """
        bad.yaml:11:51: key must not be blank
          fix: name the integer column the batches are ranges of, usually the primary key; \
        the default is id""");
  }

  @Test
  void unknownBackfillKey() {
    assertFails(stepsYaml("- backfill: {table: users, set: x = 1, batch: 10}\n"), """
        bad.yaml:11:46: unknown key 'batch' in strategies[0].steps[0].backfill
          fix: allowed keys here: table, set, where, key, batchSize, pause""");
  }

  // ---------------------------------------------------------------- pause

  @Test
  void zeroPause() {
    assertFails(stepsYaml("- pause: 0s\n"), """
        bad.yaml:11:16: pause must be greater than 0, got '0s'
          fix: give how long to wait with the load still running, e.g. pause: 30s; or remove \
        the step""");
  }

  @Test
  void pauseWithoutUnit() {
    assertFails(stepsYaml("- pause: 10\n"), """
        bad.yaml:11:16: pause must be a duration like 500ms, 10s or 2m, got 10
          fix: write a number and a unit, ms, s, m or h (500ms, 10s or 2m); a bare number is not accepted""");
  }

  // ---------------------------------------------------------------- down

  @Test
  void emptyDown() {
    assertFails(strategyYaml("steps: [{sql: SELECT 1}]\ndown: []\n"), """
        bad.yaml:11:11: down of strategy 'expand' needs at least one step
          fix: list the steps that undo the change, e.g. down: [{sql: ALTER TABLE users DROP \
        COLUMN status}], or remove down""");
  }

  @Test
  void downWithoutValue() {
    assertFails(strategyYaml("steps: [{sql: SELECT 1}]\ndown:\n"), """
        bad.yaml:11:5: down of strategy 'expand' needs at least one step
          fix: list the steps that undo the change, e.g. down: [{sql: ALTER TABLE users DROP \
        COLUMN status}], or remove down""");
  }

  @Test
  void downStepFollowsTheStepRules() {
    assertFails(strategyYaml("""
        steps:
          - sql: SELECT 1
        down:
          - sql: SELECT 2
            pause: 1s
        """), """
        bad.yaml:14:9: down step has both sql and pause; use one
          fix: %s""".formatted(KIND_HINT));
    assertFails(strategyYaml("""
        steps:
          - sql: SELECT 1
        down:
          - sql: SELECT 2
            transaction: all
        """), """
        bad.yaml:14:22: unknown transaction mode 'all'
          fix: %s""".formatted(TRANSACTION_HINT));
  }

  // ---------------------------------------------------------------- helpers

  /** The YAML of a scenario whose strategy {@code expand} has {@code body} (indentation 0). */
  private static String strategyYaml(String body) {
    return BASE + body.indent(4);
  }

  /** The YAML of a scenario whose strategy has the list {@code steps} (indentation 0). */
  private static String stepsYaml(String steps) {
    return strategyYaml("steps:\n" + steps.indent(2));
  }

  private StrategySpec strategy(String body) {
    return strategyOf(ScenarioLoader.parse(strategyYaml(body), "ok.yaml", dir));
  }

  private StrategySpec steps(String steps) {
    return strategyOf(ScenarioLoader.parse(stepsYaml(steps), "ok.yaml", dir));
  }

  private static StrategySpec strategyOf(Scenario scenario) {
    assertThat(scenario.strategies()).hasSize(1);
    return scenario.strategies().get(0);
  }

  private void assertFails(String yaml, String expectedMessage) {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml", dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }

  /** As a built-in scenario: no base directory, files are classpath resources. */
  private static void assertFailsBuiltIn(String yaml, String expectedMessage) {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml", null))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
