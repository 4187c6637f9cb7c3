package dev.rehearsal.junit;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.rehearsal.api.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension as a team's build sees it: test classes with {@code @Rehearse} methods run through
 * the JUnit Platform (EngineTestKit), on the embedded server with a small scenario. The classes
 * below are fixtures, run only from here (Failsafe skips nested classes).
 */
class RehearseExtensionIT {

  private static final String SCENARIO = "rehearsal/accounts.yaml";

  static final List<RehearsalResult> SEEN = new ArrayList<>();

  static class Breaching {
    @Rehearse(scenario = SCENARIO, strategy = "naive")
    void judgedByTheExtension() {
    }

    @Rehearse(scenario = SCENARIO, strategy = "naive")
    void judgedByTheTest(RehearsalResult result) {
      assertThat(result).passes();
    }
  }

  static class Unreachable {
    @Rehearse(scenario = SCENARIO, postgres = "jdbc:postgresql://127.0.0.1:1/nowhere")
    void serverDoesNotAnswer() {
    }
  }

  static class BadInput {
    @Rehearse(scenario = SCENARIO, strategy = "no-such-strategy")
    void unknownStrategy() {
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Sharing {
    @Order(1)
    @Rehearse(scenario = SCENARIO, strategy = "safe")
    void first(RehearsalResult result) {
      SEEN.add(result);
      assertThat(result).passes().hasNoCriticalBreach().blockedSessionSecondsBelow(3.0);
    }

    @Order(2)
    @Rehearse(scenario = SCENARIO, strategy = "safe")
    void second(RehearsalResult result) {
      SEEN.add(result);
    }
  }

  private static Events run(Class<?> fixture) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(RehearsalExtension.POSTGRES, "embedded")
        .configurationParameter(RehearsalExtension.SEED_CACHE, "none")
        .selectors(selectClass(fixture))
        .execute().testEvents();
  }

  @Test
  void aCriticalBudgetFailsTheTestWithTheHeadlineAndTheNextSteps() {
    Events events = run(Breaching.class);
    events.assertStatistics(s -> s.started(2).failed(2));
    events.assertThatEvents()
        .haveExactly(1, event(test("judgedByTheExtension"), finishedWithFailure(
            message(m -> m.startsWith("critical budget breached: FAIL") && m.contains("Statement 1")
                && m.contains("Next steps:") && m.contains("blockedSessionSeconds")))))
        .haveExactly(1, event(test("judgedByTheTest"), finishedWithFailure(
            message(m -> m.contains("expected the rehearsal to pass") && m.contains("blockedSessionSeconds")
                && m.contains("Next steps:")))));
  }

  @Test
  void aUrlThatCannotBeReachedIsTheUsersToFixAsOnTheCommandLine() {
    Events events = run(Unreachable.class);
    events.assertStatistics(s -> s.started(1).failed(1));
    events.assertThatEvents().haveExactly(1, event(test("serverDoesNotAnswer"),
        finishedWithFailure(message(m -> m.contains("127.0.0.1:1") && m.contains("cannot connect")
            && m.contains("fix:")))));
  }

  @Test
  void badInputFailsTheTestWithTheFix() {
    Events events = run(BadInput.class);
    events.assertStatistics(s -> s.started(1).failed(1));
    events.assertThatEvents().haveExactly(1, event(test("unknownStrategy"),
        finishedWithFailure(message(m -> m.contains("no-such-strategy") && m.contains("fix:")))));
  }

  /** The passing case, the injected result, and two tests sharing one server and one seeding. */
  @Test
  void safeRehearsalsPassAndTwoTestsShareOneServerAndOneSeedingWithOneClonePerTest() {
    Events events = run(Sharing.class);
    events.assertStatistics(s -> s.started(2).succeeded(2).failed(0).aborted(0));
    assertThat(SEEN).hasSize(2);
    RehearsalResult first = SEEN.get(0);
    assertThat(first.strategy()).isEqualTo("safe");
    assertThat(first.verdict()).isIn(Verdict.PASS, Verdict.WARN);
    assertThat(first.figures()).containsKey("blockedSessionSeconds");
    Path dir = Path.of("target", "rehearsal", Sharing.class.getName(), "first");
    assertThat(first.reportDirectory()).isEqualTo(dir.toAbsolutePath());
    assertThat(dir.resolve("report.json")).exists();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(SEEN.get(0).sharing()).isEqualTo(new RehearsalResult.Sharing(1, 1, 1));
    assertThat(SEEN.get(1).sharing()).isEqualTo(new RehearsalResult.Sharing(1, 1, 2));
    assertThat(SEEN.get(0).seededForThisTest()).isTrue();
    assertThat(SEEN.get(1).seededForThisTest()).isFalse();
    assertThat(SEEN.get(1).outcome().report().seed().cloneMillis()).isNotNull();
  }

  @Test
  void withoutDockerAForcedContainerAbortsTheTest() throws Exception {
    // where Docker answers, the probe is told it does not (DockerProbe.ABSENT_PROPERTY), so this runs everywhere
    String before = System.setProperty(dev.rehearsal.harness.provision.DockerProbe.ABSENT_PROPERTY, "absent");
    Events events;
    try {
      events = EngineTestKit.engine("junit-jupiter")
          .configurationParameter(RehearsalExtension.POSTGRES, "container")
          .selectors(selectClass(NeedsDocker.class)).execute().testEvents();
    } finally {
      if (before == null) {
        System.clearProperty(dev.rehearsal.harness.provision.DockerProbe.ABSENT_PROPERTY);
      } else {
        System.setProperty(dev.rehearsal.harness.provision.DockerProbe.ABSENT_PROPERTY, before);
      }
    }
    events.assertStatistics(s -> s.started(1).aborted(1).failed(0).succeeded(0));
    events.assertThatEvents().haveExactly(1, event(test("needsDocker"),
        abortedWithReason(message(m -> m.contains("Docker does not answer")))));
  }

  static class NeedsDocker {
    @Rehearse(scenario = SCENARIO)
    void needsDocker() {
    }
  }

  @Test
  void aScenarioResolvesFromTheProjectDirectoryToo() {
    assertThat(Files.exists(Path.of("src/test/resources", SCENARIO))).isTrue();
    assertThat(dev.rehearsal.api.RehearsalScenario.locate("src/test/resources/" + SCENARIO, Path.of("."), null)
        .name()).isEqualTo("accounts-tier");
  }
}
