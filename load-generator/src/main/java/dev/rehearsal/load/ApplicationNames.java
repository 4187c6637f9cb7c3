package dev.rehearsal.load;

/**
 * The {@code application_name} of every session the harness opens, one per role, so that the
 * lock observer (and anyone reading pg_stat_activity during a rehearsal) can tell them apart.
 */
public final class ApplicationNames {

  /** Pooled application traffic: the weighted operations. */
  public static final String LOAD = "rehearsal-load";
  /** Periodic jobs on their own connections: report queries, idle-in-transaction sessions. */
  public static final String REPORT = "rehearsal-report";
  /**
   * Operations marked {@code replica}, pooled or periodic: on the standby, never on the primary the
   * observer watches, and named apart so that no one reading either server mistakes them.
   */
  public static final String REPLICA = "rehearsal-replica";
  /** The health-check probe. */
  public static final String HEALTH = "rehearsal-health";
  /** The migration under rehearsal. */
  public static final String MIGRATION = "rehearsal-migration";
  /** The lock observer's sampling connection. */
  public static final String OBSERVER = "rehearsal-observer";
  /** Set-up and checks: schema, inspection, the integrity check. */
  public static final String ADMIN = "rehearsal-admin";
  /** The seeder's COPY, index and vacuum sessions. */
  public static final String SEED = "rehearsal-seed";

  private ApplicationNames() {}

  /** Whether sessions of this name are the application's (their waits are what users feel). */
  public static boolean isApplication(String applicationName) {
    return LOAD.equals(applicationName) || REPORT.equals(applicationName) || HEALTH.equals(applicationName);
  }
}
