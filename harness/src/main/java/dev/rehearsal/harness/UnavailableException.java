package dev.rehearsal.harness;

/**
 * Bad input of one kind: what was asked needs something this machine lacks (Docker for a forced
 * container, PostgreSQL binaries for a major). The command line treats it as any bad input (exit
 * 2); the Java API and the JUnit extension treat it as an environment that cannot run the
 * rehearsal (an aborted test, like Testcontainers' {@code disabledWithoutDocker}), not a failure.
 */
public class UnavailableException extends BadInputException {

  public UnavailableException(String message) {
    super(message);
  }
}
