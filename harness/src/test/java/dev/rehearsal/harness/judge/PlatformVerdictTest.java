package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.PlatformReport.Instance;
import dev.rehearsal.report.PlatformReport.OutOfService;
import dev.rehearsal.report.PlatformReport;
import dev.rehearsal.report.PlatformReport.Probe;
import dev.rehearsal.report.RehearsalReport.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformVerdictTest {

  private static Instance instance(int n, String kind, OutOfService... out) {
    double seconds = List.of(out).stream().mapToDouble(OutOfService::seconds).sum();
    int restarts = List.of(out).stream().mapToInt(OutOfService::restarts).sum();
    return new Instance(n, 10, 10, 3, 2, 0, 0, new Probe("pool", kind, "SELECT 1", 1, 0.5, 2, 1, 20, 8, seconds,
        restarts, List.of(out)));
  }

  private static PlatformReport platform(Instance... instances) {
    return new PlatformReport(40, 40, 0, new ArrayList<>(List.of(instances)));
  }

  @Test
  void readinessSaysHowManyInstancesAndForHowLong() {
    PlatformReport p = platform(instance(1, "readiness", new OutOfService(10, 16, 6, 0, false)),
        instance(2, "readiness", new OutOfService(10, 16, 6, 0, false)),
        instance(3, "readiness", new OutOfService(11, 17, 6, 0, false)), instance(4, "readiness"));
    assertThat(PlatformVerdict.sentence(p))
        .isEqualTo("Kubernetes would have taken 3 of 4 instances out of service for up to 6.0 s "
            + "(18.0 instance-seconds in all).");
  }

  @Test
  void aSingleInstance() {
    assertThat(PlatformVerdict.sentence(platform(instance(1, "readiness", new OutOfService(3.2, 4.0, 0.8, 0, false)))))
        .isEqualTo("Kubernetes would have taken the instance out of service for 0.8 s.");
  }

  @Test
  void livenessCountsRestarts() {
    PlatformReport p = platform(instance(1, "liveness", new OutOfService(10, 14, 4, 2, false)),
        instance(2, "liveness", new OutOfService(10, 12, 2, 1, false)), instance(3, "liveness"),
        instance(4, "liveness"));
    assertThat(PlatformVerdict.sentence(p)).isEqualTo(
        "Kubernetes would have restarted 2 of 4 instances (3 restarts), out of service for up to 4.0 s "
            + "(6.0 instance-seconds in all).");
  }

  @Test
  void nothingToSayWithoutStretchesOrProbes() {
    assertThat(PlatformVerdict.sentence(platform(instance(1, "readiness")))).isNull();
    assertThat(PlatformVerdict.sentence(platform(new Instance(1, 10, 1, 0, 0, 0, 0, null)))).isNull();
    assertThat(PlatformVerdict.sentence(null)).isNull();
  }

  @Test
  void onAPassTheSentenceComesBeforeEveryBudgetHeld() {
    Verdict v = Judge.withPlatform(new Verdict("pass", "every budget held (1 judged)"),
        "Kubernetes would have taken the instance out of service for 0.8 s.");
    assertThat(v.headline()).isEqualTo(
        "Kubernetes would have taken the instance out of service for 0.8 s; every budget held (1 judged)");
    assertThat(Judge.withPlatform(v, null)).isSameAs(v);
  }
}
