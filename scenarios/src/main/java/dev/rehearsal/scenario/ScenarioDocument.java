package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A scenario file exactly as written, as Jackson binds it, before checks and defaults.
 *
 * <p>Parts of the YAML that bind one to one are bound straight into the model records
 * ({@link ColumnSpec}, {@link ParamSpec}, ...). The records here exist
 * where they cannot: where a key is renamed ({@code rate}), where a default must be applied
 * and so an absent value must stay visible as null (the model uses {@code int}/{@code long}),
 * where the model is a normalized form of what was written (an operation's statements and
 * params), and for values that may take more than one shape ({@code server.settings}, whose
 * values may be of any scalar type; an operation's {@code params}, a list or a mapping; a
 * schema's Flyway {@code locations}, one or a list, and versions, which must be read as written).
 *
 * <p>Record component names are the YAML keys, in the order they are listed to the user when
 * a key is unknown.
 */
record ScenarioDocument(
    String name,
    String description,
    Server server,
    Schema schema,
    Dataset dataset,
    Workload workload,
    PhasesSpec phases,
    List<Strategy> strategies,
    List<BudgetSpec> budgets) {

  /**
   * @param version the pinned major version as written (a number; checked by the validator)
   * @param standby {@code true}/{@code false}, or a mapping with {@code applyDelay}
   */
  record Server(Object version, Map<String, Object> settings, Object standby) {}

  /** Exactly one of the four is meant to be given; the validator checks that. */
  record Schema(String sql, String file, Flyway flyway, Liquibase liquibase) {}

  /**
   * @param locations one location as text, or a list of them
   * @param target a version; a scalar of any type, read as written ({@code 1.10} is not 1.1)
   * @param placeholders values of any scalar type, read as written
   */
  record Flyway(Object locations, Object target, Map<String, Object> placeholders) {}

  /** @param toTag a tag; a scalar of any type, read as written ({@code toTag: 17} is "17") */
  record Liquibase(
      String changelog, Object toTag, Integer count, String contexts, String labels) {}

  record Dataset(List<Table> tables) {}

  record Table(String name, Long rows, Map<String, ColumnSpec> columns) {}

  record Workload(
      Double rate,
      List<Stage> stages,
      String arrival,
      ClosedLoop closedLoop,
      Integer maxInFlight,
      Integer instances,
      Pool pool,
      HealthCheck healthCheck,
      List<Operation> operations) {}

  record Stage(Duration duration, Double target) {}

  record ClosedLoop(Integer clients, Duration thinkTime) {}

  /**
   * {@code every} and {@code timeout} are the probe's keys from before probes went through the pool;
   * {@code periodSeconds} and {@code timeoutSeconds} say the same in Kubernetes' terms (numbers).
   */
  record HealthCheck(String via, String sql, Double periodSeconds, Double timeoutSeconds, Integer failureThreshold,
      Integer successThreshold, String kind, Duration every, Duration timeout, Boolean enabled) {}

  /**
   * @param params a list (one param per {@code ?}) or a mapping (name to param, for
   *     {@code :name}), each param still as read; converted to {@link ParamSpec} by the
   *     validator, which knows where each one is
   */
  record Operation(
      String name,
      Integer weight,
      Duration every,
      Duration startAfter,
      Duration holdFor,
      String sql,
      List<String> transaction,
      Object params,
      String ledger,
      Boolean replica) {}

  record Pool(Integer maximumPoolSize, Duration connectionTimeout, Duration statementTimeout) {}

  record Strategy(String name, String description, List<Step> steps, List<Step> down) {}

  /** One migration step as written: the validator checks that exactly one kind is given. */
  record Step(
      String name,
      String sql,
      String file,
      Object flyway,
      Object liquibase,
      Backfill backfill,
      Duration pause,
      String transaction,
      Retry retry) {}

  record Backfill(
      String table, String set, String where, String key, Integer batchSize, Duration pause) {}

  record Retry(Duration lockTimeout, Integer attempts, Duration backoff, Double growth) {}
}
