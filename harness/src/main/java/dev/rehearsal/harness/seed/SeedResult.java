package dev.rehearsal.harness.seed;

import java.util.List;

/**
 * What seeding did, for the report and the console.
 *
 * @param fingerprint one checksum over every table's rows and checksum: equal fingerprints mean
 *     identical data
 * @param sessionSettings the fast-load settings the seeding sessions ran with (and only they)
 * @param loadingSynchronousCommit synchronous_commit as the loading sessions read it back
 */
public record SeedResult(
    List<SeededTable> tables,
    long dataMillis,
    long indexMillis,
    long constraintMillis,
    long vacuumMillis,
    long totalMillis,
    String fingerprint,
    List<String> sessionSettings,
    String loadingSynchronousCommit) {

  /**
   * @param format COPY format used, {@code binary} or {@code text}
   * @param checksum hex checksum of the generated rows, independent of the number of streams
   */
  public record SeededTable(String name, long rows, long millis, String format, String checksum) {}

  public long rows() {
    return tables.stream().mapToLong(SeededTable::rows).sum();
  }
}
