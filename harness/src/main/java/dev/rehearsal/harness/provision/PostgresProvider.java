package dev.rehearsal.harness.provision;

import java.util.Map;

/**
 * Starts (or connects to) the PostgreSQL server a rehearsal runs on. Implementations apply the
 * scenario's server settings the same way, so that every provider yields a server that behaves
 * like production.
 */
public interface PostgresProvider {

  /** embedded, container or external. */
  String name();

  /**
   * @param settings postgresql.conf settings to run with (name to value)
   * @return a running server; close it to stop it (or, for external servers, to disconnect)
   */
  PostgresServer start(Map<String, String> settings);
}
