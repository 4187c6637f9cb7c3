package dev.rehearsal.api;

/** A rehearsal's verdict against its budgets. */
public enum Verdict {
  /** Every budget held. */
  PASS,
  /** A warn threshold was crossed, no critical one (the command line exits 0). */
  WARN,
  /** A critical budget was breached (the command line exits 1). */
  FAIL,
  /** The rehearsal stopped before its end; its figures cover what was observed until then. */
  INCOMPLETE
}
