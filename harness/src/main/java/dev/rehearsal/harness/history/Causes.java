package dev.rehearsal.harness.history;

/** Finds the exception that says what went wrong inside the ones Flyway and Liquibase wrap it in. */
public final class Causes {

  private Causes() {}

  /** The first {@code type} in {@code e}'s cause chain, {@code e} included, or null. */
  public static <T extends Throwable> T first(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
