package dev.rehearsal.harness;

/** The harness or what it runs on failed: a server did not start, a connection broke (exit 3). */
public class InfrastructureException extends RuntimeException {

  public InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }

  public InfrastructureException(String message) {
    super(message);
  }
}
