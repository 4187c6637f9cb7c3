package dev.rehearsal.scenario;

import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server production runs, as far as a rehearsal must match it: the major version
 * and the settings.
 *
 * @param version the major version production runs ({@code server.version}), or null when the
 *     scenario does not pin one (then {@code --pg-version} or the default decides); one of
 *     {@link #SUPPORTED_MAJORS}. Index builds and locks differ between majors, so a scenario that
 *     pins one is rehearsed on it unless {@code --pg-version} overrides it (with a warning)
 * @param settings setting name to value, in declaration order, exactly as they would appear in
 *     postgresql.conf ({@code shared_buffers: 256MB}); never null. Every provider applies the
 *     same map, so the rehearsal server behaves like production rather than like a test fixture
 */
public record ServerSpec(Integer version, Map<String, String> settings, StandbySpec standby) {

  /**
   * A hot standby streaming from the rehearsal's server, whose replay lag the report measures.
   *
   * @param applyDelay {@code recovery_min_apply_delay}: a replica that applies WAL this much later
   */
  public record StandbySpec(java.time.Duration applyDelay) {}

  public ServerSpec(Integer version, Map<String, String> settings) {
    this(version, settings, null);
  }

  /** The major versions every provider can run (the embedded provider has binaries for each). */
  public static final List<Integer> SUPPORTED_MAJORS = List.of(15, 16, 17, 18);

  /** Settings only: the version is not pinned. */
  public ServerSpec(Map<String, String> settings) {
    this(null, settings);
  }

  /** "15, 16, 17 or 18", for messages. */
  public static String supportedMajors() {
    List<String> all = SUPPORTED_MAJORS.stream().map(String::valueOf).toList();
    return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }
}
