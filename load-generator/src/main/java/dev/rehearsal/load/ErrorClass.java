package dev.rehearsal.load;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Why an operation failed, in the terms a migration review cares about. Classified from
 * SQLSTATE, so the client-side view of lock trouble can be compared with the server-side one.
 */
public enum ErrorClass {
  /** 55P03: lock_timeout expired (or NOWAIT). */
  LOCK_TIMEOUT("lockTimeout"),
  /** 57014: statement_timeout expired (or the query was cancelled). */
  STATEMENT_TIMEOUT("statementTimeout"),
  /** No pooled connection became free within connectionTimeout. */
  POOL_TIMEOUT("poolTimeout"),
  /** Class 08 or 57P01-57P03: the connection broke or the server went away. */
  CONNECTION("connection"),
  /** 40P01. */
  DEADLOCK("deadlock"),
  /**
   * 40001 on the standby: a replica operation cancelled by a conflict with recovery (WAL replay had to
   * remove rows it could still see, or take a lock it held, for longer than max_standby_streaming_delay).
   */
  RECOVERY_CONFLICT("recoveryConflict"),
  OTHER("other");

  private final String key;

  ErrorClass(String key) {
    this.key = key;
  }

  /** The name used in reports (camelCase). */
  public String key() {
    return key;
  }

  /**
   * Classifies a failure of an operation that already had its connection. Pool timeouts are
   * told apart where the connection is borrowed, not here: HikariCP reports them with SQLSTATE
   * 08001 or none, which would look like a connection failure.
   */
  public static ErrorClass of(SQLException e) {
    String state = sqlState(e);
    if (state == null) {
      return e instanceof SQLTransientConnectionException ? CONNECTION : OTHER;
    }
    switch (state) {
      case "55P03":
        return LOCK_TIMEOUT;
      case "57014":
        return STATEMENT_TIMEOUT;
      case "40P01":
        return DEADLOCK;
      case "57P01":
      case "57P02":
      case "57P03":
        return CONNECTION;
      default:
        return state.startsWith("08") ? CONNECTION : OTHER;
    }
  }

  /**
   * Classifies a failure of an operation that had its connection, on the standby when {@code onStandby}: there
   * 40001 is a conflict with recovery, not a serialization failure.
   */
  public static ErrorClass of(SQLException e, boolean onStandby) {
    if (onStandby && SERIALIZATION_FAILURE.equals(sqlState(e))) {
      return RECOVERY_CONFLICT;
    }
    return of(e);
  }

  /** 40001: serialization_failure, which a standby also raises when it cancels a query for recovery. */
  static final String SERIALIZATION_FAILURE = "40001";

  /**
   * Classifies a failed borrow from the pool. HikariCP reports both "no connection free in time" and
   * "could not open one" from getConnection; only the first is pool exhaustion.
   */
  static ErrorClass ofBorrow(SQLException e) {
    String state = sqlState(e.getCause());
    if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28"))) {
      return CONNECTION;
    }
    return POOL_TIMEOUT;
  }

  /** The first SQLSTATE in the exception chain; drivers sometimes wrap the server's error. */
  static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
        return ((SQLException) t).getSQLState();
      }
    }
    return null;
  }
}
