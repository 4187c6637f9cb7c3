package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad scenarios and the exact message each gets, position included.
 *
 * <p>Most cases start from {@link #MINIMAL}, numbered here so the expected positions can be
 * checked by eye; text appended to it starts on line 14.
 *
 * <pre>
 *  1 name: minimal
 *  2 schema:
 *  3   sql: CREATE TABLE t (id bigint PRIMARY KEY);
 *  4 workload:
 *  5   rate: 10
 *  6   operations:
 *  7     - name: read
 *  8       weight: 1
 *  9       sql: SELECT 1
 * 10 strategies:
 * 11   - name: naive
 * 12     steps:
 * 13       - sql: ALTER TABLE t ADD COLUMN x int
 * </pre>
 */
class ScenarioErrorsTest {

  private static final String MINIMAL = ScenarioLoaderTest.MINIMAL;

  /** A dataset with one table {@code t}, to append to {@link #MINIMAL} (lines 14 to 17). */
  private static final String DATASET = """
      dataset:
        tables:
          - name: t
            rows: 1000
      """;

  @TempDir Path dir;

  private static final String BUILTINS = String.join(", ", ScenarioLoaderTest.BUILTINS);

  @Test
  void missingFile() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ScenarioLoader.load(missing)).hasMessage(missing
        + ": scenario file not found\n  fix: check the path; built-in scenarios: " + BUILTINS);
  }

  @Test
  void unknownNameOrPath() {
    assertThatThrownBy(() -> ScenarioLoader.resolve("dmeo")).hasMessage(
        "dmeo: scenario file not found\n  fix: check the path; built-in scenarios: " + BUILTINS);
  }

  @Test
  void unknownBuiltIn() {
    assertThatThrownBy(() -> ScenarioLoader.builtin("nope")).hasMessage(
        "builtin:nope: no built-in scenario named 'nope'\n  fix: built-in scenarios: " + BUILTINS);
  }

  @Test
  void notYaml() {
    assertFails("name: demo\nthis is: not: yaml\n", """
        bad.yaml:2:13: not valid YAML: mapping values are not allowed here
          fix: indent with spaces (not tabs), put a space after each ':', and quote values \
        that contain ': ' or start with one of { [ * & ! % @ `""");
  }

  @Test
  void notAMapping() {
    assertFails("just some text\n", """
        bad.yaml:1:1: a scenario must be a YAML mapping of keys, got 'just some text'
          fix: start with lines like 'name: my-migration'; see the built-in demo scenario""");
  }

  @Test
  void emptyFile() {
    assertFails("# nothing yet\n", """
        bad.yaml: the scenario is empty
          fix: a scenario needs at least name, schema, workload and strategies; \
        see the built-in demo scenario for a complete example""");
  }

  @Test
  void repeatedKey() {
    assertFails(MINIMAL + "name: again\n", """
        bad.yaml:14:1: key 'name' appears twice in the same mapping
          fix: the first 'name' is on line 1; keep only one""");
  }

  @Test
  void unknownTopLevelKey() {
    assertFails(MINIMAL + "workloads: {}\n", """
        bad.yaml:14:1: unknown top-level key 'workloads'
          fix: allowed keys here: name, description, server, schema, dataset, workload, \
        phases, strategies, budgets""");
  }

  @Test
  void unknownNestedKey() {
    assertFails(MINIMAL.replace("  rate: 10\n", "  rate: 10\n  pool:\n    maxPool: 3\n"), """
        bad.yaml:7:5: unknown key 'maxPool' in workload.pool
          fix: allowed keys here: maximumPoolSize, connectionTimeout, statementTimeout""");
  }

  @Test
  void unknownColumnKey() {
    assertFails(MINIMAL + DATASET + "      columns:\n        id: {generator: sequence, step: 2}\n",
        """
        bad.yaml:19:35: unknown key 'step' in dataset.tables[0].columns.id
          fix: allowed keys here: generator, min, max, rowsPerValue, scale, skew, length, \
        minLength, maxLength, days, from, to, values, weights, value, expression, pool, \
        trueFraction, table, column, template, nullFraction, bounds, distinct, ordered""");
  }

  @Test
  void wrongTypeForRows() {
    assertFails(MINIMAL + DATASET.replace("rows: 1000", "rows: many"), """
        bad.yaml:17:13: rows must be a whole number, got 'many'
          fix: write digits only, with no quotes, unit or decimal point, e.g. 1000""");
  }

  @Test
  void fractionForAWholeNumber() {
    assertFails(MINIMAL.replace("weight: 1", "weight: 0.5"), """
        bad.yaml:8:15: weight must be a whole number, got 0.5
          fix: write digits only, with no quotes, unit or decimal point, e.g. 1000""");
  }

  @Test
  void listForAString() {
    assertFails(MINIMAL.replace("sql: SELECT 1", "sql: [SELECT 1]"), """
        bad.yaml:9:12: sql must be a string, got a list
          fix: write it as text; quote it if it starts with one of [ { * & ! % @ `""");
  }

  @Test
  void negativeRows() {
    assertFails(MINIMAL + DATASET.replace("rows: 1000", "rows: -5"), """
        bad.yaml:17:13: rows must be at least 1, got -5
          fix: use 1 or more""");
  }

  @Test
  void missingRows() {
    assertFails(MINIMAL + DATASET.replace("      rows: 1000\n", ""), """
        bad.yaml:16:7: missing required key 'rows'
          fix: say how many rows to seed, e.g. rows: 100000""");
  }

  @Test
  void duplicateTable() {
    assertFails(MINIMAL + DATASET + "    - {name: t, rows: 5}\n", """
        bad.yaml:18:14: table 't' is declared twice
          fix: the first is on line 16; rename or remove one""");
  }

  @Test
  void zeroRate() {
    assertFails(MINIMAL.replace("rate: 10", "rate: 0"), """
        bad.yaml:5:9: rate must be greater than 0, got 0
          fix: rate is the number of weighted operations started per second""");
  }

  @Test
  void unparsableDuration() {
    assertFails(MINIMAL + "phases:\n  warmup: soon\n", """
        bad.yaml:15:11: warmup must be a duration like 500ms, 10s or 2m, got 'soon'
          fix: write a number and a unit, ms, s, m or h (500ms, 10s or 2m); a bare number is not accepted""");
  }

  @Test
  void durationWithoutUnit() {
    assertFails(MINIMAL + "phases:\n  cooldown: 10\n", """
        bad.yaml:15:13: cooldown must be a duration like 500ms, 10s or 2m, got 10
          fix: write a number and a unit, ms, s, m or h (500ms, 10s or 2m); a bare number is not accepted""");
  }

  @Test
  void connectionTimeoutTooShort() {
    assertFails(MINIMAL.replace("  rate: 10\n", "  rate: 10\n  pool: {connectionTimeout: 100ms}\n"),
        """
        bad.yaml:6:29: connectionTimeout must be at least 250ms, got '100ms'
          fix: use 250ms or longer""");
  }

  @Test
  void missingName() {
    assertFails(MINIMAL.replace("name: minimal\n", ""), """
        bad.yaml:1:1: missing required key 'name'
          fix: name the scenario, e.g. name: add-status-column""");
  }

  @Test
  void unsupportedServerVersion() {
    assertFails(MINIMAL + "server:\n  version: 12\n", """
        bad.yaml:15:12: PostgreSQL 12 is not a major version Rehearsal can run
          fix: pin one of 15, 16, 17 or 18 (the closest to production), or leave version out""");
  }

  @Test
  void aStandbyIsTrueFalseOrAnApplyDelay() {
    assertFails(MINIMAL + "server:\n  standby: 3\n", """
        bad.yaml:15:12: server.standby is true, false or a mapping, got 3
          fix: write standby: true, or standby: {applyDelay: 500ms} for a replica that applies WAL later""");
    assertFails(MINIMAL + "server:\n  standby: {delay: 1s}\n", """
        bad.yaml:15:13: unknown key 'delay' in server.standby (allowed keys here: applyDelay)
          fix: write standby: true, or standby: {applyDelay: 500ms} for a replica that applies WAL later""");
    assertFails(MINIMAL + "server:\n  standby: {applyDelay: soon}\n", """
        bad.yaml:15:25: server.standby.applyDelay is a duration, got 'soon'
          fix: e.g. applyDelay: 500ms""");
  }

  @Test
  void serverVersionWithAMinorVersion() {
    assertFails(MINIMAL + "server:\n  version: 16.4\n", """
        bad.yaml:15:12: server.version is the PostgreSQL major version production runs, got 16.4
          fix: write the major version only, e.g. version: 16 (not 16.4)""");
  }

  @Test
  void badSettingName() {
    assertFails(MINIMAL + "server:\n  settings:\n    Shared-Buffers: 128MB\n", """
        bad.yaml:16:5: 'Shared-Buffers' is not a PostgreSQL setting name
          fix: setting names are as in postgresql.conf: lower case with underscores, \
        like shared_buffers or max_connections""");
  }

  @Test
  void unknownGenerator() {
    assertFails(MINIMAL + DATASET + "      columns:\n        id: {generator: fancy}\n", """
        bad.yaml:19:25: unknown generator 'fancy'
          fix: use one of: sequence, uniform, zipfian, text, email, name, firstName, lastName, \
        company, city, address, phone, faker, timestamp, choice, constant, uuid, boolean, \
        reference, json, histogram""");
  }

  @Test
  void uniformWithMinAboveMax() {
    assertFails(MINIMAL + DATASET
        + "      columns:\n        id: {generator: uniform, min: 10, max: 5}\n", """
        bad.yaml:19:48: max must not be less than min (10), got 5
          fix: swap min and max, or raise max to at least 10""");
  }

  @Test
  void choiceWithoutValues() {
    assertFails(MINIMAL + DATASET + "      columns:\n        id: {generator: choice}\n", """
        bad.yaml:19:9: missing required key 'values'
          fix: list the values to choose from, e.g. values: [free, pro, team]""");
  }

  @Test
  void unknownParamKind() {
    assertFails(MINIMAL.replace("      sql: SELECT 1\n",
        "      sql: SELECT ?\n      params: [{kind: random}]\n"), """
        bad.yaml:10:23: unknown param kind 'random'
          fix: give each param a kind, one of: existingKey, newKey, uniform, text, choice""");
  }

  @Test
  void existingKeyTableNotInDataset() {
    assertFails(MINIMAL.replace("      sql: SELECT 1\n",
        "      sql: SELECT ?\n      params: [{kind: existingKey, table: orders}]\n") + DATASET,
        """
        bad.yaml:10:43: table 'orders' is not in the dataset
          fix: key parameters draw ids of a seeded table; dataset tables: t""");
  }

  @Test
  void placeholderCountMismatch() {
    assertFails(MINIMAL.replace("      sql: SELECT 1\n",
        "      sql: SELECT ? FROM t WHERE id = ? AND note = '?'\n      params: [{kind: text}]\n"),
        """
        bad.yaml:10:15: operation 'read' has 2 placeholders (?) in its sql but 1 param
          fix: list one param per ?, in order""");
  }

  @Test
  void operationWithWeightAndEvery() {
    assertFails(MINIMAL.replace("weight: 1", "weight: 1\n      every: 60s"), """
        bad.yaml:9:7: operation 'read' has both weight and every; use one
          fix: use weight: N for a share of the rate, or every: 60s for a periodic operation \
        such as a report query""");
  }

  @Test
  void noWeightedOperation() {
    assertFails(MINIMAL.replace("weight: 1", "every: 10s"), """
        bad.yaml:6:3: workload needs at least one operation with a weight
          fix: add an operation with a weight, e.g. {name: read, weight: 1, sql: SELECT 1}; \
        periodic operations (every) come on top""");
  }

  @Test
  void duplicateStrategyName() {
    assertFails(MINIMAL + "  - name: naive\n    steps: [{sql: SELECT 1}]\n", """
        bad.yaml:14:11: strategy 'naive' is declared twice
          fix: the first is on line 11; rename or remove one""");
  }

  @Test
  void stepWithBothSqlAndFile() {
    assertFails(MINIMAL + "        file: add-x.sql\n", """
        bad.yaml:14:9: step has both sql and file; use one
          fix: a step does one thing: sql: (inline SQL), file: (a .sql file or a directory of \
        them), flyway: (Flyway locations), liquibase: (a changelog), backfill: (a batched UPDATE) or pause: (wait with \
        the load running); split it into several steps""");
  }

  @Test
  void referencedMigrationFileMissing() throws IOException {
    Path scenario = Files.writeString(dir.resolve("rehearsal.yaml"), MINIMAL.replace(
        "- sql: ALTER TABLE t ADD COLUMN x int", "- file: migrations/002.sql"));

    assertThatThrownBy(() -> ScenarioLoader.load(scenario)).hasMessage(scenario
        + ":13:15: step file 'migrations/002.sql' not found\n  fix: looked for "
        + dir.resolve("migrations/002.sql") + "; paths are relative to the scenario file");
  }

  @Test
  void noStrategies() {
    assertFails(MINIMAL.substring(0, MINIMAL.indexOf("strategies:")), """
        bad.yaml:1:1: missing required key 'strategies'
          fix: list the ways to make the change, e.g. \
        strategies: [{name: naive, steps: [{sql: ALTER TABLE ...}]}]""");
  }

  @Test
  void emptyStrategies() {
    assertFails(MINIMAL.substring(0, MINIMAL.indexOf("strategies:")) + "strategies: []\n", """
        bad.yaml:10:13: strategies must list at least one strategy
          fix: list the ways to make the change, e.g. \
        strategies: [{name: naive, steps: [{sql: ALTER TABLE ...}]}]""");
  }

  @Test
  void strictMustBeABoolean() {
    ScenarioException e = catchScenarioException(MINIMAL + "budgets:\n  - {metric: lostWrites, critical: 1, strict: maybe}\n");
    assertThat(e.line()).isEqualTo(15);
    assertThat(e.getMessage()).contains("strict").doesNotContain("jackson", "Exception");
  }

  /** The fix line of a budget naming what is not a budget metric: every one that is. */
  private static final String BUDGET_METRICS = """
          fix: known metrics: baselineP99Ms, blockedSessionSeconds, connectionRefusals, droppedOperations, errors, \
        errors.connection, errors.deadlock, errors.lockTimeout, errors.other, errors.poolTimeout, \
        errors.recoveryConflict, errors.statementTimeout, healthCheckFailures, instanceRestarts, \
        instancesUnreadySeconds, longestBlockedWindowMs, longestWaitMs, lostWrites, maxPoolWaiting, \
        maxSessionsBlocked, migrationDurationMs, migrationErrors, p99Ratio, peakP99Ms, peakReplicaLagMs, \
        peakServerConnections, peakWalBytesPerSecond, poolSaturatedSeconds, poolTimeouts, spikeSeconds, \
        staleReplicaReadSeconds, walBytes""";

  @Test
  void unknownBudgetMetric() {
    assertFails(MINIMAL + "budgets:\n  - metric: p99\n    critical: 500\n", """
        bad.yaml:15:13: unknown metric 'p99'
        """ + BUDGET_METRICS);
  }

  @Test
  void aFigureThatIsNoBudgetSaysWhy() {
    assertFails(MINIMAL + "budgets:\n  - metric: operations\n    critical: 500\n", """
        bad.yaml:15:13: metric 'operations' cannot be a budget (operations that succeeded, weighted and \
        periodic (throughput: higher is better, so not a budget))
        """ + BUDGET_METRICS);
  }

  @Test
  void warnAboveCritical() {
    assertFails(MINIMAL + "budgets:\n  - metric: lostWrites\n    warn: 5\n    critical: 2\n", """
        bad.yaml:16:11: warn must not be greater than critical (2), got 5
          fix: warn is the lower threshold: a warning first, failure at critical""");
  }

  @Test
  void budgetWithoutThreshold() {
    assertFails(MINIMAL + "budgets:\n  - metric: lostWrites\n    owner: me\n", """
        bad.yaml:15:5: budget for lostWrites needs warn, critical or both
          fix: a budget is breached when its metric reaches a threshold, \
        e.g. {metric: lostWrites, critical: 1}""");
  }

  @Test
  void exceptionCarriesItsParts() {
    ScenarioException e = catchScenarioException(MINIMAL.replace("rate: 10", "rate: 0"));

    assertThat(e.source()).isEqualTo("bad.yaml");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.problem()).isEqualTo("rate must be greater than 0, got 0");
    assertThat(e.hint()).isEqualTo("rate is the number of weighted operations started per second");
  }

  private static void assertFails(String yaml, String expectedMessage) {
    ScenarioException e = catchScenarioException(yaml);
    assertThat(e.getMessage()).isEqualTo(expectedMessage);
    // users see this text: nothing of the parser's internals may leak into it
    assertThat(e.getMessage())
        .doesNotContain("com.fasterxml", "jackson", "reference chain", "Exception", "\tat ");
  }

  private static ScenarioException catchScenarioException(String yaml) {
    try {
      ScenarioLoader.parse(yaml, "bad.yaml", null);
    } catch (ScenarioException e) {
      return e;
    }
    throw new AssertionError("expected a ScenarioException for:\n" + yaml);
  }
}
