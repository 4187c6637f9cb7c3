package dev.rehearsal.harness.measure;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.scenario.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where the operations marked {@code replica} run: the rehearsal's database on the standby the
 * harness started. Physical replication copies every database, so the scratch database (or the
 * fresh copy a comparison made) is there under its own name once the standby has replayed its
 * creation; the load waits for that rather than count the standby's catching up as errors.
 */
final class ReplicaTarget {

  /** How long a standby may take to replay a database's creation, on top of its apply delay. */
  static final Duration CATCH_UP = Duration.ofSeconds(60);

  private static final String INVALID_CATALOG_NAME = "3D000";

  private ReplicaTarget() {}

  /** The standby's copy of {@code database}, connectable; null when no operation reads from the standby. */
  static DatabaseTarget await(LoadPlan plan, Scenario scenario, ScratchDatabase database, Console console) {
    String operation = plan.replicaOperation();
    if (operation == null) {
      return null;
    }
    DatabaseTarget standby = database.standbyTarget();
    if (standby == null) {
      throw new InfrastructureException("operation " + operation + " reads from the standby (replica: true), but "
          + "no standby whose databases the harness can address runs beside the server (one the harness starts "
          + "does: server.standby with --postgres embedded or container)");
    }
    Duration applyDelay = scenario.server().standby() == null ? Duration.ZERO
        : scenario.server().standby().applyDelay();
    long deadline = System.nanoTime() + CATCH_UP.plus(applyDelay).toNanos();
    long t0 = System.nanoTime();
    while (true) {
      try (Connection c = ScratchDatabase.connect(standby, ApplicationNames.REPLICA)) {
        console.say("Replica reads: operations marked replica run on the standby, database %s (there after %.1f s)",
            database.name(), (System.nanoTime() - t0) / 1e9);
        return standby;
      } catch (SQLException e) {
        if (!INVALID_CATALOG_NAME.equals(e.getSQLState()) || System.nanoTime() > deadline) {
          throw new InfrastructureException("the standby has no usable copy of database " + database.name()
              + " for the replica operations (" + JdbcUrls.redact(standby.jdbcUrl()) + "): " + e.getMessage(), e);
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("interrupted while waiting for the standby to replay database "
            + database.name(), e);
      }
    }
  }
}
