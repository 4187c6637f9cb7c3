package dev.rehearsal.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.PlatformReport;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.PlatformReport.Instance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lock-queue-instances: the lock-queue ALTER against 4 instances x pool 10 on max_connections 46.
 * Without lock_timeout the queue holds every pool's connections until the report ends, the probes
 * borne by the pools fail and Kubernetes takes instances out of service; the ladder keeps every
 * wait shorter than three failed probes. The pools take nearly every connection the server has.
 */
class LockQueueInstancesIT {

  static Catalogue.Outcome outcome;

  @BeforeAll
  static void compare() {
    outcome = Catalogue.compare("lock-queue-instances", 50_000, null, null);
    outcome.reports().forEach((strategy, report) -> System.out.printf("%s: %s: %s%n  platform %s%n", strategy,
        report.verdict().status(), report.verdict().headline(), report.platform()));
  }

  @Test
  void withoutATimeoutKubernetesTakesInstancesOutOfService() {
    RehearsalReport naive = outcome.strategy("no-timeout");
    assertThat(naive.platform().instances()).hasSize(4);
    long out = naive.platform().instances().stream().filter(i -> !i.probe().outOfService().isEmpty()).count();
    assertThat(out).isGreaterThanOrEqualTo(2);
    assertThat(naive.summary().instancesUnreadySeconds()).isGreaterThan(1.0);
    assertThat(naive.verdict().headline()).startsWith("Statement 1 waited").contains("Kubernetes would have taken ");
    assertThat(naive.verdict().status()).isEqualTo("fail");
  }

  @Test
  void theLadderKeepsInstancesInServiceLongerAndThePoolsFillTheServer() {
    RehearsalReport ladder = outcome.strategy("gitlab-ladder");
    assertThat(ladder.summary().instancesUnreadySeconds()).isLessThan(
        outcome.strategy("no-timeout").summary().instancesUnreadySeconds());
    for (RehearsalReport report : outcome.reports().values()) {
      assertThat(report.platform().maxConnections()).isEqualTo(46);
      // 40 pooled, the sampler, observer, migration and its catalog probe, the report while it runs
      assertThat(report.platform().peakServerConnections()).isBetween(44, 46);
      assertThat(report.platform().connectionRefusals())
          .isEqualTo(report.platform().instances().stream().mapToLong(Instance::connectionRefusals).sum());
    }
    outcome.everyStrategyCompletedWithoutLosingWrites();
  }
}
