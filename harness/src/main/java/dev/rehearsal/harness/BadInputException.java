package dev.rehearsal.harness;

/**
 * The user asked for something that cannot work (exit code 2). The message says what was wrong,
 * where, and how to fix it; it never carries a password.
 */
public class BadInputException extends RuntimeException {

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
