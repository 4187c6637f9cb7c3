package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.scenario.Scenario;

/**
 * Which PostgreSQL major a rehearsal runs: {@code --pg-version} when given, else the major the
 * scenario pins as production's ({@code server.version}), else {@link
 * EmbeddedBinaries#DEFAULT_MAJOR}. Index builds and locks differ between majors, so running
 * another major than the pinned one is said on the console, naming both.
 */
final class ServerVersion {

  private ServerVersion() {}

  /** The major to provision; says so when {@code --pg-version} overrides the scenario's pin. */
  static int toRun(Scenario scenario, RunOptions options, Console console) {
    Integer pinned = scenario.server().version();
    Integer asked = options.pgVersion();
    if (asked == null) {
      return pinned != null ? pinned : EmbeddedBinaries.DEFAULT_MAJOR;
    }
    if (pinned != null && !pinned.equals(asked) && !external(options)) {
      console.say("  warning: %s", overridden(pinned, asked));
    }
    return asked;
  }

  static boolean external(RunOptions options) {
    return options.postgres() != null && options.postgres().trim().startsWith("jdbc:");
  }

  static String overridden(int pinned, int running) {
    return "scenario pins PostgreSQL " + pinned + " (production); running " + running
        + " as --pg-version asks: index builds and locks differ between majors";
  }

  /**
   * For a server the harness did not start (a JDBC URL): its major is what it is, so a pin it
   * does not match is a warning, not a failure; null when it matches or nothing is pinned.
   */
  static String externalMismatch(Scenario scenario, int serverMajor) {
    Integer pinned = scenario.server().version();
    if (pinned == null || pinned == serverMajor) {
      return null;
    }
    return "scenario pins PostgreSQL " + pinned + " (production); the server at --postgres runs " + serverMajor
        + ": index builds and locks differ between majors";
  }
}
