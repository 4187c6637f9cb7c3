package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One kind of application request: a SQL statement with {@code ?} placeholders.
 *
 * <p>Exactly one of {@code weight} (share of the open-loop rate) or {@code every} (a periodic
 * operation such as a report query, on its own connection outside the pool) is set.
 *
 * @param startAfter for periodic operations: delay before the first run (default: {@code every})
 * @param params one generator per {@code ?}, in order
 */
public record OperationSpec(
    String name,
    String sql,
    Integer weight,
    Duration every,
    Duration startAfter,
    List<ParamSpec> params) {

  public boolean periodic() {
    return every != null;
  }
}
