package dev.rehearsal.report;

import java.util.List;

/**
 * The application instances as the platform runs them, and the server they share.
 *
 * @param maxConnections the server's max_connections, read back from it (null when unknown)
 * @param peakServerConnections most client connections the server had open at once, every
 *     database and role (sampled with the WAL, every 100 ms; null when not sampled)
 * @param connectionRefusals connections the server refused the application's pools for being full
 *     (SQLSTATE 53300), every instance together
 * @param instances each instance, in order
 */
public record PlatformReport(Integer maxConnections, Integer peakServerConnections, long connectionRefusals,
    List<PlatformReport.Instance> instances) {

  /**
   * One application instance: its pool (the scenario's pool settings) and its probe.
   *
   * @param instance 1-based
   * @param peakActive most of its connections in use at once
   * @param maxWaiting most of its requests waiting for a connection at once
   * @param saturatedSeconds seconds with all its connections busy and requests waiting
   * @param poolTimeouts its requests that got no connection within connectionTimeout
   * @param connectionRefusals connections its pool asked for and the server refused (53300)
   * @param probe its health check and what the orchestrator would have done; null when none ran
   */
  public record Instance(int instance, int maximumPoolSize, int peakActive, int maxWaiting, int saturatedSeconds,
      long poolTimeouts, long connectionRefusals, Probe probe) {}

  /**
   * An instance's health check with Kubernetes semantics, and its outcome.
   *
   * @param via pool or own-connection
   * @param kind readiness or liveness
   * @param failedProbes probes that failed or exceeded timeoutSeconds
   * @param outOfServiceSeconds seconds the instance was out of service (readiness), or restarting
   *     until its probe passed again (liveness)
   * @param restarts liveness restarts (0 for readiness)
   * @param outOfService each stretch, in order
   */
  public record Probe(String via, String kind, String sql, double periodSeconds, double timeoutSeconds,
      int failureThreshold, int successThreshold, int probes, int failedProbes, double outOfServiceSeconds,
      int restarts, List<OutOfService> outOfService) {}

  /**
   * A stretch an instance was out of service.
   *
   * @param fromSecond when the orchestrator acted (the probe reaching failureThreshold finished),
   *     seconds since load start
   * @param toSecond when the probe reaching successThreshold finished, or the end of the load
   * @param restarts liveness restarts in it
   * @param untilEnd still out of service when the load ended
   */
  public record OutOfService(double fromSecond, double toSecond, double seconds, int restarts, boolean untilEnd) {}
}
