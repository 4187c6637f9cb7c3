package dev.rehearsal.report;

/**
 * Input the nightly diff cannot work with: a report that is missing or unreadable, nothing to
 * pair, a tolerance that does not parse. The message says what was wrong and, on a line of its
 * own starting "  fix:", how to put it right; the command line shows it and exits 2.
 */
public class DiffInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DiffInputException(String problem, String fix) {
    super(problem + "\n  fix: " + fix);
  }

  public DiffInputException(String problem, String fix, Throwable cause) {
    super(problem + "\n  fix: " + fix, cause);
  }
}
