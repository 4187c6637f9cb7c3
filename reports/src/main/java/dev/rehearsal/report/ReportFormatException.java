package dev.rehearsal.report;

import java.io.IOException;

/**
 * A report.json this version of Rehearsal cannot read: not a report at all, or written by a
 * newer Rehearsal with a schema this one does not know. Callers treat it as bad input.
 */
public class ReportFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public ReportFormatException(String message) {
    super(message);
  }
}
