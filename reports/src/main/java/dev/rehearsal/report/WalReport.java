package dev.rehearsal.report;

import java.util.List;

/**
 * The WAL the run wrote, read from a session of its own (never the migration's).
 *
 * @param source how it was measured, e.g. "pg_current_wal_insert_lsn() every 100 ms"
 * @param fullPageImages full-page images written during the migration (pg_stat_wal.wal_fpi, PG 14+);
 *     null where the server does not expose them
 * @param checkpointsRequested checkpoints requested during the migration (pg_stat_bgwriter or, PG
 *     17+, pg_stat_checkpointer); null when unknown
 * @param statements each migration statement's WAL, in order
 */
public record WalReport(String source, Long fullPageImages, Long checkpointsRequested,
    List<WalReport.StatementWal> statements) {

  /**
   * @param index the statement's index in {@code statements}
   * @param walBytes WAL written while it ran (the whole server's: the application's writes too)
   * @param walBytesPerSecond that over its duration
   * @param fullPageImages full-page images written while it ran; null where not exposed
   * @param checkpointsRequested checkpoints requested while it ran; null when unknown
   */
  public record StatementWal(int index, long walBytes, double walBytesPerSecond, Long fullPageImages,
      Long checkpointsRequested) {

    /** Without the full-page images and checkpoints (a report written before they were measured). */
    public StatementWal(int index, long walBytes, double walBytesPerSecond) {
      this(index, walBytes, walBytesPerSecond, null, null);
    }
  }
}
