package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A scenario file exactly as written, as Jackson binds it, before checks and defaults.
 *
 * <p>Parts of the YAML that bind one to one are bound straight into the model records
 * ({@link SchemaSpec}, {@link ColumnSpec}, {@link OperationSpec}, ...). The records here exist
 * where they cannot: where a key is renamed ({@code rate}), where a default must be applied
 * and so an absent value must stay visible as null (the model uses {@code int}/{@code long}),
 * and for {@code server.settings}, whose values may be of any scalar type.
 *
 * <p>Record component names are the YAML keys, in the order they are listed to the user when
 * a key is unknown.
 */
record ScenarioDocument(
    String name,
    String description,
    Server server,
    SchemaSpec schema,
    Dataset dataset,
    Workload workload,
    PhasesSpec phases,
    List<StrategySpec> strategies,
    List<BudgetSpec> budgets) {

  record Server(Map<String, Object> settings) {}

  record Dataset(List<Table> tables) {}

  record Table(String name, Long rows, Map<String, ColumnSpec> columns) {}

  record Workload(Double rate, Integer maxInFlight, Pool pool, List<OperationSpec> operations) {}

  record Pool(Integer maximumPoolSize, Duration connectionTimeout, Duration statementTimeout) {}
}
