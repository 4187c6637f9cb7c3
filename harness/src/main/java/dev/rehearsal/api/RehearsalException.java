package dev.rehearsal.api;

/** What a rehearsal through the Java API throws: {@link RehearsalInputException} or {@link RehearsalInfrastructureException}. */
public abstract class RehearsalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RehearsalException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The command line's exit code for this failure: 2 bad input, 3 infrastructure. */
  public abstract int exitCode();
}
