package dev.rehearsal.api;

/**
 * The rehearsal could not run, or not to its end, for a reason outside the migration: a server
 * that did not start or stopped answering, a broken connection, reports that could not be written
 * (the command line's exit 3); or what was asked needs something this machine lacks, Docker for a
 * forced container or PostgreSQL binaries for a major ({@link #unavailable()}; the command line says
 * exit 2 for those). Where a partial report was written, {@link #outcome()} has it.
 */
public final class RehearsalInfrastructureException extends RehearsalException {

  private static final long serialVersionUID = 1L;

  private final boolean unavailable;
  private final transient RehearsalOutcome outcome;

  RehearsalInfrastructureException(String message, Throwable cause, boolean unavailable, RehearsalOutcome outcome) {
    super(message, cause);
    this.unavailable = unavailable;
    this.outcome = outcome;
  }

  /** True when this machine lacks what was asked for (Docker, binaries), rather than something failing. */
  public boolean unavailable() {
    return unavailable;
  }

  /** The incomplete rehearsal's outcome, with its reports, or null when nothing was written. */
  public RehearsalOutcome outcome() {
    return outcome;
  }

  @Override
  public int exitCode() {
    return unavailable ? 2 : 3;
  }
}
