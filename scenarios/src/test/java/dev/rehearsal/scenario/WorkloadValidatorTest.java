package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code workload:} section: open and closed loop, health check, operations, statements,
 * params and ledgers; the normalized spec each form gives, and the message each mistake gets,
 * position included.
 *
 * <p>Every case appends the workload (YAML at indentation 0, indented by 2 here) to
 * {@link #BASE}, so its first line is line 15, and its keys are in column 3:
 *
 * <pre>
 *  1 name: w
 *  2 schema:
 *  3   sql: CREATE TABLE users (id bigint PRIMARY KEY, email text);
 *  4 dataset:
 *  5   tables:
 *  6     - name: users
 *  7       rows: 100
 *  8     - name: accounts
 *  9       rows: 1000
 * 10 strategies:
 * 11   - name: naive
 * 12     steps:
 * 13       - sql: ALTER TABLE users ADD COLUMN x int
 * 14 workload:
 * 15   rate: 10
 * </pre>
 */
class WorkloadValidatorTest {

  private static final String BASE = """
      name: w
      schema:
        sql: CREATE TABLE users (id bigint PRIMARY KEY, email text);
      dataset:
        tables:
          - name: users
            rows: 100
          - name: accounts
            rows: 1000
      strategies:
        - name: naive
          steps:
            - sql: ALTER TABLE users ADD COLUMN x int
      workload:
      """;

  /** Line 15: a rate, then a single weighted operation {@code read} (lines 17 to 19). */
  private static final String READ = """
      rate: 10
      operations:
        - name: read
          weight: 1
          sql: SELECT 1
      """;

  // ---------------------------------------------------------------- open loop

  @Test
  void openLoopWithStagesAndPoissonArrivals() {
    WorkloadSpec workload = workload("""
        rate: 200
        stages:
          - {duration: 30s, target: 500}
          - {duration: 0s, target: 1000}
        arrival: poisson
        operations: [{name: read, weight: 1, sql: SELECT 1}]
        """);

    assertThat(workload.ratePerSecond()).isEqualTo(200.0);
    assertThat(workload.stages()).containsExactly(
        new RateStage(Duration.ofSeconds(30), 500), new RateStage(Duration.ZERO, 1000));
    assertThat(workload.arrival()).isEqualTo(Arrival.POISSON);
    assertThat(workload.closed()).isFalse();
    assertThat(workload.closedLoop()).isNull();
  }

  @Test
  void missingRate() {
    assertFails(READ.replace("rate: 10\n", ""), """
        bad.yaml:14:1: missing required key 'rate'
          fix: give the target rate in operations per second, e.g. rate: 200; or run clients \
        back to back instead with closedLoop: {clients: 8}""");
  }

  @Test
  void emptyStages() {
    assertFails(READ + "stages: []\n", """
        bad.yaml:20:11: stages must list at least one stage
          fix: remove stages for a constant rate, or list stages like {duration: 30s, \
        target: 500}: the rate goes linearly from the previous stage's target (rate for the \
        first) to target over duration""");
  }

  @Test
  void stageWithoutDuration() {
    assertFails(READ + "stages: [{target: 50}]\n", """
        bad.yaml:20:12: missing required key 'duration'
          fix: give how long the stage ramps, e.g. duration: 30s; 0s makes it a step""");
  }

  @Test
  void stageTargetNotPositive() {
    assertFails(READ + "stages: [{duration: 10s, target: 0}]\n", """
        bad.yaml:20:36: target must be greater than 0, got 0
          fix: target is the rate in operations per second at the end of the stage; to pause \
        the load, use a low rate such as target: 1""");
  }

  @Test
  void unknownArrival() {
    assertFails(READ + "arrival: Poisson\n", """
        bad.yaml:20:12: unknown arrival 'Poisson'
          fix: use one of: constant (evenly spaced, the default), poisson (random gaps, as \
        independent users arrive)""");
  }

  // ---------------------------------------------------------------- closed loop

  @Test
  void closedLoop() {
    WorkloadSpec workload = workload(READ.replace("rate: 10",
        "closedLoop: {clients: 8, thinkTime: 5ms}"));

    assertThat(workload.closed()).isTrue();
    assertThat(workload.closedLoop()).isEqualTo(new ClosedLoopSpec(8, Duration.ofMillis(5)));
    assertThat(workload.ratePerSecond()).isNull();
    assertThat(workload.stages()).isEmpty();
    assertThat(workload.arrival()).isNull();
    // at most one operation per client is in flight
    assertThat(workload.maxInFlight()).isEqualTo(8);
  }

  @Test
  void closedLoopThinksNotAtAllByDefault() {
    assertThat(workload(READ.replace("rate: 10", "closedLoop: {clients: 1}")).closedLoop())
        .isEqualTo(new ClosedLoopSpec(1, Duration.ZERO));
  }

  @Test
  void closedLoopWithRate() {
    assertFails(READ + "closedLoop: {clients: 8}\n", """
        bad.yaml:15:3: rate does not apply with closedLoop
          fix: closedLoop clients run operations back to back, as fast as the database \
        answers, at most one each in flight; remove rate, or remove closedLoop for an \
        open-loop rate""");
  }

  @Test
  void closedLoopWithStages() {
    assertFails(READ.replace("rate: 10", "closedLoop: {clients: 8}")
        + "stages: [{duration: 1s, target: 5}]\n", """
        bad.yaml:20:3: stages does not apply with closedLoop
          fix: closedLoop clients run operations back to back, as fast as the database \
        answers, at most one each in flight; remove stages, or remove closedLoop for an \
        open-loop rate""");
  }

  @Test
  void closedLoopWithArrival() {
    assertFails(READ.replace("rate: 10", "closedLoop: {clients: 8}") + "arrival: poisson\n",
        """
        bad.yaml:20:3: arrival does not apply with closedLoop
          fix: closedLoop clients run operations back to back, as fast as the database \
        answers, at most one each in flight; remove arrival, or remove closedLoop for an \
        open-loop rate""");
  }

  @Test
  void closedLoopWithMaxInFlight() {
    assertFails(READ.replace("rate: 10", "closedLoop: {clients: 8}") + "maxInFlight: 10\n",
        """
        bad.yaml:20:3: maxInFlight does not apply with closedLoop
          fix: closedLoop clients run operations back to back, as fast as the database \
        answers, at most one each in flight; remove maxInFlight, or remove closedLoop for an \
        open-loop rate""");
  }

  @Test
  void closedLoopWithoutClients() {
    assertFails(READ.replace("rate: 10", "closedLoop: {thinkTime: 1s}"), """
        bad.yaml:15:3: missing required key 'clients'
          fix: give the number of clients, e.g. closedLoop: {clients: 8, thinkTime: 0ms}""");
  }

  @Test
  void closedLoopWithoutClientsAtAll() {
    assertFails(READ.replace("rate: 10", "closedLoop: {clients: 0}"), """
        bad.yaml:15:25: clients must be at least 1, got 0
          fix: use 1 or more""");
  }

  // ---------------------------------------------------------------- health check

  @Test
  void healthCheckDefaultsAndOverrides() {
    // no healthCheck: the application's probe, through its pool, with Kubernetes' default thresholds
    assertThat(workload(READ).healthCheck()).isEqualTo(
        new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1), Duration.ofSeconds(1), "pool", "readiness", 3, 1));
    // a block written with every/timeout (before probes went through the pool) keeps its own connection
    assertThat(workload(READ + "healthCheck: {sql: SELECT 2, every: 500ms}\n").healthCheck())
        .isEqualTo(new HealthCheckSpec("SELECT 2", Duration.ofMillis(500),
            Duration.ofSeconds(1), "own-connection"));
    assertThat(workload(READ + "healthCheck: {enabled: true}\n").healthCheck())
        .isEqualTo(new HealthCheckSpec("SELECT 1", Duration.ofSeconds(1),
            Duration.ofSeconds(1), "pool"));
  }

  @Test
  void healthCheckInKubernetesTerms() {
    assertThat(workload(READ + """
        healthCheck: {via: pool, sql: SELECT 2, periodSeconds: 5, timeoutSeconds: 0.5, failureThreshold: 2,
          successThreshold: 2, kind: readiness}
        """).healthCheck()).isEqualTo(new HealthCheckSpec("SELECT 2", Duration.ofSeconds(5), Duration.ofMillis(500),
            "pool", "readiness", 2, 2));
    assertThat(workload(READ + "healthCheck: {via: own-connection, every: 2s, kind: liveness}\n").healthCheck())
        .isEqualTo(new HealthCheckSpec("SELECT 1", Duration.ofSeconds(2), Duration.ofSeconds(1),
            "own-connection", "liveness", 3, 1));
    assertThat(workload(READ + "healthCheck: {via: pool, every: 2s}\n").healthCheck().via()).isEqualTo("pool");
  }

  @Test
  void healthCheckUnknownVia() {
    assertFails(READ + "healthCheck: {via: sidecar}\n", """
        bad.yaml:20:22: unknown via 'sidecar'
          fix: use one of: pool (borrowed from the application's pool, as its health endpoint does), \
        own-connection (a connection of its own: only whether the database answers)""");
  }

  @Test
  void healthCheckUnknownKind() {
    assertFails(READ + "healthCheck: {kind: startup}\n", """
        bad.yaml:20:23: unknown kind 'startup'
          fix: use one of: readiness (failing takes the instance out of service), liveness (failing restarts it)""");
  }

  @Test
  void healthCheckThresholdBelowOne() {
    assertFails(READ + "healthCheck: {failureThreshold: 0}\n", """
        bad.yaml:20:35: failureThreshold must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void livenessSuccessThresholdMustBeOne() {
    assertFails(READ + "healthCheck: {kind: liveness, successThreshold: 2}\n", """
        bad.yaml:20:51: a liveness probe's successThreshold must be 1, got 2
          fix: Kubernetes requires 1 for liveness probes (a restarted instance is live at its first success); \
        remove successThreshold, or use kind: readiness""");
  }

  @Test
  void periodGivenTwice() {
    assertFails(READ + "healthCheck: {every: 1s, periodSeconds: 1}\n", """
        bad.yaml:20:28: every and periodSeconds say the same thing
          fix: give one of them: periodSeconds in seconds as Kubernetes writes it, or every with a unit""");
  }

  @Test
  void timeoutSecondsTooShort() {
    assertFails(READ + "healthCheck: {timeoutSeconds: 0.001}\n", """
        bad.yaml:20:33: timeoutSeconds must be at least 0.01, got 0.001
          fix: give seconds, e.g. timeoutSeconds: 1 (fractions such as 0.5 are allowed)""");
  }

  @Test
  void instancesDefaultAndAtLeastOne() {
    assertThat(workload(READ).instances()).isEqualTo(1);
    assertThat(workload(READ + "instances: 4\n").instances()).isEqualTo(4);
    assertFails(READ + "instances: 0\n", """
        bad.yaml:20:14: instances must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void healthCheckDisabled() {
    assertThat(workload(READ + "healthCheck: {enabled: false}\n").healthCheck()).isNull();
  }

  @Test
  void healthCheckTimeoutTooShort() {
    assertFails(READ + "healthCheck: {timeout: 5ms}\n", """
        bad.yaml:20:26: timeout must be at least 10ms, got '5ms'
          fix: use 10ms or longer""");
  }

  @Test
  void healthCheckTooOften() {
    assertFails(READ + "healthCheck: {every: 10ms}\n", """
        bad.yaml:20:24: every must be at least 100ms, got '10ms'
          fix: use 100ms or longer""");
  }

  @Test
  void healthCheckWithAParameter() {
    assertFails(READ + "healthCheck: {sql: 'SELECT ?'}\n", """
        bad.yaml:20:22: healthCheck sql cannot take parameters
          fix: give the query the application's health check runs, with literal values, \
        e.g. sql: SELECT 1""");
  }

  @Test
  void healthCheckWithBlankSql() {
    assertFails(READ + "healthCheck: {sql: ' '}\n", """
        bad.yaml:20:22: sql must not be blank
          fix: give the query the application's health check runs, with literal values, \
        e.g. sql: SELECT 1""");
  }

  @Test
  void healthCheckUnknownKey() {
    assertFails(READ + "healthCheck: {interval: 1s}\n", """
        bad.yaml:20:17: unknown key 'interval' in workload.healthCheck
          fix: allowed keys here: via, sql, periodSeconds, timeoutSeconds, failureThreshold, \
        successThreshold, kind, every, timeout, enabled""");
  }

  // ---------------------------------------------------------------- sql or transaction

  @Test
  void transactionWithPositionalParams() {
    OperationSpec operation = operation("""
        - name: move
          weight: 1
          transaction:
            - UPDATE users SET email = ? WHERE id = ?
            - SELECT 1
            - DELETE FROM users WHERE id = ?
          params: [{kind: text}, {kind: existingKey, table: users}, {kind: newKey, table: users}]
        """);

    assertThat(operation.transaction()).isTrue();
    assertThat(operation.statements()).containsExactly(
        new StatementSpec("UPDATE users SET email = ? WHERE id = ?", List.of("1", "2")),
        new StatementSpec("SELECT 1", List.of()),
        new StatementSpec("DELETE FROM users WHERE id = ?", List.of("3")));
    assertThat(operation.params()).containsExactly(
        entry("1", new ParamSpec("text", null, null, null, 12, null, null)),
        entry("2", new ParamSpec("existingKey", "users", null, null, null, "uniform", null)),
        entry("3", new ParamSpec("newKey", "users", null, null, null, null, null)));
  }

  @Test
  void transactionOfOneStatementIsStillATransaction() {
    OperationSpec operation = operation("""
        - {name: one, weight: 1, transaction: [SELECT 1]}
        """);

    assertThat(operation.transaction()).isTrue();
    assertThat(operation.statements()).containsExactly(new StatementSpec("SELECT 1", List.of()));
  }

  @Test
  void sqlAndTransaction() {
    assertFails(operations("""
        - name: both
          weight: 1
          sql: SELECT 1
          transaction: [SELECT 2]
        """), """
        bad.yaml:20:7: operation 'both' has both sql and transaction; use one
          fix: give one statement with sql:, or statements to run between BEGIN and COMMIT \
        with transaction: [UPDATE ..., SELECT ...]""");
  }

  @Test
  void neitherSqlNorTransaction() {
    assertFails(operations("""
        - name: nothing
          weight: 1
        """), """
        bad.yaml:17:7: operation 'nothing' needs sql or transaction
          fix: give one statement with sql:, or statements to run between BEGIN and COMMIT \
        with transaction: [UPDATE ..., SELECT ...]""");
  }

  @Test
  void emptyTransaction() {
    assertFails(operations("""
        - {name: empty, weight: 1, transaction: []}
        """), """
        bad.yaml:17:45: transaction of operation 'empty' needs at least one statement
          fix: give one statement with sql:, or statements to run between BEGIN and COMMIT \
        with transaction: [UPDATE ..., SELECT ...]""");
  }

  @Test
  void blankStatementInTransaction() {
    assertFails(operations("""
        - {name: blank, weight: 1, transaction: [SELECT 1, ' ']}
        """), """
        bad.yaml:17:56: transaction[1] must not be blank
          fix: give the statement, or remove the empty entry""");
  }

  @Test
  void transactionControlInTransaction() {
    assertFails(operations("""
        - name: script
          weight: 1
          transaction:
            - BEGIN
            - SELECT 1
        """), """
        bad.yaml:20:11: transaction of operation 'script' must not contain BEGIN
          fix: list only the statements in between: the harness runs BEGIN before the first \
        and COMMIT after the last""");
  }

  // ---------------------------------------------------------------- named params

  @Test
  void namedParamsAreRewrittenAndKeepTheirOrder() {
    OperationSpec operation = operation("""
        - name: transfer
          weight: 1
          transaction:
            - UPDATE users SET email = :email WHERE id = :id AND email <> :email
            - SELECT email::text FROM users WHERE id = :id
          params:
            id: {kind: existingKey, table: users, distribution: zipfian}
            email: {kind: text, length: 8}
        """);

    assertThat(operation.statements()).containsExactly(
        new StatementSpec("UPDATE users SET email = ? WHERE id = ? AND email <> ?",
            List.of("email", "id", "email")),
        new StatementSpec("SELECT email::text FROM users WHERE id = ?", List.of("id")));
    assertThat(operation.params()).containsExactly(
        entry("id", new ParamSpec("existingKey", "users", null, null, null, "zipfian", 1.0)),
        entry("email", new ParamSpec("text", null, null, null, 8, null, null)));
  }

  @Test
  void mixedPlaceholderStylesInOneStatement() {
    assertFails(operations("""
        - name: mixed
          weight: 1
          sql: SELECT ? + :n
        """), """
        bad.yaml:19:12: operation 'mixed' mixes ? and :name parameters
          fix: use ? with params as a list (one per ?, in order), or :name with params as a \
        mapping (pgbench style), not both in one operation""");
  }

  @Test
  void mixedPlaceholderStylesAcrossStatements() {
    assertFails(operations("""
        - name: mixed
          weight: 1
          transaction: [SELECT :n, 'SELECT ?']
        """), """
        bad.yaml:19:32: operation 'mixed' mixes ? and :name parameters
          fix: use ? with params as a list (one per ?, in order), or :name with params as a \
        mapping (pgbench style), not both in one operation""");
  }

  @Test
  void namedParameterWithAListOfParams() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT :id
          params: [{kind: existingKey, table: users}]
        """), """
        bad.yaml:20:15: operation 'read' uses :id in its sql, but params is a list
          fix: define each :name under params as a mapping, e.g. \
        params: {id: {kind: existingKey, table: ...}}""");
  }

  @Test
  void namedParameterWithoutParams() {
    assertFails(operations("""
        - name: read
          weight: 1
          transaction: [SELECT 1, 'SELECT :id']
        """), """
        bad.yaml:19:31: operation 'read' uses :id in transaction[1], but has no params
          fix: define each :name under params as a mapping, e.g. \
        params: {id: {kind: existingKey, table: ...}}""");
  }

  @Test
  void placeholderWithAMappingOfParams() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT ?
          params: {id: {kind: existingKey, table: users}}
        """), """
        bad.yaml:20:15: operation 'read' has ? placeholders in its sql, but params is a mapping
          fix: write each parameter as :name in the sql (pgbench style), or give params as a \
        list, one param per ?, in order""");
  }

  @Test
  void undefinedNamedParameter() {
    assertFails(operations("""
        - name: transfer
          weight: 1
          transaction:
            - UPDATE users SET email = :email WHERE id = :id
            - SELECT email FROM users WHERE id = :uid
          params:
            id: {kind: existingKey, table: users}
            email: {kind: text}
        """), """
        bad.yaml:21:11: operation 'transfer' uses :uid in transaction[1], but params does not \
        define it
          fix: params defines: id, email; add uid: {kind: ...} under params, or correct the \
        name (names are case-sensitive)""");
  }

  @Test
  void unusedNamedParameter() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT email FROM users WHERE id = :id
          params:
            id: {kind: existingKey, table: users}
            idd: {kind: existingKey, table: users}
        """), """
        bad.yaml:22:9: param 'idd' of operation 'read' is not used in its sql
          fix: write :idd where it goes, or remove it (a name defined but never used is \
        usually a typo; it uses :id)""");
  }

  @Test
  void paramNameThatCannotBeWritten() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT :user-id
          params: {user-id: {kind: existingKey, table: users}}
        """), """
        bad.yaml:20:16: param name 'user-id' cannot be written as :name
          fix: names start with a letter or _ and go on with letters, digits and _, as in \
        pgbench, e.g. aid or user_id""");
  }

  @Test
  void paramsNeitherListNorMapping() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT ?
          params: existingKey
        """), """
        bad.yaml:20:15: params must be a list or a mapping, got 'existingKey'
          fix: give a list, one param per ? in order, or a mapping from name to param for \
        :name parameters""");
  }

  @Test
  void unknownKeyInANamedParam() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT :id
          params:
            id: {kind: existingKey, tabel: users}
        """), """
        bad.yaml:21:33: unknown key 'tabel' in workload.operations[0].params.id
          fix: allowed keys here: kind, table, min, max, length, distribution, skew, values, weights""");
  }

  @Test
  void wrongTypeInAListedParam() {
    assertFails(operations("""
        - name: read
          weight: 1
          sql: SELECT ?
          params: [{kind: text, length: 1.5}]
        """), """
        bad.yaml:20:37: length must be a whole number, got 1.5
          fix: write digits only, with no quotes, unit or decimal point, e.g. 1000""");
  }

  @Test
  void placeholderCountMismatchInATransaction() {
    assertFails(operations("""
        - name: two
          weight: 1
          transaction: ['SELECT ?', 'SELECT ?']
        """), """
        bad.yaml:19:20: operation 'two' has 2 placeholders (?) in its transaction but 0 params
          fix: list one param per ?, in order""");
  }

  // ---------------------------------------------------------------- param kinds

  @Test
  void zipfianKeysWithAndWithoutSkew() {
    assertThat(param("{kind: existingKey, table: users, distribution: zipfian, skew: 1.3}"))
        .isEqualTo(new ParamSpec("existingKey", "users", null, null, null, "zipfian", 1.3));
    assertThat(param("{kind: existingKey, table: users, distribution: uniform}"))
        .isEqualTo(new ParamSpec("existingKey", "users", null, null, null, "uniform", null));
  }

  @Test
  void uniformParamKeepsItsRange() {
    assertThat(param("{kind: uniform, min: -5000, max: 5000}"))
        .isEqualTo(new ParamSpec("uniform", null, -5000L, 5000L, null, null, null));
  }

  @Test
  void distributionOnAKindOtherThanExistingKey() {
    assertFailsParam("{kind: newKey, table: users, distribution: zipfian}", """
        bad.yaml:21:40: param kind newKey does not take 'distribution'
          fix: remove 'distribution'; newKey takes: table""");
  }

  @Test
  void keyTheKindDoesNotTake() {
    assertFailsParam("{kind: text, table: users}", """
        bad.yaml:21:24: param kind text does not take 'table'
          fix: remove 'table'; text takes: length""");
  }

  @Test
  void unknownDistribution() {
    assertFailsParam("{kind: existingKey, table: users, distribution: hotspot}", """
        bad.yaml:21:59: unknown distribution 'hotspot'
          fix: use one of: uniform (every id equally likely, the default), zipfian (a few hot \
        ids get most of the traffic)""");
  }

  @Test
  void skewWithoutZipfian() {
    assertFailsParam("{kind: existingKey, table: users, skew: 1.2}", """
        bad.yaml:21:45: skew applies only to distribution: zipfian
          fix: add distribution: zipfian, or remove skew""");
  }

  @Test
  void skewNotPositive() {
    assertFailsParam("{kind: existingKey, table: users, distribution: zipfian, skew: 0}", """
        bad.yaml:21:74: skew must be greater than 0, got 0
          fix: the larger the skew, the more the hot ids dominate; 1.0 is the default""");
  }

  @Test
  void choiceKeepsEachValueWithItsYamlType() {
    assertThat(param("{kind: choice, values: [active, 3, 2.5, '7'], weights: [6, 2, 1, 1]}"))
        .isEqualTo(new ParamSpec("choice", null, null, null, null, null, null,
            List.of("active", 3L, 2.5, "7"), List.of(6.0, 2.0, 1.0, 1.0)));
    assertThat(param("{kind: choice, values: [free, pro]}"))
        .isEqualTo(new ParamSpec("choice", null, null, null, null, null, null,
            List.of("free", "pro"), null));
  }

  @Test
  void choiceWithoutValues() {
    assertFailsParam("{kind: choice}", """
        bad.yaml:21:11: missing required key 'values'
          fix: list the values to choose from, e.g. {kind: choice, values: [active, suspended, \
        closed]}; numbers are bound as numbers, text as text""");
  }

  @Test
  void choiceWithNoValue() {
    assertFailsParam("{kind: choice, values: []}", """
        bad.yaml:21:34: choice needs at least one value
          fix: list the values to choose from, e.g. {kind: choice, values: [active, suspended, \
        closed]}; numbers are bound as numbers, text as text""");
  }

  @Test
  void choiceValueThatIsNeitherTextNorNumber() {
    assertFailsParam("{kind: choice, values: [active, true]}", """
        bad.yaml:21:43: a choice value must be text or a number, got true
          fix: write text or a number; quote it ('true', '2025-01-31') to bind it as text""");
  }

  @Test
  void choiceWeightsOfAnotherLength() {
    assertFailsParam("{kind: choice, values: [a, b, c], weights: [9, 1]}", """
        bad.yaml:21:54: choice has 3 values but 2 weights
          fix: give one weight per value, in the same order, e.g. values: [active, closed] with \
        weights: [9, 1]; leave weights out for equal chances""");
  }

  @Test
  void choiceWeightNotPositive() {
    assertFailsParam("{kind: choice, values: [a, b], weights: [1, 0]}", """
        bad.yaml:21:55: weight must be greater than 0, got 0
          fix: give one weight per value, in the same order, e.g. values: [active, closed] with \
        weights: [9, 1]; leave weights out for equal chances""");
  }

  @Test
  void choiceDoesNotTakeATable() {
    assertFailsParam("{kind: choice, values: [a], table: users}", """
        bad.yaml:21:39: param kind choice does not take 'table'
          fix: remove 'table'; choice takes: values, weights""");
  }

  @Test
  void weightsOnAnotherKind() {
    assertFailsParam("{kind: text, weights: [1]}", """
        bad.yaml:21:24: param kind text does not take 'weights'
          fix: remove 'weights'; text takes: length""");
  }

  // ---------------------------------------------------------------- periodic: holdFor

  @Test
  void idleInTransaction() {
    OperationSpec operation = workload(READ + """
          - name: idle-in-transaction
            every: 30s
            holdFor: 10s
            sql: SELECT 1 FROM users LIMIT 1
        """).operations().get(1);

    assertThat(operation.periodic()).isTrue();
    assertThat(operation.holdFor()).isEqualTo(Duration.ofSeconds(10));
    assertThat(operation.startAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(operation.transaction()).isFalse();
  }

  @Test
  void holdForWithoutEvery() {
    assertFails(operations("""
        - {name: hold, weight: 1, holdFor: 1s, sql: SELECT 1}
        """), """
        bad.yaml:17:31: holdFor applies only to periodic operations (with every)
          fix: remove holdFor, or make the operation periodic with every:; holdFor keeps its \
        transaction open, idle, for that long each time it runs""");
  }

  @Test
  void holdForNotShorterThanEvery() {
    assertFails(READ + """
          - {name: hold, every: 10s, holdFor: 10s, sql: SELECT 1}
        """, """
        bad.yaml:20:41: holdFor must be shorter than every (10s), got '10s'
          fix: the transaction must be committed before the next period opens another one""");
  }

  @Test
  void holdForZero() {
    assertFails(READ + """
          - {name: hold, every: 10s, holdFor: 0s, sql: SELECT 1}
        """, """
        bad.yaml:20:41: holdFor must be at least 1ms, got '0s'
          fix: use 1ms or longer""");
  }

  // ---------------------------------------------------------------- ledger

  @Test
  void ledgerOnATransaction() {
    OperationSpec operation = operation("""
        - name: signup
          weight: 1
          transaction:
            - INSERT INTO users (id, email) VALUES (:id, :email) returning id, email
            - SELECT 1
          ledger: users
          params: {id: {kind: newKey, table: users}, email: {kind: text}}
        """);

    assertThat(operation.ledger()).isEqualTo("users");
  }

  @Test
  void ledgerTableNotInDataset() {
    assertFails(operations("""
        - name: signup
          weight: 1
          sql: INSERT INTO users (id) VALUES (1) RETURNING id
          ledger: people
        """), """
        bad.yaml:20:15: ledger table 'people' is not in the dataset
          fix: the ledger records written rows of a seeded table; dataset tables: users, \
        accounts""");
  }

  @Test
  void ledgerWithoutReturning() {
    assertFails(operations("""
        - name: signup
          weight: 1
          sql: INSERT INTO users (id, email) VALUES (1, 'RETURNING') -- RETURNING id
          ledger: users
        """), """
        bad.yaml:20:15: operation 'signup' has ledger: users but no RETURNING in its sql
          fix: add RETURNING <key column>, <columns to verify>; the first returned column \
        must be the table's key""");
  }

  @Test
  void ledgerOnAPeriodicOperation() {
    assertFails(READ + """
          - {name: purge, every: 10s, sql: DELETE FROM users RETURNING id, ledger: users}
        """, """
        bad.yaml:20:70: ledger applies only to weighted operations
          fix: remove ledger, or give the operation a weight instead of every; periodic \
        operations are not checked for lost writes""");
  }

  // ---------------------------------------------------------------- replica

  /** After the workload, at indentation 0: a standby for replica operations to read from. */
  private static final String STANDBY = "server: {standby: true}\n";

  @Test
  void replicaReadOnTheStandby() {
    WorkloadSpec workload = ScenarioLoader.parse(BASE + operations("""
        - {name: read, weight: 9, sql: SELECT 1}
        - name: read-replica
          weight: 1
          replica: true
          sql: SELECT email FROM users WHERE id = ?
          params: [{kind: existingKey, table: users}]
        - {name: report, every: 10s, replica: true, sql: SELECT count(*) FROM users}
        """).indent(2) + STANDBY, "ok.yaml", null).workload();

    assertThat(workload.operations()).extracting(OperationSpec::replica).containsExactly(false, true, true);
  }

  @Test
  void replicaFalseIsThePrimary() {
    OperationSpec operation = operation("""
        - {name: read, weight: 1, replica: false, sql: SELECT 1}
        """);

    assertThat(operation.replica()).isFalse();
  }

  @Test
  void replicaWithoutAStandby() {
    assertFails(operations("""
        - {name: read, weight: 1, replica: true, sql: SELECT 1}
        """), """
        bad.yaml:17:31: operation 'read' reads from the standby (replica: true) but the scenario runs none
          fix: add server: {standby: true} (the harness starts a hot standby of its server and sends this \
        operation there), or remove replica""");
  }

  @Test
  void replicaThatWrites() {
    assertFailsOnStandby(operations("""
        - name: touch
          weight: 1
          replica: true
          transaction:
            - SELECT 1
            - UPDATE users SET email = 'x' WHERE id = 1
        """), """
        bad.yaml:22:11: operation 'touch' has replica: true but transaction[1] writes (UPDATE); a standby is \
        read-only (SQLSTATE 25006)
          fix: send only reads to the standby: remove replica, or move the write into an operation of its own""");
  }

  @Test
  void replicaThatLocksRows() {
    assertFailsOnStandby(operations("""
        - {name: lock, weight: 1, replica: true, sql: SELECT * FROM users WHERE id = 1 FOR SHARE}
        """), """
        bad.yaml:17:51: operation 'lock' has replica: true but its sql writes (FOR SHARE); a standby is \
        read-only (SQLSTATE 25006)
          fix: send only reads to the standby: remove replica, or move the write into an operation of its own""");
  }

  @Test
  void replicaWithALedger() {
    assertFailsOnStandby(operations("""
        - name: signup
          weight: 1
          sql: INSERT INTO users (id) VALUES (1) RETURNING id
          ledger: users
          replica: true
        """), """
        bad.yaml:21:7: operation 'signup' has replica: true and ledger: users; a standby is read-only \
        (SQLSTATE 25006)
          fix: remove replica: a ledgered operation writes, on the primary""");
  }

  @Test
  void replicaWithANewKey() {
    assertFailsOnStandby(operations("""
        - name: find-new
          weight: 1
          replica: true
          sql: SELECT * FROM users WHERE id = :id
          params: {id: {kind: newKey, table: users}}
        """), """
        bad.yaml:19:7: operation 'find-new' has replica: true but its param 'id' is a newKey, the key of a row \
        to insert; a standby is read-only (SQLSTATE 25006)
          fix: read rows that exist on the standby with kind: existingKey, or remove replica""");
  }

  // ---------------------------------------------------------------- built-in pgbench-tpcb

  @Test
  void pgbenchTpcbIsPgbenchsBuiltInScript() {
    Scenario tpcb = ScenarioLoader.builtin("pgbench-tpcb");
    Scenario pgbench = ScenarioLoader.builtin("pgbench");

    // the two must stay in step, so that their figures compare
    assertThat(tpcb.schema()).isEqualTo(pgbench.schema());
    assertThat(tpcb.dataset()).isEqualTo(pgbench.dataset());
    assertThat(tpcb.strategies()).isEqualTo(pgbench.strategies());
    assertThat(tpcb.budgets()).isEqualTo(pgbench.budgets());
    assertThat(tpcb.workload().ratePerSecond()).isEqualTo(500.0);
    assertThat(tpcb.workload().pool().maximumPoolSize()).isEqualTo(8);

    OperationSpec operation = tpcb.workload().operations().get(0);
    assertThat(tpcb.workload().operations()).hasSize(1);
    assertThat(operation.name()).isEqualTo("tpcb-like");
    assertThat(operation.transaction()).isTrue();
    assertThat(operation.statements()).extracting(StatementSpec::sql).containsExactly(
        "UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?",
        "SELECT abalance FROM pgbench_accounts WHERE aid = ?",
        "UPDATE pgbench_tellers SET tbalance = tbalance + ? WHERE tid = ?",
        "UPDATE pgbench_branches SET bbalance = bbalance + ? WHERE bid = ?",
        "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) "
            + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)");
    assertThat(operation.statements()).extracting(StatementSpec::paramNames).containsExactly(
        List.of("delta", "aid"),
        List.of("aid"),
        List.of("delta", "tid"),
        List.of("delta", "bid"),
        List.of("tid", "bid", "aid", "delta"));
    assertThat(operation.params()).containsOnly(
        entry("aid", new ParamSpec("existingKey", "pgbench_accounts", null, null, null,
            "uniform", null)),
        entry("bid", new ParamSpec("existingKey", "pgbench_branches", null, null, null,
            "uniform", null)),
        entry("tid", new ParamSpec("existingKey", "pgbench_tellers", null, null, null,
            "uniform", null)),
        entry("delta", new ParamSpec("uniform", null, -5000L, 5000L, null, null, null)));
  }

  @Test
  void normalizedModelIsImmutable() {
    OperationSpec operation = ScenarioLoader.builtin("pgbench-tpcb").workload().operations()
        .get(0);

    assertThatThrownBy(() -> operation.params().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> operation.statements().get(0).paramNames().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- helpers

  private static WorkloadSpec workload(String workload) {
    return ScenarioLoader.parse(BASE + workload.indent(2), "ok.yaml", null).workload();
  }

  /** The workload {@code rate: 10} with {@code operations} (YAML list at indentation 0). */
  private static String operations(String operations) {
    return "rate: 10\noperations:\n" + operations.indent(2);
  }

  /** The first operation of {@code operations} (YAML list at indentation 0). */
  private static OperationSpec operation(String operations) {
    return workload(operations(operations)).operations().get(0);
  }

  /** Operation {@code p: SELECT ?} with {@code param} as its one param, on line 21. */
  private static String withParam(String param) {
    return operations("""
        - name: p
          weight: 1
          sql: SELECT ?
          params:
            - %s
        """.formatted(param));
  }

  private static ParamSpec param(String param) {
    return workload(withParam(param)).operations().get(0).params().get("1");
  }

  private static void assertFailsParam(String param, String expectedMessage) {
    assertFails(withParam(param), expectedMessage);
  }

  /** As {@link #assertFails}, with {@link #STANDBY} after the workload. */
  private static void assertFailsOnStandby(String workload, String expectedMessage) {
    String yaml = BASE + workload.indent(2) + STANDBY;
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml", null))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }

  private static void assertFails(String workload, String expectedMessage) {
    String yaml = BASE + workload.indent(2);
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml", null))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }
}
