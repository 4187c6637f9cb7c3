package dev.rehearsal.harness.run;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.ExternalProvider;
import dev.rehearsal.harness.provision.PostgresProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ServerSpec;
import java.util.Map;

/**
 * {@code server.standby}: a hot standby streaming from the rehearsal's server, started once the
 * data is seeded (so the base backup holds it) and stopped with the server. Its replay lag is read
 * on the primary with the server's other figures ({@code observe.ServerSampler}). An external
 * server's own standbys are measured the same way; none is started there.
 */
final class Standby {

  private Standby() {}

  /**
   * Before anything starts: a standby the server could not feed is bad input. Every provider can
   * start one (embedded: a second server from the same binaries; container: a second container of
   * the same image); an external server's own standbys are measured, whatever its settings.
   * Operations that read from the standby ({@code replica: true}) need one whose address the harness
   * knows: {@link #checkReplicaReads}.
   */
  static void check(Scenario scenario, PostgresProvider provider) {
    checkReplicaReads(scenario, provider);
    if (scenario.server().standby() == null || provider instanceof ExternalProvider) {
      return;
    }
    Map<String, String> settings = scenario.server().settings();
    String walLevel = settings == null ? null : settings.get("wal_level");
    if (walLevel != null && walLevel.trim().equalsIgnoreCase("minimal")) {
      throw new BadInputException("server.standby: the server's wal_level: minimal writes too little WAL for a "
          + "standby to follow\n  fix: drop wal_level from server.settings (replica is the default), or drop "
          + "server.standby");
    }
  }

  /**
   * Operations on the standby run on the standby the harness started, in the rehearsal's database there
   * ({@code PostgresServer.standbyTarget}). An external server's standbys are not the harness's: it does not
   * know their addresses.
   */
  private static void checkReplicaReads(Scenario scenario, PostgresProvider provider) {
    String replica = scenario.workload().operations().stream().filter(OperationSpec::replica)
        .map(OperationSpec::name).findFirst().orElse(null);
    if (replica == null) {
      return;
    }
    if (provider instanceof ExternalProvider) {
      throw new BadInputException("operation '" + replica + "' reads from the standby (replica: true), but the "
          + "harness starts no standby beside an external server and does not know the address of its own\n  fix: "
          + "rehearse with --postgres embedded (it starts the standby itself), or remove replica: true");
    }
  }

  /** Starts the standby the scenario asks for, where the harness runs the server. */
  static void startIfAsked(Scenario scenario, PostgresProvider provider, PostgresServer server, Console console) {
    ServerSpec.StandbySpec standby = scenario.server().standby();
    if (standby == null) {
      return;
    }
    if (provider instanceof ExternalProvider) {
      console.say("server.standby: %s is not the harness's to replicate; the lag of the standbys it already has "
          + "(pg_stat_replication) is measured", server.provider());
      return;
    }
    long t0 = System.nanoTime();
    try {
      server.startStandby(Map.of(), standby.applyDelay());
    } catch (UnsupportedOperationException e) {
      // a provider Standby.check let through that cannot start one after all
      throw new BadInputException("server.standby: " + e.getMessage() + "\n  fix: rehearse with --postgres embedded");
    }
    console.say("Standby streaming from the server%s (%.1f s: base backup and start)",
        standby.applyDelay().isZero() ? "" : ", applying WAL " + standby.applyDelay().toMillis() + " ms late",
        (System.nanoTime() - t0) / 1e9);
  }
}
