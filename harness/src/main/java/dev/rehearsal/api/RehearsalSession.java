package dev.rehearsal.api;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.run.SharedWorkbench;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Several rehearsals that share what they can: one PostgreSQL server per kind asked (provider,
 * major, image, server settings), started at the first rehearsal that needs it, and the data of each
 * shape (schema, dataset, seed, rows) seeded once and cloned for every rehearsal with
 * {@code CREATE DATABASE ... TEMPLATE}. With the embedded provider and a seed cache the template is
 * the cache's, so the next build does not seed it again either. Rehearsals run one at a time.
 * Close it to drop what it seeded outside the cache and stop its servers.
 *
 * <pre>{@code
 * try (RehearsalSession session = RehearsalSession.open()) {
 *   RehearsalOutcome naive = session.run(scenario, options.withStrategy("naive"));
 *   RehearsalOutcome safe = session.run(scenario, options.withStrategy("expand-contract"));
 * }
 * }</pre>
 */
public final class RehearsalSession implements AutoCloseable {

  private final SharedWorkbench workbench;

  private RehearsalSession(Console console) {
    this.workbench = new SharedWorkbench(console);
  }

  /** A session that tells its progress on standard error, as the command line does. */
  public static RehearsalSession open() {
    return new RehearsalSession(Console.stderr());
  }

  /** A session that tells its progress on {@code progress} (line by line, no progress bars). */
  public static RehearsalSession open(PrintStream progress) {
    Objects.requireNonNull(progress, "progress");
    return new RehearsalSession(new Console(progress, false));
  }

  /** A session that says nothing while it runs. */
  public static RehearsalSession quiet() {
    return new RehearsalSession(Console.silent());
  }

  /**
   * Rehearses {@code options.strategy()} of {@code scenario} (the first strategy when none is set)
   * and writes the reports into {@code options.outputDirectory()}.
   *
   * @return the outcome, whatever the verdict: a critical breach is a {@link Verdict#FAIL}, not an exception
   * @throws RehearsalInputException bad input, before anything starts
   * @throws RehearsalInfrastructureException the server, the seeding or the load failed, so the rehearsal
   *     did not reach its end (its partial outcome, if any, in {@link RehearsalInfrastructureException#outcome()})
   */
  public RehearsalOutcome run(RehearsalScenario scenario, RehearsalOptions options) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(options, "options");
    return RehearsalOutcome.completed(scenario,
        Failures.translated(() -> workbench.rehearse(scenario.model(), options.toRunOptions())));
  }

  /** Servers started so far. */
  public int serversStarted() {
    return workbench.serversStarted();
  }

  /** Data shapes seeded so far; data found in the seed cache is not seeded again and does not count. */
  public int seedings() {
    return workbench.seedings();
  }

  /** Rehearsal databases cloned from seeded data so far, one per rehearsal. */
  public int clones() {
    return workbench.clones();
  }

  @Override
  public void close() {
    Failures.translated(() -> {
      workbench.close();
      return null;
    });
  }
}
