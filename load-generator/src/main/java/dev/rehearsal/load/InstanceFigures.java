package dev.rehearsal.load;

import java.util.List;

/**
 * What one application instance went through over a run: its pool, the connections the server
 * refused it, its probe and what the orchestrator would have done.
 *
 * @param instance 1-based
 * @param peakActive most of its pool's connections in use at once (sampled every 50 ms)
 * @param maxWaiting most of its requests waiting for a connection at once
 * @param saturatedSeconds seconds with every connection it had busy and requests waiting (a pool the
 *     server refused some connections saturates below its maximumPoolSize)
 * @param poolTimeouts its requests that got no connection within connectionTimeout
 * @param connectionRefusals connections its pool asked for and the server refused (53300)
 * @param probe its health check, or null when none ran
 * @param probes probes that finished
 * @param failedProbes of those, the ones that failed or exceeded their timeout
 * @param outOfService when the orchestrator would have taken it out of service (readiness) or
 *     restarted it (liveness), in order
 */
public record InstanceFigures(int instance, int maximumPoolSize, int peakActive, int maxWaiting,
    int saturatedSeconds, long poolTimeouts, long connectionRefusals, HealthCheck probe, int probes,
    int failedProbes, List<Orchestrator.OutOfService> outOfService) {

  public InstanceFigures {
    outOfService = List.copyOf(outOfService);
  }

  /** Seconds out of service (or restarting) in total. */
  public double outOfServiceSeconds() {
    return outOfService.stream().mapToDouble(Orchestrator.OutOfService::seconds).sum();
  }

  /** Liveness restarts. */
  public int restarts() {
    return outOfService.stream().mapToInt(Orchestrator.OutOfService::restarts).sum();
  }
}
