package dev.rehearsal.api;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.Rehearsal;

/**
 * One rehearsal, start to finish, as {@code ./rehearse run} does it: {@code
 * Rehearsals.run(RehearsalScenario.load(path), RehearsalOptions.defaults().withStrategy("safe"))}.
 * Its server is stopped at the end; to share one server and one seeding between several
 * rehearsals, use a {@link RehearsalSession}.
 */
public final class Rehearsals {

  private Rehearsals() {}

  /** See {@link RehearsalSession#run}: same outcome, same exceptions; progress on standard error. */
  public static RehearsalOutcome run(RehearsalScenario scenario, RehearsalOptions options) {
    java.util.Objects.requireNonNull(scenario, "scenario");
    java.util.Objects.requireNonNull(options, "options");
    return RehearsalOutcome.completed(scenario, Failures.translated(
        () -> new Rehearsal(scenario.model(), options.toRunOptions(), Console.stderr()).run()));
  }
}
