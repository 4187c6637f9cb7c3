package dev.rehearsal.harness.seed.copy;

/**
 * The two COPY data formats the seeder streams. BINARY skips the server's text parsing and is
 * used when every column of a table has a binary encoder here; otherwise the whole table falls
 * back to TEXT (a COPY has one format for all its columns), see {@link CopyRows#formatFor}.
 */
public enum CopyFormat {
  /** {@code COPY ... FROM STDIN (FORMAT binary)}: PostgreSQL's *send/*recv encodings. */
  BINARY,
  /** {@code COPY ... FROM STDIN} text format: tab-separated, {@code \N} for NULL, escaped. */
  TEXT
}
