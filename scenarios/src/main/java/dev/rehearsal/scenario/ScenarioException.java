package dev.rehearsal.scenario;

/**
 * A scenario that cannot be used, with where and why, phrased for the person who wrote it.
 *
 * <p>Every bad input ends up here: a missing file, broken YAML, an unknown key, a value of the
 * wrong type, a missing required key, or a value that makes no sense for a rehearsal. The
 * message has the compiler-like form
 *
 * <pre>
 * scenario.yaml:12:11: rows must be at least 1, got -5
 *   fix: ...
 * </pre>
 *
 * so editors and CI logs can link to the spot. It never contains a stack trace or parser
 * internals; the CLI prints {@link #getMessage()} as is.
 */
public class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;
  private final String hint;

  /**
   * @param source the scenario file path, or {@code builtin:NAME}
   * @param line 1-based line of the offending value, or 0 when unknown
   * @param column 1-based column of the offending value, or 0 when unknown
   * @param problem what is wrong, one sentence without a trailing period
   * @param hint how to fix it, or null when there is nothing useful to add
   */
  public ScenarioException(String source, int line, int column, String problem, String hint) {
    super(format(source, line, column, problem, hint));
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.hint = hint;
  }

  /** A problem with no position in the file (the file itself is missing, for example). */
  public ScenarioException(String source, String problem, String hint) {
    this(source, 0, 0, problem, hint);
  }

  private static String format(String source, int line, int column, String problem, String hint) {
    StringBuilder message = new StringBuilder(source);
    if (line > 0) {
      message.append(':').append(line);
      if (column > 0) {
        message.append(':').append(column);
      }
    }
    message.append(": ").append(problem);
    if (hint != null) {
      message.append("\n  fix: ").append(hint);
    }
    return message.toString();
  }

  /** Where the scenario came from: a file path as given, or {@code builtin:NAME}. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem, 0 when unknown. */
  public int column() {
    return column;
  }

  /** What is wrong, without source, position or hint. */
  public String problem() {
    return problem;
  }

  /** How to fix it, or null. */
  public String hint() {
    return hint;
  }
}
