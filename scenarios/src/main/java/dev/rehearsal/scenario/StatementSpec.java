package dev.rehearsal.scenario;

import java.util.List;

/**
 * One statement of an operation, ready for JDBC.
 *
 * @param sql the statement with {@code ?} for each parameter; {@code :name} parameters have
 *     already been rewritten
 * @param paramNames the name of the parameter bound to each {@code ?}, in order: keys of
 *     {@link OperationSpec#params()}. Positional parameters are named "1", "2", ... across the
 *     operation's statements; a named parameter used twice appears twice (one value per
 *     execution, bound to both)
 */
public record StatementSpec(String sql, List<String> paramNames) {

  public StatementSpec {
    paramNames = List.copyOf(paramNames);
  }
}
