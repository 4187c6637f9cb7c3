package dev.rehearsal.harness.judge;

import dev.rehearsal.report.PlatformReport.Instance;
import dev.rehearsal.report.PlatformReport.OutOfService;
import dev.rehearsal.report.PlatformReport;
import java.util.List;
import java.util.Locale;

/**
 * What the orchestrator would have done, in one sentence for the headline: "Kubernetes would have
 * taken 3 of 4 instances out of service for up to 6.0 s (18.1 instance-seconds in all)", or
 * "Kubernetes would have restarted 2 of 4 instances (3 restarts), out of service for up to 4.0 s (6.0
 * instance-seconds in all)". Null when it would have done nothing, or no probe ran.
 */
final class PlatformVerdict {

  private PlatformVerdict() {}

  static String sentence(PlatformReport platform) {
    if (platform == null) {
      return null;
    }
    List<Instance> probed = platform.instances().stream().filter(i -> i.probe() != null).toList();
    List<Instance> out = probed.stream().filter(i -> !i.probe().outOfService().isEmpty()).toList();
    if (out.isEmpty()) {
      return null;
    }
    int restarts = out.stream().mapToInt(i -> i.probe().restarts()).sum();
    String which = probed.size() == 1 ? "the instance" : out.size() + " of " + probed.size() + " instances";
    if (restarts > 0) {
      long restarted = out.stream().filter(i -> i.probe().restarts() > 0).count();
      String whichRestarted = probed.size() == 1 ? "the instance" : restarted + " of " + probed.size() + " instances";
      return String.format(Locale.ROOT, "Kubernetes would have restarted %s (%d restart%s), out of service %s.",
          whichRestarted, restarts, restarts == 1 ? "" : "s", seconds(out));
    }
    return String.format(Locale.ROOT, "Kubernetes would have taken %s out of service %s.", which, seconds(out));
  }

  /** "for up to 6.0 s (18.1 instance-seconds in all)", or "for 6.0 s" when a single instance was out. */
  private static String seconds(List<Instance> out) {
    double longest = out.stream().mapToDouble(i -> i.probe().outOfServiceSeconds()).max().orElse(0);
    if (out.size() == 1) {
      return "for " + secs(longest);
    }
    return "for up to " + secs(longest) + " (" + String.format(Locale.ROOT, "%.1f", total(out))
        + " instance-seconds in all)";
  }

  private static double total(List<Instance> out) {
    return out.stream().flatMap(i -> i.probe().outOfService().stream()).mapToDouble(OutOfService::seconds).sum();
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
