package dev.rehearsal.load;

import java.util.ArrayList;
import java.util.List;

/**
 * What an orchestrator (Kubernetes' kubelet) would have done with one application instance, from
 * its probe results in order: {@code failureThreshold} consecutive failures take a ready instance
 * out of service (readiness) or restart it (liveness), and {@code successThreshold} consecutive
 * successes bring it back. A liveness restart resets the counts, so failures that go on restart
 * the instance again after another {@code failureThreshold}. The instance starts in service (it
 * served before the rehearsal began). Pure: no clock, no threads; the caller serialises calls.
 */
public final class Orchestrator {

  /**
   * A stretch out of service.
   *
   * @param fromSecond when the orchestrator acted: the probe that reached the failure threshold
   *     finished, in seconds since load start
   * @param toSecond when the instance came back (the probe that reached the success threshold), or
   *     the end of the run when it never did
   * @param restarts liveness restarts in it (0 for readiness)
   * @param untilEnd the instance was still out of service when the run ended
   */
  public record OutOfService(double fromSecond, double toSecond, int restarts, boolean untilEnd) {
    public double seconds() {
      return toSecond - fromSecond;
    }
  }

  private final HealthCheck.Kind kind;
  private final int failureThreshold;
  private final int successThreshold;
  private final List<OutOfService> episodes = new ArrayList<>();
  private int failures;
  private int successes;
  private boolean inService = true;
  private double outSince;
  private int restartsInEpisode;
  private int probes;
  private int failedProbes;

  public Orchestrator(HealthCheck.Kind kind, int failureThreshold, int successThreshold) {
    this.kind = kind;
    this.failureThreshold = failureThreshold;
    this.successThreshold = successThreshold;
  }

  public Orchestrator(HealthCheck check) {
    this(check.kind(), check.failureThreshold(), check.successThreshold());
  }

  /** One probe's result, at {@code second} (when it finished, seconds since load start). */
  public void probe(boolean ok, double second) {
    probes++;
    if (ok) {
      failures = 0;
      successes++;
      if (!inService && successes >= successThreshold) {
        episodes.add(new OutOfService(outSince, second, restartsInEpisode, false));
        inService = true;
      }
      return;
    }
    failedProbes++;
    successes = 0;
    failures++;
    if (failures < failureThreshold) {
      return;
    }
    if (kind == HealthCheck.Kind.LIVENESS) {
      if (inService) {
        outSince = second;
        restartsInEpisode = 0;
        inService = false;
      }
      restartsInEpisode++;
      failures = 0; // a restarted container's probes count afresh
    } else if (inService) {
      outSince = second;
      inService = false;
    }
  }

  /** The stretches out of service so far; one still open is closed at {@code endSecond}. */
  public List<OutOfService> outOfService(double endSecond) {
    List<OutOfService> all = new ArrayList<>(episodes);
    if (!inService) {
      all.add(new OutOfService(outSince, Math.max(outSince, endSecond), restartsInEpisode, true));
    }
    return all;
  }

  public int probes() {
    return probes;
  }

  public int failedProbes() {
    return failedProbes;
  }

  public HealthCheck.Kind kind() {
    return kind;
  }
}
