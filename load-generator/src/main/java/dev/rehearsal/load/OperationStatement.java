package dev.rehearsal.load;

/**
 * One statement of an operation.
 *
 * @param sql JDBC form, {@code ?} for each parameter
 * @param paramSlots for each {@code ?} in order, the index of the operation's drawn value to
 *     bind (a value drawn once may be bound many times, like pgbench's {@code :aid})
 */
public record OperationStatement(String sql, int[] paramSlots) {

  public OperationStatement {
    paramSlots = paramSlots.clone();
  }

  /** A statement whose {@code ?}s take the drawn values 0..n-1 in order. */
  public static OperationStatement positional(String sql, int params) {
    int[] slots = new int[params];
    for (int i = 0; i < params; i++) {
      slots[i] = i;
    }
    return new OperationStatement(sql, slots);
  }
}
