package dev.rehearsal.harness.provision;

import dev.rehearsal.load.DatabaseTarget;

/**
 * A running PostgreSQL server. {@link #close()} is idempotent, and is also registered to run at
 * JVM shutdown by the provider that started it, so Ctrl-C leaves nothing behind.
 */
public interface PostgresServer extends AutoCloseable {

  /** embedded, container or external. */
  String provider();

  /** The database to connect to for administration (creating the scratch database). */
  DatabaseTarget adminTarget();

  /** A database of this server by name, with the same credentials. */
  DatabaseTarget target(String database);

  /**
   * Settings the provider could not apply at server start (an existing server), to be set per
   * database where PostgreSQL allows it.
   */
  default java.util.Map<String, String> settingsToApplyPerDatabase() {
    return java.util.Map.of();
  }

  /**
   * What the provider can tell of why this server stopped answering (the Docker daemon stopped,
   * the container exited), in plain words, or null when it knows nothing or the server is fine.
   * Asked after a failure; takes at most a few seconds.
   */
  default String diagnose() {
    return null;
  }

  /**
   * Starts a hot standby streaming from this server and returns its {@code postgres} database;
   * {@link #close()} stops it first. Only where the provider can run a second server here.
   *
   * @param settings the server's own settings (a standby needs at least its max_connections)
   * @param applyDelay how long the standby waits before applying WAL, to model a slower replica
   * @throws UnsupportedOperationException for a provider that cannot
   */
  default DatabaseTarget startStandby(java.util.Map<String, String> settings, java.time.Duration applyDelay) {
    throw new UnsupportedOperationException("the " + provider() + " provider cannot start a standby");
  }

  /**
   * {@code database} on the standby {@link #startStandby} started (physical replication copies every
   * database, so the rehearsal's scratch database is there under its name once replayed), or null when
   * none was started.
   */
  default DatabaseTarget standbyTarget(String database) {
    return null;
  }

  @Override
  void close();
}
