package dev.rehearsal.junit;

import dev.rehearsal.api.RehearsalOutcome;
import dev.rehearsal.api.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rehearsal of an {@link Rehearse} test found, injected as a test method parameter; check
 * it with {@link RehearsalAssertions#assertThat(RehearsalResult)}. The full outcome of the Java API
 * is {@link #outcome()}.
 */
public final class RehearsalResult {

  /**
   * What the test run's shared session had done by the end of this rehearsal.
   *
   * @param serversStarted PostgreSQL servers started
   * @param seedings data shapes seeded (data found in the seed cache does not count)
   * @param clones rehearsal databases cloned from seeded data, one per rehearsal
   */
  public record Sharing(int serversStarted, int seedings, int clones) {}

  private final RehearsalOutcome outcome;
  private final Sharing sharing;

  RehearsalResult(RehearsalOutcome outcome, Sharing sharing) {
    this.outcome = outcome;
    this.sharing = sharing;
  }

  public Verdict verdict() {
    return outcome.verdict();
  }

  public String headline() {
    return outcome.headline();
  }

  public List<String> nextSteps() {
    return outcome.nextSteps();
  }

  public String strategy() {
    return outcome.strategy();
  }

  /** Every summary figure by metric name (docs/report-format.md). */
  public Map<String, Double> figures() {
    return outcome.figures();
  }

  /** One summary figure by metric name; empty when this run did not measure it. */
  public Optional<Double> figure(String metric) {
    return outcome.figure(metric);
  }

  public List<RehearsalOutcome.Breach> breaches() {
    return outcome.breaches();
  }

  public List<RehearsalOutcome.Statement> statements() {
    return outcome.statements();
  }

  /** {@code target/rehearsal/<test class>/<method>/}, where report.html and the others are. */
  public Path reportDirectory() {
    return outcome.reportDirectory();
  }

  /** True when the data was seeded for this test, false when cloned from data seeded before it. */
  public boolean seededForThisTest() {
    return outcome.seededForThisRehearsal();
  }

  public Sharing sharing() {
    return sharing;
  }

  /** The Java API's outcome: statements, report paths, the whole report. */
  public RehearsalOutcome outcome() {
    return outcome;
  }

  /** Verdict, headline, next steps and the reports' directory, as a failure message shows them. */
  public String describe() {
    return outcome.describe();
  }

  @Override
  public String toString() {
    return outcome.toString();
  }
}
