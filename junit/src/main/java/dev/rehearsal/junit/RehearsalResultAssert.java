package dev.rehearsal.junit;

import dev.rehearsal.api.RehearsalOutcome.Breach;
import dev.rehearsal.api.Verdict;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a rehearsal; every failure message leads with the verdict, the headline and
 * the next steps, and says where the reports are.
 */
public final class RehearsalResultAssert extends AbstractAssert<RehearsalResultAssert, RehearsalResult> {

  RehearsalResultAssert(RehearsalResult actual) {
    super(actual, RehearsalResultAssert.class);
  }

  /** No critical budget breached (pass, or warn: the command line's exit 0). */
  public RehearsalResultAssert passes() {
    isNotNull();
    if (actual.verdict() != Verdict.PASS && actual.verdict() != Verdict.WARN) {
      failWithMessage("expected the rehearsal to pass, but it did not:%n%s", actual.describe());
    }
    return this;
  }

  /** Every budget held, warn thresholds included. */
  public RehearsalResultAssert passesWithoutWarnings() {
    isNotNull();
    if (actual.verdict() != Verdict.PASS) {
      failWithMessage("expected the rehearsal to pass without a warning, but it did not:%n%s", actual.describe());
    }
    return this;
  }

  public RehearsalResultAssert hasNoCriticalBreach() {
    isNotNull();
    List<Breach> critical = critical();
    if (!critical.isEmpty()) {
      failWithMessage("expected no critical budget breached, but %s:%n%s", describe(critical), actual.describe());
    }
    return this;
  }

  /** A critical budget was breached: what a test expecting the naive strategy to hurt asserts. */
  public RehearsalResultAssert hasCriticalBreach() {
    isNotNull();
    if (critical().isEmpty()) {
      failWithMessage("expected a critical budget breached, but none was:%n%s", actual.describe());
    }
    return this;
  }

  /** The budget on {@code metric} was breached at its critical threshold. */
  public RehearsalResultAssert hasCriticalBreachOf(String metric) {
    isNotNull();
    if (critical().stream().noneMatch(b -> b.metric().equals(metric))) {
      failWithMessage("expected the critical budget on %s breached, but it was not:%n%s", metric, actual.describe());
    }
    return this;
  }

  public RehearsalResultAssert hasVerdict(Verdict verdict) {
    isNotNull();
    if (actual.verdict() != verdict) {
      failWithMessage("expected verdict %s, but it was:%n%s", verdict, actual.describe());
    }
    return this;
  }

  public RehearsalResultAssert headlineContains(String text) {
    isNotNull();
    if (actual.headline() == null || !actual.headline().contains(text)) {
      failWithMessage("expected the headline to contain \"%s\", but it was:%n%s", text, actual.describe());
    }
    return this;
  }

  /** Application sessions spent less than {@code seconds} session-seconds blocked by the migration. */
  public RehearsalResultAssert blockedSessionSecondsBelow(double seconds) {
    return figureBelow("blockedSessionSeconds", seconds);
  }

  /** The worst second's p99 latency stayed below {@code millis}. */
  public RehearsalResultAssert peakP99MsBelow(double millis) {
    return figureBelow("peakP99Ms", millis);
  }

  /** A summary figure, by its metric name (docs/report-format.md), stayed below {@code limit}. */
  public RehearsalResultAssert figureBelow(String metric, double limit) {
    isNotNull();
    Double value = actual.figure(metric).orElse(null);
    if (value == null) {
      failWithMessage("expected %s below %s, but this rehearsal did not measure it:%n%s", metric, number(limit),
          actual.describe());
    } else if (!(value < limit)) {
      failWithMessage("expected %s below %s, but it was %s:%n%s", metric, number(limit), number(value),
          actual.describe());
    }
    return this;
  }

  private List<Breach> critical() {
    return actual.breaches().stream().filter(b -> b.level().equals("critical")).toList();
  }

  private static String describe(List<Breach> breaches) {
    return String.join(", ", breaches.stream().map(b -> b.metric() + " = " + number(b.value()) + " (critical at "
        + number(b.threshold()) + ")").toList());
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.3g", value);
  }
}
