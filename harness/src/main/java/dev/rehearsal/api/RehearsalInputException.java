package dev.rehearsal.api;

/**
 * Bad input, found before anything starts (the command line's exit 2): a scenario that does not
 * parse or validate, a strategy it does not have, an option out of range. The message is the
 * command line's, what was wrong, where ({@code file:line:column} for a scenario) and a
 * {@code fix:} line.
 */
public final class RehearsalInputException extends RehearsalException {

  private static final long serialVersionUID = 1L;

  RehearsalInputException(String message, Throwable cause) {
    super(message, cause);
  }

  RehearsalInputException(String message) {
    super(message, null);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
