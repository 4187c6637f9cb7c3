package dev.rehearsal.load;

/**
 * Where to connect. The password is kept out of {@link #toString()} so that it cannot leak into
 * logs, exception messages or reports by accident.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password) {

  @Override
  public String toString() {
    return "DatabaseTarget[" + jdbcUrl + " as " + user + "]";
  }
}
