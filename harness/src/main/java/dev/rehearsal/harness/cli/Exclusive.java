package dev.rehearsal.harness.cli;

/**
 * A group of options of which a command takes one at most (a picocli
 * {@code @ArgGroup(exclusive = true)}), and what to tell whoever gives more than one.
 */
interface Exclusive {

  /** The error: what was given that does not go together, then a {@code "\n  fix: "} line. */
  String conflict();
}
